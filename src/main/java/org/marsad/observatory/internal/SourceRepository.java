package org.marsad.observatory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.marsad.observatory.Source;
import org.marsad.observatory.SourceKind;
import org.marsad.platform.Json;
import org.marsad.platform.SourceCitation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SourceRepository {

    private final JdbcClient jdbc;
    private final Json json;

    SourceRepository(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public int upsert(Source s, boolean seeded, String createdBy) {
        return jdbc.sql("""
                INSERT INTO observatory.source (code, kind, organisation_code, name, definition, citations, seeded, created_by)
                VALUES (:code, :kind, :organisation, :name, :definition, :citations, :seeded, :createdBy)
                ON CONFLICT (code) DO UPDATE SET kind = EXCLUDED.kind, organisation_code = EXCLUDED.organisation_code,
                    name = EXCLUDED.name, definition = EXCLUDED.definition, citations = EXCLUDED.citations,
                    version = observatory.source.version + 1
                RETURNING id
                """)
                .param("code", s.code()).param("kind", s.kind().name()).param("organisation", s.organisationCode())
                .param("name", json.jsonb(s.name())).param("definition", json.jsonb(s.definition()))
                .param("citations", json.jsonb(s.citations())).param("seeded", seeded).param("createdBy", createdBy)
                .query(Integer.class).single();
    }

    public boolean exists(String code) {
        return id(code).isPresent();
    }

    public Optional<Integer> id(String code) {
        return jdbc.sql("SELECT id FROM observatory.source WHERE code = :code").param("code", code)
                .query(Integer.class).optional();
    }

    public Optional<Source> find(String code) {
        return jdbc.sql("SELECT * FROM observatory.source WHERE code = :code").param("code", code).query(this::map).optional();
    }

    public List<Source> all() {
        return jdbc.sql("SELECT * FROM observatory.source ORDER BY code").query(this::map).list();
    }

    /** Source code → id, for validating imports. */
    public Map<String, Integer> ids() {
        Map<String, Integer> ids = new HashMap<>();
        jdbc.sql("SELECT id, code FROM observatory.source").query((rs, i) -> ids.put(rs.getString("code"), rs.getInt("id"))).list();
        return ids;
    }

    /** The sources that gave values to a dataset, in code order. */
    public List<Source> ofDataset(int datasetId) {
        return jdbc.sql("""
                SELECT src.* FROM observatory.source src JOIN observatory.dataset_source ds ON ds.source_id = src.id
                WHERE ds.dataset_id = :ds ORDER BY src.code
                """).param("ds", datasetId).query(this::map).list();
    }

    private Source map(ResultSet rs, int i) throws SQLException {
        String citations = rs.getString("citations");
        return new Source(rs.getString("code"), SourceKind.valueOf(rs.getString("kind")), rs.getString("organisation_code"),
                json.text(rs.getString("name")), json.text(rs.getString("definition")),
                citations == null ? List.of() : Arrays.asList(json.read(citations, SourceCitation[].class)));
    }
}
