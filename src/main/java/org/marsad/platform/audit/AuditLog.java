package org.marsad.platform.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.marsad.platform.Json;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PageResult;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.MarsadPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log: every write in every module records who did it, when, to what, and the record before and
 * after. Call it inside the transaction of the write, so that the write and its trace commit together.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Json json;

    AuditLog(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Records a write by the current user (or "system" outside a request).
     *
     * @param visibleToPublic whether the entry may appear in the public "recent changes" (reference data)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, String entityId, String summary, Object before, Object after,
            boolean visibleToPublic) {
        MarsadPrincipal actor = CurrentUser.get().orElse(null);
        insert(actor == null ? "system" : actor.username(), actor == null ? null : actor.id(), action, entityType,
                entityId, summary, before, after, visibleToPublic);
    }

    /** Records an event with an explicit actor, e.g. a failed login that locked an account. */
    @Transactional
    public void recordAs(String actor, Long actorId, String action, String entityType, String entityId, String summary) {
        insert(actor, actorId, action, entityType, entityId, summary, null, null, false);
    }

    private void insert(String actor, Long actorId, String action, String entityType, String entityId, String summary,
            Object before, Object after, boolean visibleToPublic) {
        jdbc.sql("""
                INSERT INTO platform.audit_event (actor, actor_id, action, entity_type, entity_id, summary, before, after, public)
                VALUES (:actor, :actorId, :action, :entityType, :entityId, :summary, :before, :after, :public)
                """)
                .param("actor", actor)
                .param("actorId", actorId)
                .param("action", action)
                .param("entityType", entityType)
                .param("entityId", entityId)
                .param("summary", summary)
                .param("before", json.jsonb(before))
                .param("after", json.jsonb(after))
                .param("public", visibleToPublic)
                .update();
    }

    /**
     * Erasure of personal data: the before/after images and summaries of every entry about this record are removed
     * (the entries themselves stay: that something happened, when, and by whom).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int redact(String entityType, String entityId) {
        return redact(entityType, entityId, entityId);
    }

    /** Like {@link #redact(String, String)}, when the record's identifier is itself personal (a user name). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int redact(String entityType, String entityId, String replacementId) {
        return jdbc.sql("""
                UPDATE platform.audit_event SET before = NULL, after = NULL, summary = 'redacted (personal data erased)',
                       entity_id = :replacement
                WHERE entity_type = :entityType AND entity_id = :entityId
                """).param("entityType", entityType).param("entityId", entityId).param("replacement", replacementId).update();
    }

    /** Erasure of an account: the entries it made name a pseudonym instead of its user name. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int pseudonymiseActor(long actorId, String pseudonym) {
        return jdbc.sql("UPDATE platform.audit_event SET actor = :pseudonym WHERE actor_id = :actorId")
                .param("actorId", actorId).param("pseudonym", pseudonym).update();
    }

    @Transactional(readOnly = true)
    public PageResult<AuditEntry> search(AuditFilter filter, PageQuery page) {
        String where = """
                WHERE (CAST(:entityType AS text) IS NULL OR entity_type = :entityType)
                  AND (CAST(:entityId AS text) IS NULL OR entity_id = :entityId)
                  AND (CAST(:actor AS text) IS NULL OR actor = :actor)
                  AND (CAST(:action AS text) IS NULL OR action = :action)
                  AND (:publicOnly = false OR public)
                """;
        var count = jdbc.sql("SELECT count(*) FROM platform.audit_event " + where);
        var list = jdbc.sql("SELECT * FROM platform.audit_event " + where
                + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset");
        for (var spec : List.of(count, list)) {
            spec.param("entityType", filter.entityType())
                    .param("entityId", filter.entityId())
                    .param("actor", filter.actor())
                    .param("action", filter.action())
                    .param("publicOnly", filter.publicOnly());
        }
        long total = count.query(Long.class).single();
        List<AuditEntry> items = list.param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("entity_type"),
                        rs.getString("entity_id"),
                        rs.getString("summary"),
                        rs.getString("before"),
                        rs.getString("after"),
                        rs.getBoolean("public")))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    public record AuditFilter(String entityType, String entityId, String actor, String action, boolean publicOnly) {

        public static AuditFilter all() {
            return new AuditFilter(null, null, null, null, false);
        }

        public static AuditFilter forEntity(String entityType, String entityId) {
            return new AuditFilter(entityType, entityId, null, null, false);
        }
    }

    public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String action, String entityType,
            String entityId, String summary, String before, String after, boolean visibleToPublic) {
    }
}
