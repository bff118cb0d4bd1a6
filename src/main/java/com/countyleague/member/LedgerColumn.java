package com.countyleague.member;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Optional;

/**
 * The columns of a ledger sheet, as the template, the import and the export share them. The
 * headers are part of the file format (offices exchange these sheets), so they stay in Chinese
 * whatever the language of the pages.
 */
enum LedgerColumn {
    NAME("姓名", "name", true),
    GENDER("性别", "gender", false),
    BIRTH_DATE("出生日期", "birthDate", false),
    ID_NUMBER("身份证号", "idNumber", true),
    MOBILE("手机号", "mobile", false),
    LEDGER("台账", "ledger", true),
    POLITICAL_STATUS("政治面貌", "politicalStatus", false),
    ORGANIZATION("所属组织", "organizationId", true),
    COMPOUND("小区", "compoundId", false),
    BUILDING("楼栋", "buildingId", false),
    WORKPLACE("工作单位或学校", "workplace", false),
    EDUCATION("学历", "education", false),
    SOURCE_CHANNEL("来源渠道", "sourceChannel", false),
    TAGS("标签", "tags", false),
    SKILLS("技能特长", "skills", false),
    BACKBONE("骨干", "backbone", false),
    GRID_ROLES("网格角色", "gridRoles", false),
    ETHNICITY("民族", "ethnicity", false),
    JOINED_LEAGUE_ON("入团日期", "joinedLeagueOn", false),
    LEAGUE_NUMBER("团员编号", "leagueNumber", false),
    LEAGUE_POST("团内职务", "leaguePost", false),
    VOLUNTEER_REGISTERED_ON("志愿者注册日期", "volunteerRegisteredOn", false),
    VOLUNTEER_NUMBER("志愿者编号", "volunteerNumber", false),
    STATUS("状态", "status", false),
    NOTES("备注", "notes", false);

    final String header;
    /** The field of a person's record this column fills, so a problem with the field names the column. */
    final String field;
    final boolean required;

    LedgerColumn(String header, String field, boolean required) {
        this.header = header;
        this.field = field;
        this.required = required;
    }

    /** The header as the template writes it: required columns are starred. */
    String title() {
        return required ? header + "*" : header;
    }

    /** The column a header names, however it was typed (stars, spaces, full-width characters). */
    static Optional<LedgerColumn> byHeader(String text) {
        String wanted = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).replaceAll("[\\s*]", "");
        return Arrays.stream(values()).filter(c -> c.header.equals(wanted)).findFirst();
    }

    static Optional<LedgerColumn> byField(String field) {
        return Arrays.stream(values()).filter(c -> c.field.equals(field)).findFirst();
    }
}
