package org.marsad.skills.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless a notification with this key exists; returns whether it was inserted. */
    boolean insert(Long recipientId, String email, String language, String kind, String subject, String body, String link,
            String key, NotificationState state, Long missionId, Long demandId) {
        return jdbc.sql("""
                INSERT INTO skills.notification (recipient_id, email, language, kind, subject, body, link, idempotency_key,
                    state, mission_id, demand_id)
                VALUES (:recipient, :email, :language, :kind, :subject, :body, :link, :key, :state, :mission, :demand)
                ON CONFLICT (idempotency_key) DO NOTHING
                """)
                .param("recipient", recipientId).param("email", email).param("language", language).param("kind", kind)
                .param("subject", subject).param("body", body).param("link", link).param("key", key)
                .param("state", state.name()).param("mission", missionId).param("demand", demandId)
                .update() == 1;
    }

    /**
     * Claims due notifications for this sender: each row is locked, marked SENDING and its attempt counted in one
     * statement, skipping rows another node holds, and the claim commits before anything is sent.
     */
    List<Notification> claim(int limit) {
        return jdbc.sql("""
                UPDATE skills.notification SET state = 'SENDING', claimed_at = now(), attempts = attempts + 1
                WHERE id IN (SELECT id FROM skills.notification WHERE state = 'QUEUED' AND next_attempt_at <= now()
                             ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).param("limit", limit).query(NotificationRepository::map).list();
    }

    boolean markSent(long id) {
        return jdbc.sql("UPDATE skills.notification SET state = 'SENT', sent_at = now(), last_error = NULL WHERE id = :id AND state = 'SENDING'")
                .param("id", id).update() == 1;
    }

    boolean retryLater(long id, OffsetDateTime next, String error) {
        return jdbc.sql("""
                UPDATE skills.notification SET state = 'QUEUED', next_attempt_at = :next, last_error = :error
                WHERE id = :id AND state = 'SENDING'
                """).param("id", id).param("next", next).param("error", error).update() == 1;
    }

    boolean fail(long id, String error) {
        return jdbc.sql("UPDATE skills.notification SET state = 'FAILED', last_error = :error WHERE id = :id AND state = 'SENDING'")
                .param("id", id).param("error", error).update() == 1;
    }

    /** Notifications left SENDING by a node that stopped mid-send: their outcome is unknown, they are not resent. */
    int expireClaims(OffsetDateTime claimedBefore, String error) {
        return jdbc.sql("""
                UPDATE skills.notification SET state = 'FAILED', last_error = :error
                WHERE state = 'SENDING' AND claimed_at < :before
                """).param("before", claimedBefore).param("error", error).update();
    }

    boolean requeue(long id) {
        return jdbc.sql("""
                UPDATE skills.notification SET state = 'QUEUED', attempts = 0, next_attempt_at = now(), claimed_at = NULL
                WHERE id = :id AND state = 'FAILED' AND email IS NOT NULL
                """).param("id", id).update() == 1;
    }

    boolean markRead(long id, long recipientId) {
        return jdbc.sql("UPDATE skills.notification SET read_at = coalesce(read_at, now()) WHERE id = :id AND recipient_id = :r")
                .param("id", id).param("r", recipientId).update() == 1;
    }

    Optional<Notification> find(long id) {
        return jdbc.sql("SELECT * FROM skills.notification WHERE id = :id").param("id", id)
                .query(NotificationRepository::map).optional();
    }

    List<Notification> list(Long recipientId, NotificationState state, int limit, int offset) {
        return jdbc.sql("""
                SELECT * FROM skills.notification
                WHERE (CAST(:r AS bigint) IS NULL OR recipient_id = :r) AND (CAST(:state AS text) IS NULL OR state = :state)
                ORDER BY id DESC LIMIT :limit OFFSET :offset
                """).param("r", recipientId).param("state", state == null ? null : state.name())
                .param("limit", limit).param("offset", offset).query(NotificationRepository::map).list();
    }

    long count(Long recipientId, NotificationState state) {
        return jdbc.sql("""
                SELECT count(*) FROM skills.notification
                WHERE (CAST(:r AS bigint) IS NULL OR recipient_id = :r) AND (CAST(:state AS text) IS NULL OR state = :state)
                """).param("r", recipientId).param("state", state == null ? null : state.name()).query(Long.class).single();
    }

    long unread(long recipientId) {
        return jdbc.sql("SELECT count(*) FROM skills.notification WHERE recipient_id = :r AND read_at IS NULL")
                .param("r", recipientId).query(Long.class).single();
    }

    int deleteForRecipient(long recipientId) {
        return jdbc.sql("DELETE FROM skills.notification WHERE recipient_id = :r").param("r", recipientId).update();
    }

    private static Notification map(ResultSet rs, int n) throws SQLException {
        long recipient = rs.getLong("recipient_id");
        Long recipientId = rs.wasNull() ? null : recipient;
        long mission = rs.getLong("mission_id");
        Long missionId = rs.wasNull() ? null : mission;
        long demand = rs.getLong("demand_id");
        Long demandId = rs.wasNull() ? null : demand;
        return new Notification(rs.getLong("id"), recipientId, rs.getString("email"), rs.getString("language"),
                rs.getString("kind"), rs.getString("subject"), rs.getString("body"), rs.getString("link"),
                NotificationState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getString("last_error"),
                rs.getObject("sent_at", OffsetDateTime.class), rs.getObject("read_at", OffsetDateTime.class), missionId,
                demandId, rs.getObject("created_at", OffsetDateTime.class));
    }
}
