package com.countyleague.account.web;

import com.countyleague.account.StrongPassword;

import jakarta.validation.constraints.NotBlank;

/** A new password an admin sets for someone, who must change it at the next sign-in. */
public class PasswordResetForm {

    @NotBlank(message = "{validation.required}")
    @StrongPassword
    private String password;

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
