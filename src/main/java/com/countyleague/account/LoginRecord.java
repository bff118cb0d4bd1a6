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

/** One line of the login log. Append-only: the database refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "login_log")
public class LoginRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant at;

    private String username;

    private Long accountId;

    private String ip;

    private String userAgent;

    @Enumerated(EnumType.STRING)
    private LoginLog.Result result;

    private String detail;

    protected LoginRecord() {
    }

    LoginRecord(Instant at, String username, Long accountId, String ip, String userAgent,
                LoginLog.Result result, String detail) {
        this.at = at;
        this.username = Texts.clip(username, 100);
        this.accountId = accountId;
        this.ip = Texts.clip(ip, 64);
        this.userAgent = Texts.clip(userAgent, 300);
        this.result = result;
        this.detail = Texts.clip(detail, 200);
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getUsername() {
        return username;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getIp() {
        return ip;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public LoginLog.Result getResult() {
        return result;
    }

    public String getDetail() {
        return detail;
    }
}
