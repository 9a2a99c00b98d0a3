package org.marsad.skills.matching;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which experts an institution was shown for its demand: the "matches" of the outcome figures. */
@Repository
class MatchShownRepository {

    private final JdbcClient jdbc;

    MatchShownRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long demandId, long expertId, Integer rank) {
        jdbc.sql("""
                INSERT INTO skills.match_shown (demand_id, expert_id, best_rank) VALUES (:d, :e, :rank)
                ON CONFLICT (demand_id, expert_id) DO UPDATE SET best_rank = least(skills.match_shown.best_rank, EXCLUDED.best_rank)
                """).param("d", demandId).param("e", expertId).param("rank", rank).update();
    }
}
