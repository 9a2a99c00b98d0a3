package org.marsad.frameworks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.marsad.frameworks.CrosswalkLink;
import org.marsad.frameworks.LinkBasis;
import org.marsad.frameworks.LinkRelation;
import org.marsad.frameworks.NodeKind;
import org.marsad.frameworks.NodeRef;
import org.marsad.platform.Json;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CrosswalkRepository {

    private static final String SELECT = """
            SELECT l.*,
                   a.code AS a_code, fa.code AS a_framework, a.kind AS a_kind, a.number AS a_number, a.title AS a_title,
                   b.code AS b_code, fb.code AS b_framework, b.kind AS b_kind, b.number AS b_number, b.title AS b_title
            FROM frameworks.crosswalk_link l
            JOIN frameworks.node a ON a.id = l.from_node_id JOIN frameworks.framework fa ON fa.id = a.framework_id
            JOIN frameworks.node b ON b.id = l.to_node_id JOIN frameworks.framework fb ON fb.id = b.framework_id
            """;

    private final JdbcClient jdbc;
    private final Json json;

    CrosswalkRepository(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long countLive() {
        return jdbc.sql("SELECT count(*) FROM frameworks.crosswalk_link WHERE removed_at IS NULL").query(Long.class).single();
    }

    public Optional<CrosswalkLink> find(long id) {
        return jdbc.sql(SELECT + " WHERE l.id = :id").param("id", id).query(this::map).optional();
    }

    /** Links touching a node, live first, then removed ones (kept for the record). */
    public List<CrosswalkLink> touching(String nodeCode, boolean includeRemoved) {
        return jdbc.sql(SELECT + """
                WHERE (a.code = :code OR b.code = :code) AND (:removed OR l.removed_at IS NULL)
                ORDER BY l.removed_at NULLS FIRST, fa.code, fb.code, a.position, b.position
                """).param("code", nodeCode).param("removed", includeRemoved).query(this::map).list();
    }

    /** Links between two frameworks (either direction), or all links when a framework is not given. */
    public List<CrosswalkLink> between(String frameworkA, String frameworkB, LinkBasis basis, boolean includeRemoved,
            int limit, int offset) {
        return jdbc.sql(SELECT + WHERE_BETWEEN + " ORDER BY l.id LIMIT :limit OFFSET :offset")
                .param("fa", frameworkA).param("fb", frameworkB).param("basis", basis == null ? null : basis.name())
                .param("removed", includeRemoved).param("limit", limit).param("offset", offset)
                .query(this::map).list();
    }

    public long countBetween(String frameworkA, String frameworkB, LinkBasis basis, boolean includeRemoved) {
        return jdbc.sql("""
                SELECT count(*) FROM frameworks.crosswalk_link l
                JOIN frameworks.node a ON a.id = l.from_node_id JOIN frameworks.framework fa ON fa.id = a.framework_id
                JOIN frameworks.node b ON b.id = l.to_node_id JOIN frameworks.framework fb ON fb.id = b.framework_id
                """ + WHERE_BETWEEN)
                .param("fa", frameworkA).param("fb", frameworkB).param("basis", basis == null ? null : basis.name())
                .param("removed", includeRemoved).query(Long.class).single();
    }

    private static final String WHERE_BETWEEN = """
            WHERE (CAST(:fa AS text) IS NULL OR fa.code = :fa OR fb.code = :fa)
              AND (CAST(:fb AS text) IS NULL OR fa.code = :fb OR fb.code = :fb)
              AND (CAST(:basis AS text) IS NULL OR l.basis = :basis)
              AND (:removed OR l.removed_at IS NULL)
            """;

    /** Live link count per node code of one framework. */
    public Map<String, Integer> liveCounts(String frameworkCode) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("""
                SELECT n.code, count(*) AS c FROM frameworks.crosswalk_link l
                JOIN frameworks.node n ON n.id IN (l.from_node_id, l.to_node_id)
                JOIN frameworks.framework f ON f.id = n.framework_id
                WHERE f.code = :code AND l.removed_at IS NULL GROUP BY n.code
                """).param("code", frameworkCode).query((rs, i) -> counts.put(rs.getString("code"), rs.getInt("c"))).list();
        return counts;
    }

    public boolean livePairExists(long nodeA, long nodeB) {
        return jdbc.sql("""
                SELECT count(*) FROM frameworks.crosswalk_link WHERE removed_at IS NULL
                AND least(from_node_id, to_node_id) = least(CAST(:a AS bigint), CAST(:b AS bigint))
                AND greatest(from_node_id, to_node_id) = greatest(CAST(:a AS bigint), CAST(:b AS bigint))
                """).param("a", nodeA).param("b", nodeB).query(Long.class).single() > 0;
    }

    /** Whether a seeded link for this pair was removed by a person: reloading the seed must not bring it back. */
    public boolean removedSeedPairExists(long nodeA, long nodeB) {
        return jdbc.sql("""
                SELECT count(*) FROM frameworks.crosswalk_link WHERE removed_at IS NOT NULL AND seeded
                AND least(from_node_id, to_node_id) = least(CAST(:a AS bigint), CAST(:b AS bigint))
                AND greatest(from_node_id, to_node_id) = greatest(CAST(:a AS bigint), CAST(:b AS bigint))
                """).param("a", nodeA).param("b", nodeB).query(Long.class).single() > 0;
    }

    public long insert(long fromNode, long toNode, LinkRelation relation, LinkBasis basis, LocalizedText rationale,
            List<SourceCitation> sources, boolean seeded, String createdBy) {
        return jdbc.sql("""
                INSERT INTO frameworks.crosswalk_link (from_node_id, to_node_id, relation, basis, rationale, sources, seeded, created_by)
                VALUES (:from, :to, :relation, :basis, :rationale, :sources, :seeded, :createdBy) RETURNING id
                """)
                .param("from", fromNode).param("to", toNode).param("relation", relation.name()).param("basis", basis.name())
                .param("rationale", json.jsonb(rationale)).param("sources", json.jsonb(sources)).param("seeded", seeded)
                .param("createdBy", createdBy)
                .query(Long.class).single();
    }

    public boolean remove(long id, String by, String reason) {
        return jdbc.sql("""
                UPDATE frameworks.crosswalk_link SET removed_at = now(), removed_by = :by, removal_reason = :reason
                WHERE id = :id AND removed_at IS NULL
                """).param("id", id).param("by", by).param("reason", reason).update() == 1;
    }

    private CrosswalkLink map(ResultSet rs, int i) throws SQLException {
        return new CrosswalkLink(
                rs.getLong("id"),
                new NodeRef(rs.getString("a_code"), rs.getString("a_framework"), NodeKind.valueOf(rs.getString("a_kind")),
                        rs.getString("a_number"), json.text(rs.getString("a_title"))),
                new NodeRef(rs.getString("b_code"), rs.getString("b_framework"), NodeKind.valueOf(rs.getString("b_kind")),
                        rs.getString("b_number"), json.text(rs.getString("b_title"))),
                LinkRelation.valueOf(rs.getString("relation")),
                LinkBasis.valueOf(rs.getString("basis")),
                json.text(rs.getString("rationale")),
                Arrays.asList(json.read(rs.getString("sources"), SourceCitation[].class)),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("removed_at", OffsetDateTime.class),
                rs.getString("removed_by"),
                rs.getString("removal_reason"));
    }
}
