package com.countyleague.org.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A compound (name and address) or a building (name) added on a branch's page. */
public class NameForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 50, message = "{validation.max-length}")
    private String name;

    @Size(max = 200, message = "{validation.max-length}")
    private String address;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
