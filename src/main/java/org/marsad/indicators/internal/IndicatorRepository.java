package org.marsad.indicators.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.marsad.indicators.Dimension;
import org.marsad.indicators.MeasureKind;
import org.marsad.indicators.Rag;
import org.marsad.platform.Json;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Indicators, their attachments and their periods as stored. Superseded periods are kept, never deleted. */
@Repository
public class IndicatorRepository {

    private static final String LATEST = """
            LEFT JOIN LATERAL (
                SELECT p.* FROM indicators.period p
                WHERE p.indicator_id = i.id AND p.superseded_at IS NULL
                ORDER BY p.start_date DESC, p.end_date DESC NULLS FIRST, p.id DESC
                LIMIT 1) lp ON true
            """;
    /*
     * Three ways in: by a node or by an initiative, driven by its attachments (their primary key) and one primary-key
     * lookup per attached indicator, so that a node with a hundred indicators reads a hundred rows whatever the
     * total; or over all indicators. The node and the initiative are bound parameters in all three; only the constant
     * FROM clause differs. "OFFSET 0" keeps PostgreSQL from flattening the lookup into a hash join that scans every
     * indicator.
     */
    private static final String FROM_NODE = """
            FROM indicators.indicator_node n
            CROSS JOIN LATERAL (SELECT x.* FROM indicators.indicator x WHERE x.id = n.indicator_id OFFSET 0) i
            """;
    private static final String FROM_INITIATIVE = """
            FROM indicators.indicator_initiative a
            CROSS JOIN LATERAL (SELECT x.* FROM indicators.indicator x WHERE x.id = a.indicator_id OFFSET 0) i
            """;
    private static final String FROM_ALL = """
            FROM indicators.indicator i
            """;
    private static final String FILTER = """
            WHERE (:withdrawn OR i.withdrawn_at IS NULL)
              AND (CAST(:node AS text) IS NULL OR n.node_code = :node)
              AND (CAST(:initiative AS text) IS NULL
                   OR i.id IN (SELECT a.indicator_id FROM indicators.indicator_initiative a WHERE a.initiative = :initiative))
              AND (CAST(:q AS text) IS NULL OR lower(concat_ws(' ', i.code, i.title ->> 'fr', i.title ->> 'en', i.title ->> 'ar'))
                   LIKE '%' || :q || '%' ESCAPE '\\')
            """;
    private static final String FILTER_INITIATIVE = """
            WHERE (:withdrawn OR i.withdrawn_at IS NULL)
              AND CAST(:node AS text) IS NULL
              AND a.initiative = :initiative
              AND (CAST(:q AS text) IS NULL OR lower(concat_ws(' ', i.code, i.title ->> 'fr', i.title ->> 'en', i.title ->> 'ar'))
                   LIKE '%' || :q || '%' ESCAPE '\\')
            """;
    private static final String FILTER_ALL = """
            WHERE (:withdrawn OR i.withdrawn_at IS NULL)
              AND CAST(:node AS text) IS NULL
              AND CAST(:initiative AS text) IS NULL
              AND (CAST(:q AS text) IS NULL OR lower(concat_ws(' ', i.code, i.title ->> 'fr', i.title ->> 'en', i.title ->> 'ar'))
                   LIKE '%' || :q || '%' ESCAPE '\\')
            """;

    private final JdbcClient jdbc;
    private final Json json;

    IndicatorRepository(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Listed> search(String node, String initiative, String q, boolean includeWithdrawn, int limit, int offset) {
        List<Listed> rows = bind(jdbc.sql("""
                SELECT i.*, lp.id AS p_id, lp.period_start AS p_period_start, lp.period_end AS p_period_end,
                    lp.target_value AS p_target_value, lp.target_text AS p_target_text, lp.target_comment AS p_target_comment,
                    lp.target_dimensions AS p_target_dimensions, lp.actual_value AS p_actual_value,
                    lp.actual_upper AS p_actual_upper, lp.actual_text AS p_actual_text, lp.actual_comment AS p_actual_comment,
                    lp.actual_dimensions AS p_actual_dimensions, lp.approximate AS p_approximate,
                    lp.given_status AS p_given_status, lp.sources AS p_sources, lp.entered_by AS p_entered_by,
                    lp.entered_at AS p_entered_at, lp.superseded_at AS p_superseded_at, lp.superseded_by AS p_superseded_by,
                    lp.supersede_reason AS p_supersede_reason
                FROM (SELECT i.*
                """ + from(node, initiative) + where(node, initiative) + """
                      ORDER BY """ + order(node) + """
                       LIMIT :limit OFFSET :offset) i
                """ + LATEST + " ORDER BY i.code"), node, initiative, q, includeWithdrawn)
                .param("limit", limit).param("offset", offset)
                .query((ResultSet rs, int n) -> new Listed(indicator(rs), rs.getObject("p_id") == null ? null : mapPeriod(rs, "p_")))
                .list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Attachments> attachments = attachments(rows.stream().map(r -> r.indicator().id()).toArray(Long[]::new));
        return rows.stream().map(r -> new Listed(attachments.getOrDefault(r.indicator().id(), Attachments.NONE)
                .applyTo(r.indicator()), r.latest())).toList();
    }

    public long count(String node, String initiative, String q, boolean includeWithdrawn) {
        if (node != null && initiative == null && (q == null || q.isBlank()) && !includeWithdrawn) {
            // The common case, a node's live indicators: count its attachments, leaving out the few withdrawn.
            return jdbc.sql("""
                    SELECT count(*) FROM indicators.indicator_node n
                    WHERE n.node_code = :node AND NOT EXISTS (SELECT 1 FROM indicators.indicator w
                                                             WHERE w.id = n.indicator_id AND w.withdrawn_at IS NOT NULL)
                    """).param("node", node).query(Long.class).single();
        }
        return bind(jdbc.sql("SELECT count(*) " + from(node, initiative) + where(node, initiative)), node, initiative, q,
                includeWithdrawn)
                .query(Long.class).single();
    }

    private static String order(String node) {
        // Spaces around: the text blocks it sits between lose their trailing whitespace.
        return node == null ? " i.code " : " n.indicator_code ";
    }

    private static String from(String node, String initiative) {
        return node != null ? FROM_NODE : initiative != null ? FROM_INITIATIVE : FROM_ALL;
    }

    private static String where(String node, String initiative) {
        return node != null ? FILTER : initiative != null ? FILTER_INITIATIVE : FILTER_ALL;
    }

    /** Node code → number of live indicators attached to it, in code order. */
    public Map<String, Long> nodeCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT n.node_code, count(*) AS c FROM indicators.indicator_node n
                JOIN indicators.indicator i ON i.id = n.indicator_id AND i.withdrawn_at IS NULL
                GROUP BY n.node_code ORDER BY n.node_code
                """).query((rs, n) -> counts.put(rs.getString("node_code"), rs.getLong("c"))).list();
        return counts;
    }

    public long countLive() {
        return jdbc.sql("SELECT count(*) FROM indicators.indicator WHERE withdrawn_at IS NULL").query(Long.class).single();
    }

    public Optional<Row> find(String code) {
        return jdbc.sql("SELECT * FROM indicators.indicator WHERE code = :code").param("code", code)
                .query(this::mapIndicator).optional()
                .map(row -> attachments(new Long[] {row.id()}).getOrDefault(row.id(), Attachments.NONE).applyTo(row));
    }

    /** An indicator without its attachments: enough to read its values. */
    public Optional<Row> findDefinition(String code) {
        return jdbc.sql("SELECT * FROM indicators.indicator WHERE code = :code").param("code", code)
                .query(this::mapIndicator).optional();
    }

    /** Live periods in time order; with {@code includeSuperseded}, the superseded ones too. */
    public List<StoredPeriod> periods(long indicatorId, boolean includeSuperseded) {
        return jdbc.sql("""
                SELECT * FROM indicators.period
                WHERE indicator_id = :id AND (:all OR superseded_at IS NULL)
                ORDER BY start_date, end_date NULLS LAST, superseded_at NULLS LAST, id
                """)
                .param("id", indicatorId).param("all", includeSuperseded)
                .query((rs, n) -> mapPeriod(rs, "")).list();
    }

    public Optional<StoredPeriod> livePeriod(long indicatorId, PartialDate start, PartialDate end) {
        return jdbc.sql("""
                SELECT * FROM indicators.period
                WHERE indicator_id = :id AND superseded_at IS NULL AND period_start = :start
                  AND coalesce(period_end, '') = coalesce(CAST(:end AS text), '')
                """)
                .param("id", indicatorId).param("start", start.value()).param("end", end == null ? null : end.value())
                .query((rs, n) -> mapPeriod(rs, "")).optional();
    }

    public long insert(Row row, String by) {
        long id = jdbc.sql("""
                INSERT INTO indicators.indicator (code, title, description, measure, unit, ascending, baseline_year,
                    baseline_value, baseline_comment, rationale, sources, edited, created_by)
                VALUES (:code, :title, :description, :measure, :unit, :ascending, :baselineYear, :baselineValue,
                    :baselineComment, :rationale, :sources, :edited, :by)
                RETURNING id
                """).params(params(row)).param("by", by).query(Long.class).single();
        replaceAttachments(id, row.nodes(), row.initiatives());
        return id;
    }

    /** Updates if the stored version is {@code expectedVersion}; false when someone changed it first. */
    public boolean update(long id, Row row, int expectedVersion) {
        boolean updated = jdbc.sql("""
                UPDATE indicators.indicator SET title = :title, description = :description, measure = :measure, unit = :unit,
                    ascending = :ascending, baseline_year = :baselineYear, baseline_value = :baselineValue,
                    baseline_comment = :baselineComment, rationale = :rationale, sources = :sources,
                    edited = edited OR :edited, version = version + 1, updated_at = now()
                WHERE id = :id AND version = :version
                """).params(params(row)).param("id", id).param("version", expectedVersion).update() == 1;
        if (updated) {
            replaceAttachments(id, row.nodes(), row.initiatives());
        }
        return updated;
    }

    public void withdraw(long id, String by, String reason) {
        jdbc.sql("""
                UPDATE indicators.indicator SET withdrawn_at = now(), withdrawn_by = :by, withdrawn_reason = :reason,
                    edited = true, version = version + 1, updated_at = now()
                WHERE id = :id
                """).param("id", id).param("by", by).param("reason", reason).update();
    }

    public long insertPeriod(long indicatorId, StoredPeriod p) {
        return jdbc.sql("""
                INSERT INTO indicators.period (indicator_id, period_start, period_end, start_date, end_date, target_value,
                    target_text, target_comment, target_dimensions, actual_value, actual_upper, actual_text, actual_comment,
                    actual_dimensions, approximate, given_status, sources, entered_by)
                VALUES (:indicatorId, :start, :end, :startDate, :endDate, :target, :targetText, :targetComment,
                    :targetDimensions, :actual, :actualUpper, :actualText, :actualComment, :actualDimensions, :approximate,
                    :givenStatus, :sources, :enteredBy)
                RETURNING id
                """)
                .param("indicatorId", indicatorId)
                .param("start", p.start().value())
                .param("end", p.end() == null ? null : p.end().value())
                .param("startDate", p.start().earliest())
                .param("endDate", p.end() == null ? null : p.end().latest())
                .param("target", p.target())
                .param("targetText", text(p.targetText()))
                .param("targetComment", text(p.targetComment()))
                .param("targetDimensions", json.jsonb(p.targetDimensions()))
                .param("actual", p.actual())
                .param("actualUpper", p.actualUpper())
                .param("actualText", text(p.actualText()))
                .param("actualComment", text(p.actualComment()))
                .param("actualDimensions", json.jsonb(p.actualDimensions()))
                .param("approximate", p.approximate())
                .param("givenStatus", p.givenStatus() == null ? null : p.givenStatus().name())
                .param("sources", json.jsonb(p.sources()))
                .param("enteredBy", p.enteredBy())
                .query(Long.class).single();
    }

    /** Marks a live period as superseded; false if it was superseded already (by someone else, just now). */
    public boolean supersede(long periodId, String by, String reason) {
        return jdbc.sql("""
                UPDATE indicators.period SET superseded_at = now(), superseded_by = :by, supersede_reason = :reason
                WHERE id = :id AND superseded_at IS NULL
                """).param("id", periodId).param("by", by).param("reason", reason).update() == 1;
    }

    public boolean hasPeriods(long indicatorId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM indicators.period WHERE indicator_id = :id)")
                .param("id", indicatorId).query(Boolean.class).single();
    }

    private void replaceAttachments(long id, List<String> nodes, List<String> initiatives) {
        jdbc.sql("DELETE FROM indicators.indicator_node WHERE indicator_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM indicators.indicator_initiative WHERE indicator_id = :id").param("id", id).update();
        for (String node : nodes) {
            jdbc.sql("""
                    INSERT INTO indicators.indicator_node (node_code, indicator_id, indicator_code)
                    VALUES (:node, :id, (SELECT code FROM indicators.indicator WHERE id = :id))
                    """).param("node", node).param("id", id).update();
        }
        for (String initiative : initiatives) {
            jdbc.sql("INSERT INTO indicators.indicator_initiative (initiative, indicator_id) VALUES (:initiative, :id)")
                    .param("initiative", initiative).param("id", id).update();
        }
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String node, String initiative, String q,
            boolean includeWithdrawn) {
        String like = q == null || q.isBlank() ? null
                : q.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return spec.param("node", node).param("initiative", initiative).param("q", like).param("withdrawn", includeWithdrawn);
    }

    /** The nodes and initiatives of these indicators, in one query. */
    private Map<Long, Attachments> attachments(Long[] ids) {
        Map<Long, Attachments> out = new HashMap<>();
        jdbc.sql("""
                SELECT indicator_id, 'N' AS kind, node_code AS v FROM indicators.indicator_node WHERE indicator_id = ANY(:ids)
                UNION ALL
                SELECT indicator_id, 'I', initiative FROM indicators.indicator_initiative WHERE indicator_id = ANY(:ids)
                ORDER BY 1, 2, 3
                """).param("ids", ids)
                .query((rs, n) -> {
                    Attachments a = out.computeIfAbsent(rs.getLong("indicator_id"), k -> new Attachments(new ArrayList<>(), new ArrayList<>()));
                    ("N".equals(rs.getString("kind")) ? a.nodes() : a.initiatives()).add(rs.getString("v"));
                    return a;
                })
                .list();
        return out;
    }

    private record Attachments(List<String> nodes, List<String> initiatives) {

        static final Attachments NONE = new Attachments(List.of(), List.of());

        Row applyTo(Row row) {
            return row.withAttachments(List.copyOf(nodes), List.copyOf(initiatives));
        }
    }

    private Map<String, Object> params(Row r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", r.code());
        p.put("title", json.jsonb(r.title()));
        p.put("description", text(r.description()));
        p.put("measure", r.measure().name());
        p.put("unit", text(r.unit()));
        p.put("ascending", r.ascending());
        p.put("baselineYear", r.baselineYear());
        p.put("baselineValue", r.baselineValue());
        p.put("baselineComment", text(r.baselineComment()));
        p.put("rationale", text(r.rationale()));
        p.put("sources", json.jsonb(r.sources()));
        p.put("edited", r.edited());
        return p;
    }

    private Object text(LocalizedText t) {
        return t == null || t.isEmpty() ? null : json.jsonb(t);
    }

    private LocalizedText optionalText(String value) {
        return value == null ? null : json.text(value);
    }

    private Row mapIndicator(ResultSet rs, int n) throws SQLException {
        return indicator(rs);
    }

    private Row indicator(ResultSet rs) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("code"),
                json.text(rs.getString("title")),
                optionalText(rs.getString("description")),
                MeasureKind.valueOf(rs.getString("measure")),
                optionalText(rs.getString("unit")),
                rs.getBoolean("ascending"),
                List.of(),
                List.of(),
                (Integer) rs.getObject("baseline_year"),
                rs.getBigDecimal("baseline_value"),
                optionalText(rs.getString("baseline_comment")),
                optionalText(rs.getString("rationale")),
                Arrays.asList(json.read(rs.getString("sources"), SourceCitation[].class)),
                rs.getBoolean("edited"),
                rs.getInt("version"),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("withdrawn_at") != null,
                rs.getString("withdrawn_by"),
                rs.getString("withdrawn_reason"));
    }

    private StoredPeriod mapPeriod(ResultSet rs, String prefix) throws SQLException {
        String status = rs.getString(prefix + "given_status");
        return new StoredPeriod(
                rs.getLong(prefix + "id"),
                PartialDate.parse(rs.getString(prefix + "period_start")),
                PartialDate.parse(rs.getString(prefix + "period_end")),
                rs.getBigDecimal(prefix + "target_value"),
                optionalText(rs.getString(prefix + "target_text")),
                optionalText(rs.getString(prefix + "target_comment")),
                dimensions(rs.getString(prefix + "target_dimensions")),
                rs.getBigDecimal(prefix + "actual_value"),
                rs.getBigDecimal(prefix + "actual_upper"),
                optionalText(rs.getString(prefix + "actual_text")),
                optionalText(rs.getString(prefix + "actual_comment")),
                dimensions(rs.getString(prefix + "actual_dimensions")),
                rs.getBoolean(prefix + "approximate"),
                status == null ? null : Rag.valueOf(status),
                Arrays.asList(json.read(rs.getString(prefix + "sources"), SourceCitation[].class)),
                rs.getString(prefix + "entered_by"),
                rs.getObject(prefix + "entered_at", OffsetDateTime.class),
                rs.getObject(prefix + "superseded_at", OffsetDateTime.class),
                rs.getString(prefix + "superseded_by"),
                rs.getString(prefix + "supersede_reason"));
    }

    private List<Dimension> dimensions(String value) {
        return value == null ? List.of() : json.mapper().readValue(value, new TypeReference<List<Dimension>>() { });
    }

    /** An indicator's columns and attachments (node codes, initiative identifiers). */
    public record Row(long id, String code, LocalizedText title, LocalizedText description, MeasureKind measure,
            LocalizedText unit, boolean ascending, List<String> nodes, List<String> initiatives, Integer baselineYear,
            BigDecimal baselineValue, LocalizedText baselineComment, LocalizedText rationale, List<SourceCitation> sources,
            boolean edited, int version, OffsetDateTime updatedAt, boolean withdrawn, String withdrawnBy,
            String withdrawnReason) {

        Row withAttachments(List<String> nodes, List<String> initiatives) {
            return new Row(id, code, title, description, measure, unit, ascending, nodes, initiatives, baselineYear,
                    baselineValue, baselineComment, rationale, sources, edited, version, updatedAt, withdrawn, withdrawnBy,
                    withdrawnReason);
        }
    }

    /** A period as stored; {@code givenStatus} is the status a person gave (qualitative indicators only). */
    public record StoredPeriod(long id, PartialDate start, PartialDate end, BigDecimal target, LocalizedText targetText,
            LocalizedText targetComment, List<Dimension> targetDimensions, BigDecimal actual, BigDecimal actualUpper,
            LocalizedText actualText, LocalizedText actualComment, List<Dimension> actualDimensions, boolean approximate,
            Rag givenStatus, List<SourceCitation> sources, String enteredBy, OffsetDateTime enteredAt,
            OffsetDateTime supersededAt, String supersededBy, String supersedeReason) {
    }

    public record Listed(Row indicator, StoredPeriod latest) {
    }
}
