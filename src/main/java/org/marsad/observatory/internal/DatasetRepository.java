package org.marsad.observatory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.marsad.observatory.Dataset;
import org.marsad.observatory.DatasetSummary;
import org.marsad.platform.Json;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DatasetRepository {

    private final JdbcClient jdbc;
    private final Json json;

    DatasetRepository(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Creates the dataset or updates its descriptive fields. Dimensions are written when the dataset is new; an
     * existing dataset's dimensions may change their names and total codes, never their codes, order or codelists.
     *
     * @throws IllegalStateException when the dimensions differ from the stored ones
     */
    public int upsert(Dataset d, boolean seeded, String by) {
        int id = jdbc.sql("""
                INSERT INTO observatory.dataset (code, name, description, themes, measure, unit, additive, aggregates, notes,
                    citations, published, seeded, created_by)
                VALUES (:code, :name, :description, :themes, :measure, :unit, :additive, :aggregates, :notes, :citations,
                    :published, :seeded, :by)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
                    themes = EXCLUDED.themes, measure = EXCLUDED.measure, unit = EXCLUDED.unit, additive = EXCLUDED.additive,
                    aggregates = EXCLUDED.aggregates, notes = EXCLUDED.notes, citations = EXCLUDED.citations,
                    published = EXCLUDED.published, version = observatory.dataset.version + 1, updated_at = now()
                RETURNING id
                """)
                .param("code", d.code()).param("name", json.jsonb(d.name())).param("description", json.jsonb(d.description()))
                .param("themes", d.themes().toArray(String[]::new)).param("measure", json.jsonb(d.measure()))
                .param("unit", d.unit()).param("additive", d.additive()).param("aggregates", json.jsonb(d.aggregates()))
                .param("notes", json.jsonb(d.notes())).param("citations", json.jsonb(d.citations()))
                .param("published", d.published()).param("seeded", seeded).param("by", by)
                .query(Integer.class).single();
        List<Dataset.Dimension> stored = dimensions(id);
        if (stored.isEmpty()) {
            for (Dataset.Dimension dim : d.dimensions()) {
                jdbc.sql("""
                        INSERT INTO observatory.dimension (dataset_id, position, code, name, codelist_id, total_code)
                        VALUES (:ds, :position, :code, :name, (SELECT id FROM observatory.codelist WHERE code = :codelist), :total)
                        """)
                        .param("ds", id).param("position", dim.position()).param("code", dim.code())
                        .param("name", json.jsonb(dim.name())).param("codelist", dim.codelist()).param("total", dim.total())
                        .update();
            }
            return id;
        }
        List<String> storedShape = stored.stream().map(s -> s.code() + ":" + s.codelist()).toList();
        List<String> newShape = d.dimensions().stream().map(s -> s.code() + ":" + s.codelist()).toList();
        if (!storedShape.equals(newShape)) {
            throw new IllegalStateException("dataset " + d.code() + " has dimensions " + storedShape + "; they cannot become " + newShape);
        }
        for (Dataset.Dimension dim : d.dimensions()) {
            jdbc.sql("UPDATE observatory.dimension SET name = :name, total_code = :total WHERE dataset_id = :ds AND position = :position")
                    .param("ds", id).param("position", dim.position()).param("name", json.jsonb(dim.name()))
                    .param("total", dim.total()).update();
        }
        return id;
    }

    public Optional<Integer> id(String code) {
        return jdbc.sql("SELECT id FROM observatory.dataset WHERE code = :code").param("code", code).query(Integer.class).optional();
    }

    public Optional<Dataset> find(String code) {
        return jdbc.sql("SELECT * FROM observatory.dataset WHERE code = :code").param("code", code).query(this::map).optional();
    }

    public List<Dataset> all() {
        return jdbc.sql("SELECT * FROM observatory.dataset ORDER BY code").query(this::map).list();
    }

    /** Catalogue entries; {@code includeUnpublished} for the people who write datasets. */
    public List<DatasetSummary> summaries(boolean includeUnpublished) {
        return jdbc.sql("""
                SELECT d.*, (SELECT count(*) FROM observatory.series s WHERE s.dataset_id = d.id) AS series_count,
                       (SELECT count(*) FROM observatory.published_figure f WHERE f.dataset_id = d.id) AS figures,
                       ARRAY(SELECT src.code FROM observatory.dataset_source x JOIN observatory.source src ON src.id = x.source_id
                             WHERE x.dataset_id = d.id ORDER BY src.code) AS source_codes
                FROM observatory.dataset d WHERE d.published OR :all ORDER BY d.code
                """).param("all", includeUnpublished).query(this::mapSummary).list();
    }

    public Optional<DatasetSummary> summary(String code) {
        return jdbc.sql("""
                SELECT d.*, (SELECT count(*) FROM observatory.series s WHERE s.dataset_id = d.id) AS series_count,
                       (SELECT count(*) FROM observatory.published_figure f WHERE f.dataset_id = d.id) AS figures,
                       ARRAY(SELECT src.code FROM observatory.dataset_source x JOIN observatory.source src ON src.id = x.source_id
                             WHERE x.dataset_id = d.id ORDER BY src.code) AS source_codes
                FROM observatory.dataset d WHERE d.code = :code
                """).param("code", code).query(this::mapSummary).optional();
    }

    /**
     * Records a write in a dataset's bookkeeping: the change in the number of current values, the period range, the
     * sources, and the time of the change (which makes the summary stale).
     */
    public void recordWrite(int datasetId, long observationDelta, String firstPeriod, LocalDate firstStart,
            String lastPeriod, LocalDate lastEnd, Collection<Integer> sourceIds) {
        jdbc.sql("""
                UPDATE observatory.dataset SET obs_count = obs_count + :delta, data_changed_at = clock_timestamp(),
                    first_period = CASE WHEN CAST(:firstStart AS date) IS NOT NULL AND (first_start IS NULL OR :firstStart < first_start)
                                        THEN :firstPeriod ELSE first_period END,
                    first_start = CASE WHEN CAST(:firstStart AS date) IS NOT NULL AND (first_start IS NULL OR :firstStart < first_start)
                                       THEN :firstStart ELSE first_start END,
                    last_period = CASE WHEN CAST(:lastEnd AS date) IS NOT NULL AND (last_end IS NULL OR :lastEnd > last_end)
                                       THEN :lastPeriod ELSE last_period END,
                    last_end = CASE WHEN CAST(:lastEnd AS date) IS NOT NULL AND (last_end IS NULL OR :lastEnd > last_end)
                                    THEN :lastEnd ELSE last_end END
                WHERE id = :id
                """)
                .param("id", datasetId).param("delta", observationDelta).param("firstPeriod", firstPeriod)
                .param("firstStart", firstStart).param("lastPeriod", lastPeriod).param("lastEnd", lastEnd)
                .update();
        for (Integer source : sourceIds) {
            jdbc.sql("INSERT INTO observatory.dataset_source (dataset_id, source_id) VALUES (:ds, :src) ON CONFLICT DO NOTHING")
                    .param("ds", datasetId).param("src", source).update();
        }
    }

    public boolean summaryFresh(int datasetId) {
        return jdbc.sql("SELECT summary_at IS NOT NULL AND summary_at >= data_changed_at FROM observatory.dataset WHERE id = :id")
                .param("id", datasetId).query(Boolean.class).single();
    }

    public void summaryBuilt(int datasetId, OffsetDateTime asOfChange) {
        jdbc.sql("UPDATE observatory.dataset SET summary_at = :at WHERE id = :id").param("id", datasetId).param("at", asOfChange).update();
    }

    public OffsetDateTime dataChangedAt(int datasetId) {
        return jdbc.sql("SELECT data_changed_at FROM observatory.dataset WHERE id = :id").param("id", datasetId)
                .query(OffsetDateTime.class).single();
    }

    public long observationCount(int datasetId) {
        return jdbc.sql("SELECT obs_count FROM observatory.dataset WHERE id = :id").param("id", datasetId).query(Long.class).single();
    }

    public boolean setPublished(String code, boolean published, int version) {
        return jdbc.sql("""
                UPDATE observatory.dataset SET published = :published, version = version + 1, updated_at = now()
                WHERE code = :code AND version = :version
                """).param("code", code).param("published", published).param("version", version).update() == 1;
    }

    List<Dataset.Dimension> dimensions(int datasetId) {
        return jdbc.sql("""
                SELECT d.position, d.code, d.name, l.code AS codelist, d.total_code FROM observatory.dimension d
                JOIN observatory.codelist l ON l.id = d.codelist_id WHERE d.dataset_id = :ds ORDER BY d.position
                """).param("ds", datasetId)
                .query((rs, i) -> new Dataset.Dimension(rs.getInt("position"), rs.getString("code"), json.text(rs.getString("name")),
                        rs.getString("codelist"), rs.getString("total_code")))
                .list();
    }

    private Dataset map(ResultSet rs, int i) throws SQLException {
        return new Dataset(rs.getString("code"), json.text(rs.getString("name")), json.text(rs.getString("description")),
                Arrays.asList((String[]) rs.getArray("themes").getArray()), json.text(rs.getString("measure")),
                rs.getString("unit"), rs.getBoolean("additive"), dimensions(rs.getInt("id")),
                Arrays.asList(json.read(rs.getString("aggregates"), Dataset.AggregateRule[].class)),
                Arrays.asList(json.read(rs.getString("notes"), Dataset.Note[].class)),
                Arrays.asList(json.read(rs.getString("citations"), SourceCitation[].class)),
                rs.getBoolean("published"), rs.getInt("version"));
    }

    private DatasetSummary mapSummary(ResultSet rs, int i) throws SQLException {
        return new DatasetSummary(rs.getString("code"), json.text(rs.getString("name")), json.text(rs.getString("description")),
                Arrays.asList((String[]) rs.getArray("themes").getArray()), rs.getBoolean("published"),
                Arrays.asList((String[]) rs.getArray("source_codes").getArray()), rs.getString("first_period"),
                rs.getString("last_period"), rs.getLong("series_count"), rs.getLong("obs_count"), rs.getLong("figures"));
    }

    static LocalizedText orEmpty(LocalizedText text) {
        return text == null ? new LocalizedText(null, null, null) : text;
    }
}
