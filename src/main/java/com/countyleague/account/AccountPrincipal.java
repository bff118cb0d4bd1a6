package com.countyleague.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in account as kept in the session: no password hash once signed in. */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private final String displayName;
    private final Role role;
    private final Long organizationId;
    private final Long personId;
    private final boolean enabled;
    private final boolean nonLocked;
    private String passwordHash;

    private AccountPrincipal(long accountId, String username, String displayName, Role role) {
        this.accountId = accountId;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.organizationId = null;
        this.personId = null;
        this.enabled = true;
        this.nonLocked = true;
        this.passwordHash = null;
    }

    /** The application itself, acting outside any request (demo data, scheduled work): it cannot sign in. */
    static AccountPrincipal system() {
        return new AccountPrincipal(0, "system", "system", Role.COUNTY_ADMIN);
    }

    AccountPrincipal(Account account, boolean nonLocked) {
        this.accountId = account.getId();
        this.username = account.getUsername();
        this.displayName = account.getDisplayName();
        this.role = account.getRole();
        this.organizationId = account.getOrganizationId();
        this.personId = account.getPersonId();
        this.enabled = account.isEnabled();
        this.nonLocked = nonLocked;
        this.passwordHash = account.getPasswordHash();
    }

    public long accountId() {
        return accountId;
    }

    public Role role() {
        return role;
    }

    public Long organizationId() {
        return organizationId;
    }

    public Long personId() {
        return personId;
    }

    public String getDisplayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return nonLocked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
