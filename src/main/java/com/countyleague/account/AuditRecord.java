package com.countyleague.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One sensitive act (a revealed identity number, an export, a correction). Append-only. */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant at;

    private String operator;

    private Long organizationId;

    private String action;

    private String target;

    private String detail;

    private String ip;

    protected AuditRecord() {
    }

    AuditRecord(Instant at, String operator, Long organizationId, String action, String target, String detail, String ip) {
        this.at = at;
        this.operator = Texts.clip(operator, 100);
        this.organizationId = organizationId;
        this.action = Texts.clip(action, 40);
        this.target = Texts.clip(target, 200);
        this.detail = Texts.clip(detail, 1000);
        this.ip = Texts.clip(ip, 64);
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getOperator() {
        return operator;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getDetail() {
        return detail;
    }

    public String getIp() {
        return ip;
    }
}
