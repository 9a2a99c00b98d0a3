package org.marsad.measures.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.marsad.frameworks.LinkBasis;
import org.marsad.measures.EvaluationStatus;
import org.marsad.measures.Finding;
import org.marsad.measures.MeasureFilter;
import org.marsad.measures.MigrationPhase;
import org.marsad.platform.Json;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Measures as stored: organisations, models, groups, nodes and initiatives by their codes. */
@Repository
public class MeasureRepository {

    private static final String WHERE = """
            WHERE (:withdrawn OR m.withdrawn_at IS NULL)
              AND (CAST(:phase AS text) IS NULL OR m.phase = :phase)
              AND (CAST(:model AS text) IS NULL OR :model = ANY (m.models))
              AND (CAST(:group AS text) IS NULL OR :group = ANY (m.target_groups))
              AND (CAST(:organisation AS text) IS NULL OR :organisation = ANY (m.implementers) OR :organisation = ANY (m.funders))
              AND (CAST(:evaluation AS text) IS NULL OR m.evaluation = :evaluation)
              AND (CAST(:node AS text) IS NULL OR m.points @> CAST(:nodeJson AS jsonb))
              AND (CAST(:initiative AS text) IS NULL OR :initiative = ANY (m.initiatives))
              AND (CAST(:q AS text) IS NULL OR lower(concat_ws(' ', m.code, m.title ->> 'fr', m.title ->> 'en', m.title ->> 'ar',
                      m.description ->> 'fr', m.description ->> 'en')) LIKE '%' || :q || '%' ESCAPE '\\')
            """;

    private final JdbcClient jdbc;
    private final Json json;

    MeasureRepository(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Row> search(MeasureFilter filter, int limit, int offset) {
        return bind(jdbc.sql("SELECT m.* FROM measures.measure m " + WHERE
                + " ORDER BY m.number NULLS LAST, m.code LIMIT :limit OFFSET :offset"), filter)
                .param("limit", limit).param("offset", offset)
                .query(this::map).list();
    }

    public long count(MeasureFilter filter) {
        return bind(jdbc.sql("SELECT count(*) FROM measures.measure m " + WHERE), filter).query(Long.class).single();
    }

    public Optional<Row> find(String code) {
        return jdbc.sql("SELECT * FROM measures.measure WHERE code = :code").param("code", code).query(this::map).optional();
    }

    public long countLive() {
        return jdbc.sql("SELECT count(*) FROM measures.measure WHERE withdrawn_at IS NULL").query(Long.class).single();
    }

    public boolean isEdited(String code) {
        return jdbc.sql("SELECT edited FROM measures.measure WHERE code = :code").param("code", code)
                .query(Boolean.class).optional().orElse(false);
    }

    public long insert(Row row, String by) {
        Map<String, Object> p = params(row);
        p.put("by", by);
        return jdbc.sql("""
                INSERT INTO measures.measure (code, number, title, description, phase, models, models_rationale, target_groups,
                    implementers, funders, funding, start_on, end_on, duration, budget_amount, budget_currency,
                    budget_approximate, budget_text, beneficiaries_min, beneficiaries_max, beneficiaries_text, activities,
                    programmes, evaluation, findings, points, initiatives, sources, edited, created_by, updated_by)
                VALUES (:code, :number, :title, :description, :phase, :models, :modelsRationale, :targetGroups,
                    :implementers, :funders, :funding, :start, :end, :duration, :budgetAmount, :budgetCurrency,
                    :budgetApproximate, :budgetText, :beneficiariesMin, :beneficiariesMax, :beneficiariesText, :activities,
                    :programmes, :evaluation, :findings, :points, :initiatives, :sources, :edited, :by, :by)
                RETURNING id
                """).params(p).query(Long.class).single();
    }

    /** Updates if the stored version is {@code expectedVersion}; false when someone changed it first. */
    public boolean update(String code, Row row, int expectedVersion, String by) {
        Map<String, Object> p = params(row);
        p.put("version", expectedVersion);
        p.put("by", by);
        return jdbc.sql("""
                UPDATE measures.measure SET number = :number, title = :title, description = :description, phase = :phase,
                    models = :models, models_rationale = :modelsRationale, target_groups = :targetGroups,
                    implementers = :implementers, funders = :funders, funding = :funding, start_on = :start, end_on = :end,
                    duration = :duration, budget_amount = :budgetAmount, budget_currency = :budgetCurrency,
                    budget_approximate = :budgetApproximate, budget_text = :budgetText,
                    beneficiaries_min = :beneficiariesMin, beneficiaries_max = :beneficiariesMax,
                    beneficiaries_text = :beneficiariesText, activities = :activities, programmes = :programmes,
                    evaluation = :evaluation, findings = :findings, points = :points, initiatives = :initiatives,
                    sources = :sources, edited = edited OR :edited, version = version + 1, updated_by = :by, updated_at = now()
                WHERE code = :code AND version = :version
                """).params(p).update() == 1;
    }

    public void withdraw(String code, String by, String reason) {
        jdbc.sql("""
                UPDATE measures.measure SET withdrawn_at = now(), withdrawn_by = :by, withdrawn_reason = :reason,
                    edited = true, version = version + 1, updated_by = :by, updated_at = now()
                WHERE code = :code
                """).param("code", code).param("by", by).param("reason", reason).update();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, MeasureFilter f) {
        String q = f.q() == null || f.q().isBlank() ? null
                : f.q().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return spec.param("withdrawn", f.includeWithdrawn())
                .param("phase", f.phase() == null ? null : f.phase().name())
                .param("model", f.model())
                .param("group", f.targetGroup())
                .param("organisation", f.organisation())
                .param("evaluation", f.evaluation() == null ? null : f.evaluation().name())
                .param("node", f.node())
                .param("nodeJson", f.node() == null ? null : json.write(List.of(Map.of("node", f.node()))))
                .param("initiative", f.initiative())
                .param("q", q);
    }

    private Map<String, Object> params(Row r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", r.code());
        p.put("number", r.number());
        p.put("title", json.jsonb(r.title()));
        p.put("description", text(r.description()));
        p.put("phase", r.phase().name());
        p.put("models", r.models().toArray(String[]::new));
        p.put("modelsRationale", text(r.modelsRationale()));
        p.put("targetGroups", r.targetGroups().toArray(String[]::new));
        p.put("implementers", r.implementers().toArray(String[]::new));
        p.put("funders", r.funders().toArray(String[]::new));
        p.put("funding", text(r.funding()));
        p.put("start", r.start() == null ? null : r.start().value());
        p.put("end", r.end() == null ? null : r.end().value());
        p.put("duration", text(r.duration()));
        p.put("budgetAmount", r.budgetAmount());
        p.put("budgetCurrency", r.budgetCurrency());
        p.put("budgetApproximate", r.budgetApproximate());
        p.put("budgetText", text(r.budgetText()));
        p.put("beneficiariesMin", r.beneficiariesMin());
        p.put("beneficiariesMax", r.beneficiariesMax());
        p.put("beneficiariesText", text(r.beneficiariesText()));
        p.put("activities", json.jsonb(r.activities()));
        p.put("programmes", json.jsonb(r.programmes()));
        p.put("evaluation", r.evaluation().name());
        p.put("findings", json.jsonb(r.findings()));
        p.put("points", json.jsonb(r.points()));
        p.put("initiatives", r.initiatives().toArray(String[]::new));
        p.put("sources", json.jsonb(r.sources()));
        p.put("edited", r.edited());
        return p;
    }

    private Object text(LocalizedText t) {
        return t == null || t.isEmpty() ? null : json.jsonb(t);
    }

    private Row map(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("code"),
                (Integer) rs.getObject("number"),
                json.text(rs.getString("title")),
                optionalText(rs.getString("description")),
                MigrationPhase.valueOf(rs.getString("phase")),
                strings(rs, "models"),
                optionalText(rs.getString("models_rationale")),
                strings(rs, "target_groups"),
                strings(rs, "implementers"),
                strings(rs, "funders"),
                optionalText(rs.getString("funding")),
                PartialDate.parse(rs.getString("start_on")),
                PartialDate.parse(rs.getString("end_on")),
                optionalText(rs.getString("duration")),
                rs.getBigDecimal("budget_amount"),
                rs.getString("budget_currency"),
                rs.getBoolean("budget_approximate"),
                optionalText(rs.getString("budget_text")),
                (Integer) rs.getObject("beneficiaries_min"),
                (Integer) rs.getObject("beneficiaries_max"),
                optionalText(rs.getString("beneficiaries_text")),
                json.mapper().readValue(rs.getString("activities"), new TypeReference<List<LocalizedText>>() { }),
                json.mapper().readValue(rs.getString("programmes"), new TypeReference<List<StoredProgramme>>() { }),
                EvaluationStatus.valueOf(rs.getString("evaluation")),
                json.mapper().readValue(rs.getString("findings"), new TypeReference<List<StoredFinding>>() { }),
                json.mapper().readValue(rs.getString("points"), new TypeReference<List<StoredPoint>>() { }),
                strings(rs, "initiatives"),
                Arrays.asList(json.read(rs.getString("sources"), SourceCitation[].class)),
                rs.getBoolean("edited"),
                rs.getInt("version"),
                rs.getString("updated_by"),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("withdrawn_at") != null,
                rs.getString("withdrawn_by"),
                rs.getString("withdrawn_reason"));
    }

    private LocalizedText optionalText(String value) {
        return value == null ? null : json.text(value);
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        return List.of((String[]) rs.getArray(column).getArray());
    }

    /** A measure's columns, with organisations, models, groups, nodes and initiatives as codes. */
    public record Row(long id, String code, Integer number, LocalizedText title, LocalizedText description,
            MigrationPhase phase, List<String> models, LocalizedText modelsRationale, List<String> targetGroups,
            List<String> implementers, List<String> funders, LocalizedText funding, PartialDate start, PartialDate end,
            LocalizedText duration, BigDecimal budgetAmount, String budgetCurrency, boolean budgetApproximate,
            LocalizedText budgetText, Integer beneficiariesMin, Integer beneficiariesMax, LocalizedText beneficiariesText,
            List<LocalizedText> activities, List<StoredProgramme> programmes, EvaluationStatus evaluation,
            List<StoredFinding> findings, List<StoredPoint> points, List<String> initiatives, List<SourceCitation> sources,
            boolean edited, int version, String updatedBy, OffsetDateTime updatedAt, boolean withdrawn, String withdrawnBy,
            String withdrawnReason) {
    }

    public record StoredProgramme(LocalizedText name, String implementer, LocalizedText note) {
    }

    public record StoredFinding(Finding.Kind kind, LocalizedText text, List<SourceCitation> sources) {
    }

    public record StoredPoint(String node, LinkBasis basis, LocalizedText rationale, List<SourceCitation> sources) {
    }
}
