package org.marsad.observatory.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.marsad.observatory.Derivation;
import org.marsad.observatory.ObsStatus;
import org.marsad.observatory.PeriodBasis;
import org.marsad.observatory.Qualifier;
import org.marsad.platform.Json;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Series, observations and their vintages, published figures and the summary. */
@Repository
public class ObservationRepository {

    static final int STREAM_FETCH_SIZE = 5000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final Json json;

    ObservationRepository(JdbcClient jdbc, DataSource dataSource, Json json) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(STREAM_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(template);
        this.json = json;
    }

    public record SeriesRow(long id, String key, List<String> dims) {
    }

    /** One vintage of an observation as stored. */
    public record ObsRow(long seriesId, int sourceId, String period, LocalDate start, LocalDate end, BigDecimal value,
            ObsStatus status, Qualifier qualifier, PeriodBasis basis, Integer decimals, LocalizedText note,
            SourceCitation citation, OffsetDateTime validFrom, OffsetDateTime validTo) {
    }

    /** What to write: the value and its attributes for one series, source and period. */
    public record ObsWrite(Periods.Period period, BigDecimal value, ObsStatus status, Qualifier qualifier,
            PeriodBasis basis, Integer decimals, LocalizedText note, SourceCitation citation, String recordedBy) {
    }

    public enum WriteOutcome {
        INSERTED,
        CORRECTED,
        UNCHANGED
    }

    /**
     * The ids of these series keys, creating the series that do not exist yet in the order given: downloads list
     * series in creation order, so a file imported elsewhere downloads in the same order.
     */
    public Map<String, Long> resolveSeries(int datasetId, Collection<String> keys) {
        String[] array = keys.toArray(String[]::new);
        jdbc.sql("""
                INSERT INTO observatory.series (dataset_id, key, dims)
                SELECT :ds, k, string_to_array(k, '.') FROM unnest(CAST(:keys AS text[])) WITH ORDINALITY AS u(k, n)
                ORDER BY n
                ON CONFLICT (dataset_id, key) DO NOTHING
                """).param("ds", datasetId).param("keys", array).update();
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT id, key FROM observatory.series WHERE dataset_id = :ds AND key = ANY(CAST(:keys AS text[]))")
                .param("ds", datasetId).param("keys", array)
                .query((rs, i) -> ids.put(rs.getString("key"), rs.getLong("id"))).list();
        return ids;
    }

    /**
     * The series of a dataset matching a key filter: one set of allowed codes per position, null for a wildcard.
     * Only series that hold at least one value (now, or at {@code asOf}) are returned.
     */
    public List<SeriesRow> series(int datasetId, List<Set<String>> positions) {
        StringBuilder sql = new StringBuilder("SELECT id, key, dims FROM observatory.series s WHERE dataset_id = :ds");
        MapSqlParameterSource params = new MapSqlParameterSource("ds", datasetId);
        boolean exact = positions.stream().allMatch(p -> p != null && p.size() == 1);
        if (exact) {
            sql.append(" AND key = :key");
            params.addValue("key", String.join(".", positions.stream().map(p -> p.iterator().next()).toList()));
        }
        else {
            for (int i = 0; i < positions.size(); i++) {
                if (positions.get(i) != null) {
                    // Positions are 1-based in SQL arrays; the values travel as parameters.
                    sql.append(" AND dims[").append(i + 1).append("] = ANY(:p").append(i).append(")");
                    params.addValue("p" + i, positions.get(i).toArray(String[]::new));
                }
            }
        }
        return streaming.query(sql.toString(), params, (rs, i) -> new SeriesRow(rs.getLong("id"), rs.getString("key"),
                Arrays.asList((String[]) rs.getArray("dims").getArray())));
    }

    /** For each dimension (by position), the codes its series use. */
    public List<Set<String>> usedCodes(int datasetId, int dimensions) {
        List<Set<String>> used = new ArrayList<>();
        for (int i = 0; i < dimensions; i++) {
            used.add(new TreeSet<>());
        }
        jdbc.sql("""
                SELECT DISTINCT d.i, d.code FROM observatory.series s, unnest(s.dims) WITH ORDINALITY AS d(code, i)
                WHERE s.dataset_id = :ds
                """).param("ds", datasetId)
                .query((rs, n) -> used.get(rs.getInt("i") - 1).add(rs.getString("code"))).list();
        return used;
    }

    /** The series with exactly these keys. */
    public List<SeriesRow> seriesByKeys(int datasetId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, key, dims FROM observatory.series WHERE dataset_id = :ds AND key = ANY(CAST(:keys AS text[]))")
                .param("ds", datasetId).param("keys", keys.toArray(String[]::new))
                .query((rs, i) -> new SeriesRow(rs.getLong("id"), rs.getString("key"),
                        Arrays.asList((String[]) rs.getArray("dims").getArray())))
                .list();
    }

    /**
     * Observations of these series, current or as they stood at {@code asOf}, optionally restricted to sources and
     * to periods that start on or after {@code start} and end on or before {@code end}; at most {@code limit} rows.
     */
    public List<ObsRow> observations(Collection<Long> seriesIds, Collection<Integer> sourceIds, LocalDate start,
            LocalDate end, OffsetDateTime asOf, int limit) {
        if (seriesIds.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("ids", seriesIds.toArray(Long[]::new)).addValue("limit", limit);
        String sql = selectObservations(params, sourceIds, start, end, asOf, "", "o.series_id = ANY(:ids)")
                + " ORDER BY o.series_id, o.source_id, o.period_start, o.period LIMIT :limit";
        return streaming.query(sql, params, this::obs);
    }

    /** Every value of a dataset matching the filter, streamed in series order (for downloads of any size). */
    public void stream(int datasetId, List<Set<String>> positions, Collection<Integer> sourceIds, LocalDate start,
            LocalDate end, OffsetDateTime asOf, Consumer<KeyedObs> consumer) {
        MapSqlParameterSource params = new MapSqlParameterSource("ds", datasetId);
        StringBuilder where = new StringBuilder("s.dataset_id = :ds");
        for (int i = 0; i < positions.size(); i++) {
            if (positions.get(i) != null) {
                where.append(" AND s.dims[").append(i + 1).append("] = ANY(:p").append(i).append(")");
                params.addValue("p" + i, positions.get(i).toArray(String[]::new));
            }
        }
        // In the current values' index order (series, source, period), so that a download of millions of rows
        // needs no sort.
        String sql = selectObservations(params, sourceIds, start, end, asOf,
                " JOIN observatory.series s ON s.id = o.series_id", where.toString())
                .replace("SELECT o.*", "SELECT o.*, s.key AS series_key")
                + " ORDER BY o.series_id, o.source_id, o.period";
        streaming.query(sql, params, rs -> {
            consumer.accept(new KeyedObs(rs.getString("series_key"), obs(rs, 0)));
        });
    }

    public record KeyedObs(String key, ObsRow obs) {
    }

    private static String selectObservations(MapSqlParameterSource params, Collection<Integer> sourceIds, LocalDate start,
            LocalDate end, OffsetDateTime asOf, String join, String seriesCondition) {
        StringBuilder sql = new StringBuilder();
        if (asOf == null) {
            sql.append("SELECT o.* FROM observatory.observation_current o").append(join).append(" WHERE ").append(seriesCondition);
        }
        else {
            sql.append("SELECT o.* FROM observatory.observation o").append(join).append(" WHERE ").append(seriesCondition)
                    .append(" AND o.valid_from <= :asOf AND (o.valid_to IS NULL OR o.valid_to > :asOf)");
            params.addValue("asOf", asOf);
        }
        if (sourceIds != null && !sourceIds.isEmpty()) {
            sql.append(" AND o.source_id = ANY(:sources)");
            params.addValue("sources", sourceIds.toArray(Integer[]::new));
        }
        if (start != null) {
            sql.append(" AND o.period_start >= :start");
            params.addValue("start", start);
        }
        if (end != null) {
            // A period ends after it starts: the bound on the start lets an index on period_start stop at the end.
            sql.append(" AND o.period_start <= :end AND o.period_end <= :end");
            params.addValue("end", end);
        }
        return sql.toString();
    }

    /**
     * Writes one value with its vintage rule: a new key is inserted; an identical value changes nothing; a
     * different value or attribute closes the current vintage at {@code now} and adds a new one from {@code now}.
     */
    public WriteOutcome write(long seriesId, int sourceId, ObsWrite w, OffsetDateTime now) {
        List<ObsRow> current = jdbc.sql("""
                SELECT * FROM observatory.observation_current WHERE series_id = :series AND source_id = :source
                AND period = :period FOR UPDATE
                """).param("series", seriesId).param("source", sourceId).param("period", w.period().value())
                .query(this::obs).list();
        if (!current.isEmpty()) {
            ObsRow c = current.getFirst();
            if (c.value().compareTo(w.value()) == 0 && c.status() == w.status() && c.qualifier() == w.qualifier()
                    && c.basis() == w.basis() && Objects.equals(c.decimals(), w.decimals())
                    && Objects.equals(c.note(), w.note()) && Objects.equals(c.citation(), w.citation())) {
                return WriteOutcome.UNCHANGED;
            }
            jdbc.sql("""
                    UPDATE observatory.observation SET valid_to = :now, current = false
                    WHERE current AND series_id = :series AND source_id = :source AND period = :period
                    """).param("now", now).param("series", seriesId).param("source", sourceId)
                    .param("period", w.period().value()).update();
        }
        jdbc.sql("""
                INSERT INTO observatory.observation_current (series_id, source_id, period, period_start, period_end, value,
                    status, qualifier, period_basis, decimals, note, citation, recorded_by, valid_from)
                VALUES (:series, :source, :period, :start, :end, :value, :status, :qualifier, :basis, :decimals, :note,
                    :citation, :by, :now)
                """)
                .param("series", seriesId).param("source", sourceId).param("period", w.period().value())
                .param("start", w.period().start()).param("end", w.period().end()).param("value", w.value())
                .param("status", w.status().name()).param("qualifier", w.qualifier() == null ? null : w.qualifier().name())
                .param("basis", w.basis() == PeriodBasis.DOCUMENT_DATE ? w.basis().name() : null)
                .param("decimals", w.decimals()).param("note", json.jsonb(w.note())).param("citation", json.jsonb(w.citation()))
                .param("by", w.recordedBy()).param("now", now)
                .update();
        return current.isEmpty() ? WriteOutcome.INSERTED : WriteOutcome.CORRECTED;
    }

    /** A figure a source published (share, change, growth rate), stored as published. */
    public record FigureRow(String seriesKey, int sourceId, String sourceCode, Derivation kind, String period,
            String basePeriod, String baseCode, BigDecimal value, int decimals, Qualifier qualifier, SourceCitation citation) {
    }

    public void upsertFigure(int datasetId, FigureRow f) {
        jdbc.sql("""
                INSERT INTO observatory.published_figure (dataset_id, series_key, source_id, kind, period, base_period, base_code,
                    value, decimals, qualifier, citation)
                VALUES (:ds, :key, :source, :kind, :period, :basePeriod, :baseCode, :value, :decimals, :qualifier, :citation)
                ON CONFLICT (dataset_id, series_key, source_id, kind, period, base_period) DO UPDATE SET
                    base_code = EXCLUDED.base_code, value = EXCLUDED.value, decimals = EXCLUDED.decimals,
                    qualifier = EXCLUDED.qualifier, citation = EXCLUDED.citation
                """)
                .param("ds", datasetId).param("key", f.seriesKey()).param("source", f.sourceId()).param("kind", f.kind().name())
                .param("period", f.period()).param("basePeriod", f.basePeriod()).param("baseCode", f.baseCode())
                .param("value", f.value()).param("decimals", f.decimals())
                .param("qualifier", f.qualifier() == null ? null : f.qualifier().name())
                .param("citation", json.jsonb(f.citation()))
                .update();
    }

    public List<FigureRow> figures(int datasetId) {
        return jdbc.sql("""
                SELECT f.*, s.code AS source_code FROM observatory.published_figure f JOIN observatory.source s ON s.id = f.source_id
                WHERE f.dataset_id = :ds ORDER BY f.kind, f.series_key, s.code, f.period
                """).param("ds", datasetId)
                .query((rs, i) -> new FigureRow(rs.getString("series_key"), rs.getInt("source_id"), rs.getString("source_code"),
                        Derivation.valueOf(rs.getString("kind")), rs.getString("period"), rs.getString("base_period"),
                        rs.getString("base_code"), rs.getBigDecimal("value"), rs.getInt("decimals"),
                        rs.getString("qualifier") == null ? null : Qualifier.valueOf(rs.getString("qualifier")),
                        json.read(rs.getString("citation"), SourceCitation.class)))
                .list();
    }

    /**
     * Rebuilds the summary of a dataset: for every source, period and pair of dimensions, the sum and count of the
     * current values of the series that hold no total code (a total would count its parts twice). Codes are turned
     * into small integers first, so that the grouping hashes integers, not text. Runs in the caller's transaction.
     */
    public int rebuildSummary(int datasetId, int dimensions, List<String> totals) {
        jdbc.sql("DELETE FROM observatory.summary WHERE dataset_id = :ds").param("ds", datasetId).update();
        if (dimensions < 2) {
            return 0;
        }
        // Memory of the database server, for this transaction only: the grouping holds every (pair, period) in one pass.
        jdbc.sql("SET LOCAL work_mem = '512MB'").update();
        StringBuilder codes = new StringBuilder("CREATE TEMP TABLE summary_codes ON COMMIT DROP AS SELECT id");
        MapSqlParameterSource params = new MapSqlParameterSource("ds", datasetId);
        StringBuilder dictionary = new StringBuilder("CREATE TEMP TABLE summary_dictionary ON COMMIT DROP AS ");
        StringBuilder exclusions = new StringBuilder();
        for (int d = 1; d <= dimensions; d++) {
            codes.append(", dims[").append(d).append("] AS d").append(d).append(", dense_rank() OVER (ORDER BY dims[").append(d)
                    .append("])::int AS c").append(d);
            dictionary.append(d == 1 ? "" : " UNION ALL ").append("SELECT DISTINCT ").append(d).append(" AS dim, c").append(d)
                    .append(" AS c, d").append(d).append(" AS code FROM summary_codes");
            if (totals.get(d - 1) != null) {
                exclusions.append(" AND dims[").append(d).append("] <> :t").append(d);
                params.addValue("t" + d, totals.get(d - 1));
            }
        }
        codes.append(" FROM observatory.series WHERE dataset_id = :ds").append(exclusions);
        streaming.update(codes.toString(), params);
        jdbc.sql(dictionary.toString()).update();
        jdbc.sql("CREATE UNIQUE INDEX ON summary_dictionary (dim, c)").update();
        // One pass: every row of the grouping names its pair by which columns it groups (GROUPING's bit mask).
        StringBuilder sets = new StringBuilder();
        StringBuilder columns = new StringBuilder();
        StringBuilder dimA = new StringBuilder("CASE g.mask");
        StringBuilder dimB = new StringBuilder("CASE g.mask");
        StringBuilder codeA = new StringBuilder("CASE g.mask");
        StringBuilder codeB = new StringBuilder("CASE g.mask");
        StringBuilder all = new StringBuilder();
        for (int d = 1; d <= dimensions; d++) {
            columns.append(", c").append(d);
            all.append(d == 1 ? "" : ", ").append("c").append(d);
        }
        for (int a = 1; a <= dimensions; a++) {
            for (int b = a + 1; b <= dimensions; b++) {
                sets.append(sets.isEmpty() ? "" : ", ").append("(c").append(a).append(", c").append(b).append(")");
                int mask = 0;
                for (int d = 1; d <= dimensions; d++) {
                    if (d != a && d != b) {
                        mask |= 1 << (dimensions - d);
                    }
                }
                dimA.append(" WHEN ").append(mask).append(" THEN ").append(a);
                dimB.append(" WHEN ").append(mask).append(" THEN ").append(b);
                codeA.append(" WHEN ").append(mask).append(" THEN g.c").append(a);
                codeB.append(" WHEN ").append(mask).append(" THEN g.c").append(b);
            }
        }
        String sql = "INSERT INTO observatory.summary (dataset_id, source_id, dim_a, dim_b, code_a, code_b, period, period_start,"
                + " period_end, total, n) SELECT :ds, g.source_id, p.dim_a, p.dim_b, x.code, y.code, " + PERIOD_TEXT
                + ", g.period_start, g.period_end, g.total, g.n FROM (SELECT o.source_id, o.period_start, o.period_end" + columns
                + ", GROUPING(" + all + ") AS mask, sum(o.value) AS total, count(*) AS n FROM observatory.observation_current o"
                + " JOIN summary_codes s ON s.id = o.series_id"
                + " GROUP BY o.source_id, o.period_start, o.period_end, GROUPING SETS (" + sets + ")) g"
                + " CROSS JOIN LATERAL (SELECT " + dimA + " END AS dim_a, " + dimB + " END AS dim_b, " + codeA + " END AS ca, "
                + codeB + " END AS cb) p"
                + " JOIN summary_dictionary x ON x.dim = p.dim_a AND x.c = p.ca"
                + " JOIN summary_dictionary y ON y.dim = p.dim_b AND y.c = p.cb"
                + " ORDER BY p.dim_a, p.dim_b, g.period_start";
        int rows = streaming.update(sql, new MapSqlParameterSource("ds", datasetId));
        // Fresh statistics, so that the planner reads a pair's rows by the index from the first query on.
        jdbc.sql("ANALYZE observatory.summary").update();
        return rows;
    }

    /** The SDMX period of a (start, end) pair, as the formats Marsad stores give them. */
    private static final String PERIOD_TEXT = """
            CASE WHEN g.period_end = g.period_start THEN to_char(g.period_start, 'YYYY-MM-DD')
                 WHEN g.period_end - g.period_start < 32 THEN to_char(g.period_start, 'YYYY-MM')
                 WHEN g.period_end - g.period_start < 100 THEN to_char(g.period_start, 'YYYY') || '-Q' || extract(quarter FROM g.period_start)
                 WHEN g.period_end - g.period_start < 200 THEN to_char(g.period_start, 'YYYY') || '-S' || (CASE WHEN extract(month FROM g.period_start) < 7 THEN 1 ELSE 2 END)
                 ELSE to_char(g.period_start, 'YYYY') END""";

    /** Receives the values of an aggregate one by one, in time order (period start, then end). */
    @FunctionalInterface
    public interface AggregateValues {

        /** {@code second} is null when one dimension is grouped. */
        void accept(String first, String second, int sourceId, String period, BigDecimal total);
    }

    /**
     * Sums over the dimensions not in {@code groupBy} (positions from 1), over the series that hold no total code, from the
     * summary (one or two grouped dimensions, no asOf) or from the observations themselves; how many values were given,
     * at most {@code limit}.
     */
    public int aggregate(int datasetId, List<Integer> groupBy, List<Set<String>> positions,
            List<String> totals, Collection<Integer> sourceIds, LocalDate start, LocalDate end, OffsetDateTime asOf,
            boolean useSummary, int limit, AggregateValues values) {
        MapSqlParameterSource params = new MapSqlParameterSource("ds", datasetId).addValue("limit", limit);
        StringBuilder sql = new StringBuilder();
        if (useSummary) {
            int a = groupBy.get(0);
            int b = groupBy.size() == 2 ? groupBy.get(1) : (a == 1 ? 2 : 1);
            boolean swapped = b < a;
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            String codeOfA = swapped ? "code_b" : "code_a";
            String codeOfB = swapped ? "code_a" : "code_b";
            sql.append("SELECT ").append(codeOfA).append(" AS c1");
            if (groupBy.size() == 2) {
                sql.append(", ").append(codeOfB).append(" AS c2");
            }
            // A pair's rows are already one per (codes, source, period); one grouped dimension sums over the other.
            boolean pair = groupBy.size() == 2;
            sql.append(pair ? ", source_id, period, total" : ", source_id, period, sum(total) AS total")
                    .append(" FROM observatory.summary WHERE dataset_id = :ds AND dim_a = ").append(lo).append(" AND dim_b = ").append(hi);
            appendFilter(sql, params, codeOfA, positions.get(a - 1), "f1");
            if (pair) {
                appendFilter(sql, params, codeOfB, positions.get(b - 1), "f2");
            }
            appendCommon(sql, params, sourceIds, start, end, "");
            if (!pair) {
                sql.append(" GROUP BY 1, source_id, period, period_start, period_end");
            }
        }
        else {
            sql.append("SELECT ");
            for (int i = 0; i < groupBy.size(); i++) {
                sql.append("s.dims[").append(groupBy.get(i)).append("] AS c").append(i + 1).append(", ");
            }
            sql.append("o.source_id, o.period, sum(o.value) AS total FROM ")
                    .append(asOf == null ? "observatory.observation_current o" : "observatory.observation o")
                    .append(" JOIN observatory.series s ON s.id = o.series_id WHERE s.dataset_id = :ds");
            if (asOf != null) {
                sql.append(" AND o.valid_from <= :asOf AND (o.valid_to IS NULL OR o.valid_to > :asOf)");
                params.addValue("asOf", asOf);
            }
            for (int d = 1; d <= positions.size(); d++) {
                appendFilter(sql, params, "s.dims[" + d + "]", positions.get(d - 1), "f" + d);
                if (totals.get(d - 1) != null) {
                    sql.append(" AND s.dims[").append(d).append("] <> :t").append(d);
                    params.addValue("t" + d, totals.get(d - 1));
                }
            }
            appendCommon(sql, params, sourceIds, start, end, "o.");
            sql.append(" GROUP BY ");
            for (int i = 0; i < groupBy.size(); i++) {
                sql.append(i + 1).append(", ");
            }
            sql.append("o.source_id, o.period, o.period_start, o.period_end");
        }
        // Ordered in time only (the caller orders the series: sorting text codes by collation costs more than the lookup).
        // A pair's summary rows come from its index in start order already. The limit is only a guard: the caller asks
        // for one value more than it accepts and refuses the query when that value comes, so which values an over-large
        // answer would have held never matters.
        sql.append(" ORDER BY ").append(useSummary ? "" : "o.").append("period_start, ").append(useSummary ? "" : "o.")
                .append("period_end LIMIT :limit");
        // Both forms list the same columns in the same order: the grouped codes, then source, period and total.
        int k = groupBy.size();
        int[] count = {0};
        streaming.query(sql.toString(), params, rs -> {
            values.accept(rs.getString(1), k == 2 ? rs.getString(2) : null, rs.getInt(k + 1), rs.getString(k + 2),
                    rs.getBigDecimal(k + 3));
            count[0]++;
        });
        return count[0];
    }

    private static void appendFilter(StringBuilder sql, MapSqlParameterSource params, String column, Set<String> codes, String name) {
        if (codes != null) {
            sql.append(" AND ").append(column).append(" = ANY(:").append(name).append(")");
            params.addValue(name, codes.toArray(String[]::new));
        }
    }

    private static void appendCommon(StringBuilder sql, MapSqlParameterSource params, Collection<Integer> sourceIds,
            LocalDate start, LocalDate end, String prefix) {
        if (sourceIds != null && !sourceIds.isEmpty()) {
            sql.append(" AND ").append(prefix).append("source_id = ANY(:sources)");
            params.addValue("sources", sourceIds.toArray(Integer[]::new));
        }
        if (start != null) {
            sql.append(" AND ").append(prefix).append("period_start >= :start");
            params.addValue("start", start);
        }
        if (end != null) {
            // A period ends after it starts: the bound on the start lets an index on period_start stop at the end.
            sql.append(" AND ").append(prefix).append("period_start <= :end AND ").append(prefix).append("period_end <= :end");
            params.addValue("end", end);
        }
    }

    private ObsRow obs(ResultSet rs, int i) throws SQLException {
        String qualifier = rs.getString("qualifier");
        String basis = rs.getString("period_basis");
        Integer decimals = rs.getObject("decimals") == null ? null : rs.getInt("decimals");
        String citation = rs.getString("citation");
        String note = rs.getString("note");
        return new ObsRow(rs.getLong("series_id"), rs.getInt("source_id"), rs.getString("period"),
                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                rs.getBigDecimal("value"), ObsStatus.valueOf(rs.getString("status")),
                qualifier == null ? null : Qualifier.valueOf(qualifier),
                basis == null ? PeriodBasis.STATED : PeriodBasis.valueOf(basis), decimals,
                note == null ? null : json.text(note), citation == null ? null : json.read(citation, SourceCitation.class),
                rs.getObject("valid_from", OffsetDateTime.class), rs.getObject("valid_to", OffsetDateTime.class));
    }
}
