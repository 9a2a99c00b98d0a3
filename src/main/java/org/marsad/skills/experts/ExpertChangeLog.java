package org.marsad.skills.experts;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log of changes to what matching uses, which every node's matching index follows. Writers take a
 * transaction-scoped advisory lock before taking a sequence number, so sequence numbers become visible in order:
 * a reader that has seen number N will never later find a committed N-1 it missed. Profile changes are made by
 * people, a few per second at most, so serialising them costs nothing noticeable.
 */
@Component
public class ExpertChangeLog {

    private static final long LOCK = 0x534b494c4c53434cL;

    private final JdbcClient jdbc;

    ExpertChangeLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long expertId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", LOCK).query((rs, n) -> 1).list();
        jdbc.sql("INSERT INTO skills.expert_change (expert_id) VALUES (:id)").param("id", expertId).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Long> expertIds) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", LOCK).query((rs, n) -> 1).list();
        jdbc.sql("INSERT INTO skills.expert_change (expert_id) SELECT unnest(CAST(:ids AS bigint[])) ORDER BY 1")
                .param("ids", expertIds.toArray(Long[]::new)).update();
    }

    public record Change(long seq, long expertId) {
    }

    public List<Change> since(long seq, int limit) {
        return jdbc.sql("SELECT seq, expert_id FROM skills.expert_change WHERE seq > :seq ORDER BY seq LIMIT :limit")
                .param("seq", seq).param("limit", limit)
                .query((rs, n) -> new Change(rs.getLong(1), rs.getLong(2))).list();
    }

    public long last() {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM skills.expert_change").query(Long.class).single();
    }
}
