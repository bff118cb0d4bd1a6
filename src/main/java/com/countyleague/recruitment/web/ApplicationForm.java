package com.countyleague.recruitment.web;

import com.countyleague.member.MobileNumber;
import com.countyleague.recruitment.Application;
import com.countyleague.recruitment.Channel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an applicant fills in on a campaign's public page (and staff, when they nominate). */
public class ApplicationForm {

    static final String[] FIELDS = {"groupId", "channel", "partner", "name", "idNumber", "mobile", "workplace", "skills", "motivation"};

    @NotNull(message = "{validation.required}")
    private Long groupId;

    private Channel channel = Channel.SELF_APPLICATION;

    @Size(max = 100, message = "{validation.max-length}")
    private String partner;

    @NotBlank(message = "{validation.required}")
    @Size(max = 50, message = "{validation.max-length}")
    private String name;

    @NotBlank(message = "{validation.required}")
    private String idNumber;

    @NotBlank(message = "{validation.required}")
    @Pattern(regexp = "^\\s*" + MobileNumber.REGEX + "\\s*$", message = "{member.mobile.format}")
    private String mobile;

    @Size(max = 100, message = "{validation.max-length}")
    private String workplace;

    @Size(max = 200, message = "{validation.max-length}")
    private String skills;

    @Size(max = 1000, message = "{validation.max-length}")
    private String motivation;

    Application.Form form() {
        return new Application.Form(groupId, channel, partner, name, idNumber, mobile == null ? null : mobile.trim(),
                workplace, skills, motivation);
    }

    public Long getGroupId() { return groupId; }
    public void setGroupId(Long groupId) { this.groupId = groupId; }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel channel) { this.channel = channel; }
    public String getPartner() { return partner; }
    public void setPartner(String partner) { this.partner = partner; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public String getMobile() { return mobile; }
    public void setMobile(String mobile) { this.mobile = mobile; }
    public String getWorkplace() { return workplace; }
    public void setWorkplace(String workplace) { this.workplace = workplace; }
    public String getSkills() { return skills; }
    public void setSkills(String skills) { this.skills = skills; }
    public String getMotivation() { return motivation; }
    public void setMotivation(String motivation) { this.motivation = motivation; }
}
