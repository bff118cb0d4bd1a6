package com.countyleague.member;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ImportJobRepository extends JpaRepository<ImportJob, Long> {

    @Query("select j.content from ImportJob j where j.id = :id")
    byte[] contentOf(@Param("id") long id);

    @Query("""
            select new com.countyleague.member.ImportJobRepository$Progress(j.status, j.processedRows, j.totalRows)
            from ImportJob j where j.id = :id
            """)
    Optional<Progress> progressOf(@Param("id") long id);

    record Progress(ImportJob.Status status, int processedRows, int totalRows) {
    }

    /** Progress for the page that polls it; written apart from the job's own transaction. */
    @Modifying
    @Query(value = "update import_job set processed_rows = :processed where id = :id", nativeQuery = true)
    void progress(@Param("id") long id, @Param("processed") int processed);
}
