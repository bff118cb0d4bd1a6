package com.countyleague.account.web;

import com.countyleague.account.Account;
import com.countyleague.account.Role;
import com.countyleague.account.StrongPassword;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An account as the admin form edits it; username and first password only when creating. */
public class AccountForm {

    interface Creating {
    }

    @NotBlank(message = "{validation.required}", groups = Creating.class)
    @Pattern(regexp = "^[A-Za-z0-9_.-]{3,50}$", message = "{account.username.pattern}", groups = Creating.class)
    private String username;

    @NotBlank(message = "{validation.required}")
    @Size(max = 50, message = "{validation.max-length}")
    private String displayName;

    @NotNull(message = "{validation.required}")
    private Role role;

    private Long organizationId;

    @NotBlank(message = "{validation.required}", groups = Creating.class)
    @StrongPassword(groups = Creating.class)
    private String password;

    static AccountForm of(Account account) {
        AccountForm form = new AccountForm();
        form.setDisplayName(account.getDisplayName());
        form.setRole(account.getRole());
        form.setOrganizationId(account.getOrganizationId());
        return form;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(Long organizationId) {
        this.organizationId = organizationId;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
