package org.marsad.skills.missions;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.marsad.platform.Json;
import org.marsad.skills.matching.Explanation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MissionRepository {

    private final JdbcClient jdbc;
    private final Json json;

    MissionRepository(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The mission row, without trail and evaluations. */
    record Row(long id, long demandId, Long expertId, long organisationId, MissionState state, double score,
            Explanation explanation, String expertCountry, boolean expertErased, LocalDate scheduledStart,
            LocalDate scheduledEnd, OffsetDateTime stateSince, OffsetDateTime createdAt, boolean synthetic, int version,
            boolean contacted) {
    }

    record Stalled(long id, MissionState state, OffsetDateTime stateSince) {
    }

    long insert(long demandId, long expertId, long organisationId, double score, Explanation explanation, String country,
            Long createdBy, boolean synthetic) {
        return jdbc.sql("""
                INSERT INTO skills.mission (demand_id, expert_id, organisation_id, state, score, explanation, expert_country,
                    created_by, synthetic)
                VALUES (:demand, :expert, :org, 'PROPOSED', :score, :explanation, :country, :createdBy, :synthetic)
                RETURNING id
                """).param("demand", demandId).param("expert", expertId).param("org", organisationId)
                .param("score", BigDecimal.valueOf(score)).param("explanation", json.jsonb(explanation))
                .param("country", country).param("createdBy", createdBy).param("synthetic", synthetic)
                .query(Long.class).single();
    }

    boolean exists(long demandId, long expertId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM skills.mission WHERE demand_id = :d AND expert_id = :e)")
                .param("d", demandId).param("e", expertId).query(Boolean.class).single();
    }

    /** Moves the mission on only if it is still in the state the action was checked against. */
    boolean transition(long id, MissionState from, MissionState to, LocalDate start, LocalDate end) {
        return jdbc.sql("""
                UPDATE skills.mission SET state = :to, state_since = now(), version = version + 1,
                    scheduled_start = coalesce(:start, scheduled_start), scheduled_end = coalesce(:end, scheduled_end)
                WHERE id = :id AND state = :from
                """).param("id", id).param("from", from.name()).param("to", to.name()).param("start", start)
                .param("end", end).update() == 1;
    }

    void event(long missionId, String action, MissionState from, MissionState to, String side, Long actorId, String note) {
        jdbc.sql("""
                INSERT INTO skills.mission_event (mission_id, action, from_state, to_state, actor_side, actor_id, note)
                VALUES (:id, :action, :from, :to, :side, :actor, :note)
                """).param("id", missionId).param("action", action).param("from", from == null ? null : from.name())
                .param("to", to.name()).param("side", side).param("actor", actorId).param("note", note).update();
    }

    void evaluation(long missionId, String side, int overall, int objectives, int cooperation, boolean repeat, String comment) {
        jdbc.sql("""
                INSERT INTO skills.mission_evaluation (mission_id, side, overall, objectives, cooperation, would_repeat, comment)
                VALUES (:id, :side, :overall, :objectives, :cooperation, :repeat, :comment)
                """).param("id", missionId).param("side", side).param("overall", overall).param("objectives", objectives)
                .param("cooperation", cooperation).param("repeat", repeat).param("comment", comment).update();
    }

    void bumpVersion(long id) {
        jdbc.sql("UPDATE skills.mission SET version = version + 1 WHERE id = :id").param("id", id).update();
    }

    Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE m.id = :id").param("id", id).query(this::map).optional();
    }

    List<Mission.Step> trail(long id) {
        return jdbc.sql("SELECT * FROM skills.mission_event WHERE mission_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> new Mission.Step(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("action"), rs.getString("from_state") == null ? null : MissionState.valueOf(rs.getString("from_state")),
                        MissionState.valueOf(rs.getString("to_state")), rs.getString("actor_side"), rs.getString("note")))
                .list();
    }

    List<Mission.Evaluation> evaluations(long id) {
        return jdbc.sql("SELECT * FROM skills.mission_evaluation WHERE mission_id = :id ORDER BY side").param("id", id)
                .query((rs, n) -> new Mission.Evaluation(rs.getString("side"), rs.getInt("overall"), rs.getInt("objectives"),
                        rs.getInt("cooperation"), rs.getBoolean("would_repeat"), rs.getString("comment"),
                        rs.getObject("at", OffsetDateTime.class)))
                .list();
    }

    /**
     * Missions visible to a reader: of an organisation (institution), of an expert once contacted, of a demand, or all
     * (ADMIN) — newest first.
     */
    List<Row> list(Long organisationId, Long expertId, Long demandId, int limit, int offset) {
        return jdbc.sql(SELECT + WHERE + " ORDER BY m.id DESC LIMIT :limit OFFSET :offset")
                .param("org", organisationId).param("expert", expertId).param("demand", demandId)
                .param("limit", limit).param("offset", offset).query(this::map).list();
    }

    long count(Long organisationId, Long expertId, Long demandId) {
        return jdbc.sql("SELECT count(*) FROM skills.mission m" + WHERE)
                .param("org", organisationId).param("expert", expertId).param("demand", demandId)
                .query(Long.class).single();
    }

    /** Missions that have stayed in a state that waits for someone since before the limit. */
    List<Stalled> stalled(OffsetDateTime since) {
        return jdbc.sql("""
                SELECT id, state, state_since FROM skills.mission
                WHERE NOT synthetic AND state_since < :since
                  AND (state IN ('CONTACTED', 'ACCEPTED', 'COMPLETED', 'EVALUATED')
                       OR (state = 'SCHEDULED' AND scheduled_start < current_date)
                       OR (state = 'IN_PROGRESS' AND scheduled_end < current_date))
                ORDER BY id
                """).param("since", since)
                .query((rs, n) -> new Stalled(rs.getLong(1), MissionState.valueOf(rs.getString(2)), rs.getObject(3, OffsetDateTime.class)))
                .list();
    }

    /** Erasure: the expert's own words leave the trail and evaluations; the steps and ratings stay, anonymous. */
    void forgetExpert(long expertId) {
        jdbc.sql("""
                UPDATE skills.mission_event SET note = NULL
                WHERE actor_side = 'EXPERT' AND mission_id IN (SELECT id FROM skills.mission WHERE expert_id = :e)
                """).param("e", expertId).update();
        jdbc.sql("""
                UPDATE skills.mission_evaluation SET comment = NULL
                WHERE side = 'EXPERT' AND mission_id IN (SELECT id FROM skills.mission WHERE expert_id = :e)
                """).param("e", expertId).update();
        jdbc.sql("UPDATE skills.mission SET expert_erased = true, version = version + 1 WHERE expert_id = :e")
                .param("e", expertId).update();
    }

    private static final String SELECT = """
            SELECT m.*, EXISTS (SELECT 1 FROM skills.mission_event e WHERE e.mission_id = m.id AND e.action = 'CONTACT') AS contacted
            FROM skills.mission m
            """;

    private static final String WHERE = """
             WHERE (CAST(:org AS bigint) IS NULL OR m.organisation_id = :org)
               AND (CAST(:expert AS bigint) IS NULL OR (m.expert_id = :expert
                    AND EXISTS (SELECT 1 FROM skills.mission_event e WHERE e.mission_id = m.id AND e.action = 'CONTACT')))
               AND (CAST(:demand AS bigint) IS NULL OR m.demand_id = :demand)
            """;

    private Row map(ResultSet rs, int n) throws SQLException {
        long expert = rs.getLong("expert_id");
        Long expertId = rs.wasNull() ? null : expert;
        return new Row(rs.getLong("id"), rs.getLong("demand_id"), expertId, rs.getLong("organisation_id"),
                MissionState.valueOf(rs.getString("state")), rs.getBigDecimal("score").doubleValue(),
                json.read(rs.getString("explanation"), Explanation.class), rs.getString("expert_country"),
                rs.getBoolean("expert_erased"), rs.getObject("scheduled_start", LocalDate.class),
                rs.getObject("scheduled_end", LocalDate.class), rs.getObject("state_since", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getBoolean("synthetic"), rs.getInt("version"),
                rs.getBoolean("contacted"));
    }
}
