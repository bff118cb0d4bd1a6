package com.countyleague.member;

import java.time.Instant;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * An uploaded ledger sheet on its way: validated, shown as a preview, then committed all at once
 * or not at all. The file itself stays in the database until the job is done, so the commit
 * checks exactly what the preview showed against the data as it is then.
 */
@Entity
public class ImportJob {

    public enum Status { VALIDATING, INVALID, READY, COMMITTING, DONE, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String uploadedBy;

    private Long accountId;

    private String fileName;

    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int totalRows;

    private int processedRows;

    private int newRows;

    private int updatedRows;

    private int unchangedRows;

    private String failure;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant finishedAt;

    @Version
    private long version;

    protected ImportJob() {
    }

    ImportJob(String uploadedBy, long accountId, String fileName, byte[] content, int totalRows, Instant now) {
        this.uploadedBy = uploadedBy;
        this.accountId = accountId;
        this.fileName = fileName;
        this.content = content;
        this.totalRows = totalRows;
        this.status = Status.VALIDATING;
        this.createdAt = now;
    }

    void validated(boolean valid, int newRows, int updatedRows, int unchangedRows) {
        this.status = valid ? Status.READY : Status.INVALID;
        this.newRows = newRows;
        this.updatedRows = updatedRows;
        this.unchangedRows = unchangedRows;
        this.processedRows = totalRows;
    }

    void startCommit() {
        if (status != Status.READY) {
            throw RuleViolationException.of("member.import.not-ready");
        }
        this.status = Status.COMMITTING;
        this.processedRows = 0;
    }

    void committed(int newRows, int updatedRows, int unchangedRows, Instant now) {
        this.status = Status.DONE;
        this.newRows = newRows;
        this.updatedRows = updatedRows;
        this.unchangedRows = unchangedRows;
        this.processedRows = totalRows;
        this.finishedAt = now;
        this.content = new byte[0];
    }

    void failed(String failure, Instant now) {
        this.status = Status.FAILED;
        this.failure = failure == null || failure.length() <= 500 ? failure : failure.substring(0, 500);
        this.finishedAt = now;
    }

    public boolean isRunning() {
        return status == Status.VALIDATING || status == Status.COMMITTING;
    }

    public int getPercent() {
        return totalRows == 0 ? 100 : Math.min(100, processedRows * 100 / totalRows);
    }

    public Long getId() {
        return id;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getFileName() {
        return fileName;
    }

    byte[] getContent() {
        return content;
    }

    public Status getStatus() {
        return status;
    }

    public int getTotalRows() {
        return totalRows;
    }

    public int getProcessedRows() {
        return processedRows;
    }

    public int getNewRows() {
        return newRows;
    }

    public int getUpdatedRows() {
        return updatedRows;
    }

    public int getUnchangedRows() {
        return unchangedRows;
    }

    public String getFailure() {
        return failure;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
