package org.marsad.initiatives.internal;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.marsad.platform.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Uploaded IATI files between preview and application. */
@Repository
class IatiImportRepository {

    private final JdbcClient jdbc;
    private final Json json;

    IatiImportRepository(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID id, String fileName, byte[] content, String checksum, Object preview, String uploadedBy,
            Long uploadedById) {
        jdbc.sql("""
                INSERT INTO initiatives.iati_import (id, file_name, content, checksum, preview, uploaded_by, uploaded_by_id)
                VALUES (:id, :fileName, :content, :checksum, :preview, :uploadedBy, :uploadedById)
                """)
                .param("id", id).param("fileName", fileName).param("content", content).param("checksum", checksum)
                .param("preview", json.jsonb(preview)).param("uploadedBy", uploadedBy).param("uploadedById", uploadedById)
                .update();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT * FROM initiatives.iati_import WHERE id = :id").param("id", id)
                .query((rs, n) -> new Row((UUID) rs.getObject("id"), rs.getString("file_name"), rs.getBytes("content"),
                        rs.getString("checksum"), rs.getString("preview"), rs.getString("uploaded_by"),
                        (Long) rs.getObject("uploaded_by_id"), rs.getObject("uploaded_at", OffsetDateTime.class),
                        rs.getObject("applied_at", OffsetDateTime.class), rs.getString("applied_by")))
                .optional();
    }

    /** Marks the import applied; false if it already was (two people pressing at once). */
    boolean markApplied(UUID id, String by) {
        return jdbc.sql("UPDATE initiatives.iati_import SET applied_at = now(), applied_by = :by WHERE id = :id AND applied_at IS NULL")
                .param("id", id).param("by", by).update() == 1;
    }

    record Row(UUID id, String fileName, byte[] content, String checksum, String preview, String uploadedBy,
            Long uploadedById, OffsetDateTime uploadedAt, OffsetDateTime appliedAt, String appliedBy) {
    }
}
