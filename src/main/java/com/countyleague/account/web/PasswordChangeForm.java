package com.countyleague.account.web;

import com.countyleague.account.StrongPassword;

import jakarta.validation.constraints.NotBlank;

/** The signed-in user's new password, typed twice. */
public class PasswordChangeForm {

    @NotBlank(message = "{validation.required}")
    private String currentPassword;

    @NotBlank(message = "{validation.required}")
    @StrongPassword
    private String newPassword;

    @NotBlank(message = "{validation.required}")
    private String confirmPassword;

    boolean confirmed() {
        return newPassword != null && newPassword.equals(confirmPassword);
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
