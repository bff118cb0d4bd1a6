package com.countyleague.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One write, as the operation log keeps it. Append-only: the database refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "operation_log")
public class OperationRecord {

    public enum Result { SUCCESS, REJECTED, FAILURE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant at;

    private String operator;

    private Long organizationId;

    private String organizationName;

    private String action;

    private String method;

    private String url;

    private String parameters;

    @Enumerated(EnumType.STRING)
    private Result result;

    private int status;

    private String detail;

    private long durationMs;

    private String ip;

    protected OperationRecord() {
    }

    OperationRecord(Instant at, String operator, Long organizationId, String organizationName, String action,
                    String method, String url, String parameters, Result result, int status, String detail,
                    long durationMs, String ip) {
        this.at = at;
        this.operator = Texts.clip(operator, 100);
        this.organizationId = organizationId;
        this.organizationName = Texts.clip(organizationName, 100);
        this.action = Texts.clip(action, 200);
        this.method = Texts.clip(method, 10);
        this.url = Texts.clip(url, 500);
        this.parameters = Texts.clip(parameters, 4000);
        this.result = result;
        this.status = status;
        this.detail = Texts.clip(detail, 500);
        this.durationMs = durationMs;
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

    public String getOrganizationName() {
        return organizationName;
    }

    public String getAction() {
        return action;
    }

    public String getMethod() {
        return method;
    }

    public String getUrl() {
        return url;
    }

    public String getParameters() {
        return parameters;
    }

    public Result getResult() {
        return result;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public long getDurationMs() {
        return durationMs;
    }

    public String getIp() {
        return ip;
    }
}
