package org.marsad.skills.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OutcomesRepository {

    /** One row per mission, with the steps it reached (a step is reached when its event is in the trail). */
    private static final String MISSIONS = """
            WITH m AS (
                SELECT m.id, m.demand_id, m.expert_country, d.sector, m.organisation_id, d.region,
                       EXISTS (SELECT 1 FROM skills.mission_event e WHERE e.mission_id = m.id AND e.action = 'CONTACT') AS contacted,
                       EXISTS (SELECT 1 FROM skills.mission_event e WHERE e.mission_id = m.id AND e.action = 'ACCEPT') AS accepted,
                       EXISTS (SELECT 1 FROM skills.mission_event e WHERE e.mission_id = m.id AND e.action = 'COMPLETE') AS completed,
                       m.state IN ('EVALUATED', 'CLOSED') AS evaluated
                FROM skills.mission m JOIN skills.demand d ON d.id = m.demand_id
            )
            """;

    private final JdbcClient jdbc;

    OutcomesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Outcomes.Totals totals() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM skills.expert) AS experts,
                       (SELECT count(*) FROM skills.expert WHERE synthetic) AS synthetic_experts,
                       (SELECT count(*) FROM skills.demand WHERE published_at IS NOT NULL) AS demands,
                       (SELECT count(*) FROM skills.demand WHERE published_at IS NOT NULL AND synthetic) AS synthetic_demands,
                       (SELECT count(*) FROM skills.mission) AS missions,
                       (SELECT count(*) FROM skills.mission WHERE synthetic) AS synthetic_missions,
                       (SELECT avg(overall) FROM skills.mission_evaluation WHERE side = 'INSTITUTION') AS rating_institutions,
                       (SELECT avg(overall) FROM skills.mission_evaluation WHERE side = 'EXPERT') AS rating_experts
                """).query((rs, n) -> new Outcomes.Totals(rs.getLong("experts"), rs.getLong("synthetic_experts"),
                        rs.getLong("demands"), rs.getLong("synthetic_demands"), rs.getLong("missions"),
                        rs.getLong("synthetic_missions"), round(rs.getObject("rating_institutions", BigDecimal.class)),
                        round(rs.getObject("rating_experts", BigDecimal.class))))
                .single();
    }

    /** Counts of each funnel step, in order. */
    long[] funnel() {
        return jdbc.sql(MISSIONS + """
                SELECT (SELECT count(*) FROM skills.demand WHERE published_at IS NOT NULL),
                       (SELECT count(*) FROM skills.match_shown),
                       count(*), count(*) FILTER (WHERE contacted), count(*) FILTER (WHERE accepted),
                       count(*) FILTER (WHERE completed), count(*) FILTER (WHERE evaluated)
                FROM m
                """).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7)}).single();
    }

    /** Mission counts by the expert's country of residence at the time of the proposal. */
    List<Outcomes.Row> byCountry() {
        return jdbc.sql(MISSIONS + """
                SELECT coalesce(m.expert_country, '—') AS key, 0 AS demands,
                       (SELECT count(*) FROM skills.match_shown s JOIN skills.expert x ON x.id = s.expert_id
                        WHERE x.country = m.expert_country) AS matches,
                       count(*) AS proposed, count(*) FILTER (WHERE contacted) AS contacted,
                       count(*) FILTER (WHERE accepted) AS accepted, count(*) FILTER (WHERE completed) AS completed,
                       count(*) FILTER (WHERE evaluated) AS evaluated
                FROM m GROUP BY m.expert_country ORDER BY proposed DESC, key
                """).query(OutcomesRepository::row).list();
    }

    List<Outcomes.Row> bySector() {
        return byDemandColumn("sector");
    }

    List<Outcomes.Row> byRegion() {
        return byDemandColumn("region");
    }

    /** By organisation id (the service turns ids into codes). */
    List<Outcomes.Row> byInstitution() {
        return byDemandColumn("organisation_id");
    }

    List<Outcomes.CountryCount> expertsByCountry() {
        return jdbc.sql("SELECT country, count(*) FROM skills.expert GROUP BY country ORDER BY 2 DESC, 1")
                .query((rs, n) -> new Outcomes.CountryCount(rs.getString(1), rs.getLong(2))).list();
    }

    /**
     * Counts grouped by one column of the demand. The column comes from a fixed list in this class, never from input,
     * so it can be part of the statement.
     */
    private List<Outcomes.Row> byDemandColumn(String column) {
        if (!List.of("sector", "region", "organisation_id").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql(MISSIONS + """
                , d AS (SELECT coalesce(CAST(%1$s AS text), '—') AS key, count(*) AS demands FROM skills.demand
                        WHERE published_at IS NOT NULL GROUP BY 1),
                  s AS (SELECT coalesce(CAST(dd.%1$s AS text), '—') AS key, count(*) AS matches FROM skills.match_shown x
                        JOIN skills.demand dd ON dd.id = x.demand_id GROUP BY 1),
                  g AS (SELECT coalesce(CAST(m.%1$s AS text), '—') AS key, count(*) AS proposed,
                        count(*) FILTER (WHERE contacted) AS contacted, count(*) FILTER (WHERE accepted) AS accepted,
                        count(*) FILTER (WHERE completed) AS completed, count(*) FILTER (WHERE evaluated) AS evaluated
                        FROM m GROUP BY 1),
                  k AS (SELECT key FROM d UNION SELECT key FROM s UNION SELECT key FROM g)
                SELECT k.key, coalesce(d.demands, 0) AS demands, coalesce(s.matches, 0) AS matches,
                       coalesce(g.proposed, 0) AS proposed, coalesce(g.contacted, 0) AS contacted,
                       coalesce(g.accepted, 0) AS accepted, coalesce(g.completed, 0) AS completed,
                       coalesce(g.evaluated, 0) AS evaluated
                FROM k LEFT JOIN d USING (key) LEFT JOIN s USING (key) LEFT JOIN g USING (key)
                ORDER BY demands DESC, proposed DESC, k.key
                """.formatted(column))
                .query(OutcomesRepository::row).list();
    }

    private static Outcomes.Row row(ResultSet rs, int n) throws SQLException {
        return new Outcomes.Row(rs.getString("key"), rs.getLong("demands"), rs.getLong("matches"), rs.getLong("proposed"),
                rs.getLong("contacted"), rs.getLong("accepted"), rs.getLong("completed"), rs.getLong("evaluated"));
    }

    private static Double round(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
