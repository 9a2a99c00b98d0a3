package org.marsad.frameworks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.marsad.frameworks.Framework;
import org.marsad.frameworks.FrameworkKind;
import org.marsad.frameworks.FrameworkNode;
import org.marsad.frameworks.FrameworkStatus;
import org.marsad.frameworks.NodeKind;
import org.marsad.frameworks.NodeReport;
import org.marsad.platform.Json;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class FrameworkRepository {

    private static final String FRAMEWORK = """
            SELECT f.*, (SELECT count(*) FROM frameworks.node n WHERE n.framework_id = f.id) AS node_count
            FROM frameworks.framework f
            """;
    private static final String NODE = """
            SELECT n.*, f.code AS framework_code, p.code AS parent_code
            FROM frameworks.node n JOIN frameworks.framework f ON f.id = n.framework_id
            LEFT JOIN frameworks.node p ON p.id = n.parent_id
            """;

    private final JdbcClient jdbc;
    private final Json json;

    FrameworkRepository(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Framework> findAll() {
        return jdbc.sql(FRAMEWORK + " ORDER BY f.code").query(this::mapFramework).list();
    }

    public long countFrameworks() {
        return jdbc.sql("SELECT count(*) FROM frameworks.framework").query(Long.class).single();
    }

    public Optional<Framework> find(String code) {
        return jdbc.sql(FRAMEWORK + " WHERE f.code = :code").param("code", code).query(this::mapFramework).optional();
    }

    public List<FrameworkNode> nodes(String frameworkCode) {
        return jdbc.sql(NODE + " WHERE f.code = :code ORDER BY n.position").param("code", frameworkCode)
                .query(this::mapNode).list();
    }

    public Optional<FrameworkNode> node(String code) {
        return jdbc.sql(NODE + " WHERE n.code = :code").param("code", code).query(this::mapNode).optional();
    }

    public List<FrameworkNode> children(String nodeCode) {
        return jdbc.sql(NODE + " WHERE p.code = :code ORDER BY n.position").param("code", nodeCode)
                .query(this::mapNode).list();
    }

    public List<NodeReport> reports(String nodeCode) {
        return jdbc.sql("""
                SELECT r.* FROM frameworks.node_report r JOIN frameworks.node n ON n.id = r.node_id
                WHERE n.code = :code ORDER BY r.position, r.id
                """)
                .param("code", nodeCode)
                .query((rs, i) -> new NodeReport(rs.getString("reporter"), rs.getObject("reported_on", LocalDate.class),
                        json.text(rs.getString("text")), json.text(rs.getString("summary")), citations(rs.getString("sources"))))
                .list();
    }

    public Map<String, Integer> reportCounts(String frameworkCode) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT n.code, count(*) AS c FROM frameworks.node_report r JOIN frameworks.node n ON n.id = r.node_id
                JOIN frameworks.framework f ON f.id = n.framework_id WHERE f.code = :code GROUP BY n.code
                """).param("code", frameworkCode)
                .query((rs, i) -> counts.put(rs.getString("code"), rs.getInt("c"))).list();
        return counts;
    }

    /** Ranked nodes whose code, titles or text match; the snippet marks matches between U+0001 and U+0002. */
    public List<NodeHit> search(String query, String frameworkCode, int limit, int offset) {
        return jdbc.sql("""
                WITH q AS (SELECT websearch_to_tsquery('frameworks.fr_unaccent', :q) AS fr,
                                  websearch_to_tsquery('simple', :q) AS simple)
                SELECT n.*, f.code AS framework_code, p.code AS parent_code,
                       ts_rank_cd(n.tsv, q.fr || q.simple) AS rank,
                       ts_headline('frameworks.fr_unaccent', coalesce(n.text ->> 'fr', n.title ->> 'fr'), q.fr,
                           'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=30, MinWords=10') AS snippet
                FROM frameworks.node n JOIN frameworks.framework f ON f.id = n.framework_id
                LEFT JOIN frameworks.node p ON p.id = n.parent_id, q
                WHERE (n.tsv @@ q.fr OR n.tsv @@ q.simple OR upper(n.code) = upper(:q))
                  AND (CAST(:framework AS text) IS NULL OR f.code = :framework)
                ORDER BY (upper(n.code) = upper(:q)) DESC, rank DESC, n.id
                LIMIT :limit OFFSET :offset
                """)
                .param("q", query).param("framework", frameworkCode).param("limit", limit).param("offset", offset)
                .query((rs, i) -> new NodeHit(mapNode(rs, i), rs.getString("snippet")))
                .list();
    }

    public long countSearch(String query, String frameworkCode) {
        return jdbc.sql("""
                SELECT count(*) FROM frameworks.node n JOIN frameworks.framework f ON f.id = n.framework_id
                WHERE (n.tsv @@ websearch_to_tsquery('frameworks.fr_unaccent', :q) OR n.tsv @@ websearch_to_tsquery('simple', :q)
                       OR upper(n.code) = upper(:q))
                  AND (CAST(:framework AS text) IS NULL OR f.code = :framework)
                """)
                .param("q", query).param("framework", frameworkCode).query(Long.class).single();
    }

    public record NodeHit(FrameworkNode node, String snippet) {
    }

    public boolean frameworkEdited(String code) {
        return jdbc.sql("SELECT edited FROM frameworks.framework WHERE code = :code").param("code", code)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Inserts or (unless a person edited it) updates a framework; returns its id. */
    public long upsertFramework(FrameworkRow f) {
        Optional<Long> id = jdbc.sql("SELECT id FROM frameworks.framework WHERE code = :code").param("code", f.code())
                .query(Long.class).optional();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", f.code());
        p.put("kind", f.kind().name());
        p.put("title", json.jsonb(f.title()));
        p.put("shortTitle", json.jsonb(f.shortTitle()));
        p.put("description", json.jsonb(f.description()));
        p.put("binding", f.binding());
        p.put("status", f.status().name());
        p.put("reportedOn", text(f.statusReportedOn()));
        p.put("adopted", text(f.dates().adopted()));
        p.put("signed", text(f.dates().signed()));
        p.put("ratified", text(f.dates().ratified()));
        p.put("inForce", text(f.dates().inForce()));
        p.put("parties", f.parties().toArray(String[]::new));
        p.put("reference", f.reference());
        p.put("complete", f.complete());
        p.put("gaps", f.gaps() == null || f.gaps().isEmpty() ? null : json.jsonb(f.gaps()));
        p.put("sources", json.jsonb(f.sources()));
        if (id.isEmpty()) {
            return jdbc.sql("""
                    INSERT INTO frameworks.framework (code, kind, title, short_title, description, binding, status,
                        status_reported_on, adopted_on, signed_on, ratified_on, in_force_on, parties, reference, complete, gaps, sources)
                    VALUES (:code, :kind, :title, :shortTitle, :description, :binding, :status, :reportedOn, :adopted, :signed,
                        :ratified, :inForce, :parties, :reference, :complete, :gaps, :sources)
                    RETURNING id
                    """).params(p).query(Long.class).single();
        }
        jdbc.sql("""
                UPDATE frameworks.framework SET kind = :kind, title = :title, short_title = :shortTitle,
                    description = :description, binding = :binding, status = :status, status_reported_on = :reportedOn,
                    adopted_on = :adopted, signed_on = :signed, ratified_on = :ratified, in_force_on = :inForce,
                    parties = :parties, reference = :reference, complete = :complete, gaps = :gaps, sources = :sources,
                    version = version + 1, updated_at = now()
                WHERE code = :code AND NOT edited
                """).params(p).update();
        return id.get();
    }

    /** Inserts or (unless a person edited it) updates a node; returns its id. */
    public long upsertNode(long frameworkId, Long parentId, NodeRow n) {
        Optional<Long> id = jdbc.sql("SELECT id FROM frameworks.node WHERE code = :code").param("code", n.code())
                .query(Long.class).optional();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("frameworkId", frameworkId);
        p.put("parentId", parentId);
        p.put("code", n.code());
        p.put("kind", n.kind().name());
        p.put("number", n.number());
        p.put("position", n.position());
        p.put("depth", n.depth());
        p.put("title", json.jsonb(n.title()));
        p.put("text", n.text() == null || n.text().isEmpty() ? null : json.jsonb(n.text()));
        p.put("complete", n.complete());
        p.put("gaps", n.gaps() == null || n.gaps().isEmpty() ? null : json.jsonb(n.gaps()));
        p.put("sources", json.jsonb(n.sources()));
        if (id.isEmpty()) {
            return jdbc.sql("""
                    INSERT INTO frameworks.node (framework_id, parent_id, code, kind, number, position, depth, title, text,
                        complete, gaps, sources)
                    VALUES (:frameworkId, :parentId, :code, :kind, :number, :position, :depth, :title, :text, :complete, :gaps, :sources)
                    RETURNING id
                    """).params(p).query(Long.class).single();
        }
        jdbc.sql("""
                UPDATE frameworks.node SET framework_id = :frameworkId, parent_id = :parentId, kind = :kind, number = :number,
                    position = :position, depth = :depth, title = :title, text = :text, complete = :complete, gaps = :gaps,
                    sources = :sources, version = version + 1
                WHERE code = :code AND NOT edited
                """).params(p).update();
        return id.get();
    }

    public void replaceReports(long frameworkId, List<ReportRow> reports) {
        jdbc.sql("""
                DELETE FROM frameworks.node_report WHERE node_id IN (SELECT id FROM frameworks.node WHERE framework_id = :id)
                """).param("id", frameworkId).update();
        int position = 0;
        for (ReportRow r : reports) {
            jdbc.sql("""
                    INSERT INTO frameworks.node_report (node_id, reporter, reported_on, text, summary, sources, position)
                    VALUES ((SELECT id FROM frameworks.node WHERE code = :node), :reporter, :reportedOn, :text, :summary, :sources, :position)
                    """)
                    .param("node", r.node()).param("reporter", r.reporter()).param("reportedOn", r.reportedOn())
                    .param("text", json.jsonb(r.text())).param("summary", json.jsonb(r.summary()))
                    .param("sources", json.jsonb(r.sources())).param("position", position++)
                    .update();
        }
    }

    public boolean updateStatus(String code, FrameworkStatus status, PartialDate reportedOn, Framework.Dates dates, int version) {
        return jdbc.sql("""
                UPDATE frameworks.framework SET status = :status, status_reported_on = :reportedOn, adopted_on = :adopted,
                    signed_on = :signed, ratified_on = :ratified, in_force_on = :inForce, edited = true,
                    version = version + 1, updated_at = now()
                WHERE code = :code AND version = :version
                """)
                .param("code", code).param("status", status.name()).param("reportedOn", text(reportedOn))
                .param("adopted", text(dates.adopted())).param("signed", text(dates.signed()))
                .param("ratified", text(dates.ratified())).param("inForce", text(dates.inForce())).param("version", version)
                .update() == 1;
    }

    public boolean updateNodeTitle(String code, LocalizedText title, int version) {
        return jdbc.sql("""
                UPDATE frameworks.node SET title = :title, edited = true, version = version + 1
                WHERE code = :code AND version = :version
                """)
                .param("code", code).param("title", json.jsonb(title)).param("version", version).update() == 1;
    }

    private static String text(PartialDate date) {
        return date == null ? null : date.value();
    }

    public record FrameworkRow(String code, FrameworkKind kind, LocalizedText title, LocalizedText shortTitle,
            LocalizedText description, String binding, FrameworkStatus status, PartialDate statusReportedOn,
            Framework.Dates dates, List<String> parties, String reference, boolean complete, LocalizedText gaps,
            List<SourceCitation> sources) {
    }

    public record NodeRow(String code, NodeKind kind, String number, int position, int depth, LocalizedText title,
            LocalizedText text, boolean complete, LocalizedText gaps, List<SourceCitation> sources) {
    }

    public record ReportRow(String node, String reporter, LocalDate reportedOn, LocalizedText text,
            LocalizedText summary, List<SourceCitation> sources) {
    }

    private List<SourceCitation> citations(String jsonArray) {
        return jsonArray == null ? List.of() : Arrays.asList(json.read(jsonArray, SourceCitation[].class));
    }

    private Framework mapFramework(ResultSet rs, int i) throws SQLException {
        return new Framework(
                rs.getLong("id"),
                rs.getString("code"),
                FrameworkKind.valueOf(rs.getString("kind")),
                json.text(rs.getString("title")),
                json.text(rs.getString("short_title")),
                json.text(rs.getString("description")),
                rs.getString("binding"),
                FrameworkStatus.valueOf(rs.getString("status")),
                PartialDate.parse(rs.getString("status_reported_on")),
                new Framework.Dates(PartialDate.parse(rs.getString("adopted_on")), PartialDate.parse(rs.getString("signed_on")),
                        PartialDate.parse(rs.getString("ratified_on")), PartialDate.parse(rs.getString("in_force_on"))),
                Arrays.asList((String[]) rs.getArray("parties").getArray()),
                rs.getString("reference"),
                rs.getBoolean("complete"),
                rs.getString("gaps") == null ? null : json.text(rs.getString("gaps")),
                citations(rs.getString("sources")),
                rs.getInt("node_count"),
                rs.getInt("version"));
    }

    private FrameworkNode mapNode(ResultSet rs, int i) throws SQLException {
        return new FrameworkNode(
                rs.getLong("id"),
                rs.getString("framework_code"),
                rs.getString("code"),
                rs.getString("parent_code"),
                NodeKind.valueOf(rs.getString("kind")),
                rs.getString("number"),
                rs.getInt("position"),
                rs.getInt("depth"),
                json.text(rs.getString("title")),
                json.text(rs.getString("text")),
                rs.getBoolean("complete"),
                rs.getString("gaps") == null ? null : json.text(rs.getString("gaps")),
                citations(rs.getString("sources")),
                rs.getInt("version"));
    }
}
