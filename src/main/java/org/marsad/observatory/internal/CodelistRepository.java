package org.marsad.observatory.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.marsad.observatory.Codelist;
import org.marsad.platform.Json;
import org.marsad.platform.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CodelistRepository {

    private final JdbcClient jdbc;
    private final Json json;

    CodelistRepository(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Creates the codelist or updates its name and description; returns its id. */
    public int upsert(String code, LocalizedText name, LocalizedText description, boolean seeded, String createdBy) {
        return jdbc.sql("""
                INSERT INTO observatory.codelist (code, name, description, seeded, created_by)
                VALUES (:code, :name, :description, :seeded, :createdBy)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
                    changed_at = clock_timestamp()
                RETURNING id
                """)
                .param("code", code).param("name", json.jsonb(name)).param("description", json.jsonb(description))
                .param("seeded", seeded).param("createdBy", createdBy)
                .query(Integer.class).single();
    }

    /** Adds codes or updates their labels; codes are never removed, since observations may use them. */
    public void upsertCodes(int codelistId, List<Codelist.Code> codes) {
        int position = jdbc.sql("SELECT coalesce(max(position), 0) FROM observatory.code WHERE codelist_id = :id")
                .param("id", codelistId).query(Integer.class).single();
        for (Codelist.Code c : codes) {
            jdbc.sql("""
                    INSERT INTO observatory.code (codelist_id, code, label, description, parent, alpha3, position)
                    VALUES (:id, :code, :label, :description, :parent, :alpha3, :position)
                    ON CONFLICT (codelist_id, code) DO UPDATE SET label = EXCLUDED.label, description = EXCLUDED.description,
                        parent = EXCLUDED.parent, alpha3 = EXCLUDED.alpha3
                    """)
                    .param("id", codelistId).param("code", c.code()).param("label", json.jsonb(c.label()))
                    .param("description", json.jsonb(c.description())).param("parent", c.parent())
                    .param("alpha3", c.alpha3()).param("position", ++position)
                    .update();
        }
        jdbc.sql("UPDATE observatory.codelist SET changed_at = clock_timestamp() WHERE id = :id").param("id", codelistId).update();
    }

    public Optional<Integer> id(String code) {
        return jdbc.sql("SELECT id FROM observatory.codelist WHERE code = :code").param("code", code)
                .query(Integer.class).optional();
    }

    /**
     * A codelist with its codes. Codes are read once per version of the codelist ({@code changed_at}) and kept:
     * labels of 250 countries are read on every data request otherwise.
     */
    public Optional<Codelist> find(String code) {
        return jdbc.sql("SELECT id, code, name, description, changed_at FROM observatory.codelist WHERE code = :code")
                .param("code", code)
                .query((rs, i) -> {
                    int id = rs.getInt("id");
                    OffsetDateTime changed = rs.getObject("changed_at", OffsetDateTime.class);
                    Cached cached = cache.get(id);
                    if (cached == null || !cached.changedAt().equals(changed)) {
                        cached = new Cached(changed, codes(id));
                        cache.put(id, cached);
                    }
                    return new Codelist(rs.getString("code"), json.text(rs.getString("name")),
                            json.text(rs.getString("description")), cached.codes());
                })
                .optional();
    }

    /** Several codelists in one query, their codes from the cache while they have not changed. */
    public List<Codelist> find(Collection<String> codes) {
        return jdbc.sql("SELECT id, code, name, description, changed_at FROM observatory.codelist WHERE code = ANY(:codes)")
                .param("codes", codes.toArray(String[]::new))
                .query((rs, i) -> {
                    int id = rs.getInt("id");
                    OffsetDateTime changed = rs.getObject("changed_at", OffsetDateTime.class);
                    Cached cached = cache.get(id);
                    if (cached == null || !cached.changedAt().equals(changed)) {
                        cached = new Cached(changed, codes(id));
                        cache.put(id, cached);
                    }
                    return new Codelist(rs.getString("code"), json.text(rs.getString("name")),
                            json.text(rs.getString("description")), cached.codes());
                })
                .list();
    }

    private record Cached(OffsetDateTime changedAt, List<Codelist.Code> codes) {
    }

    private final Map<Integer, Cached> cache = new ConcurrentHashMap<>();

    /** Every codelist with its codes. */
    public List<Codelist> all() {
        return jdbc.sql("SELECT id, code, name, description FROM observatory.codelist ORDER BY code")
                .query((rs, i) -> new Codelist(rs.getString("code"), json.text(rs.getString("name")),
                        json.text(rs.getString("description")), codes(rs.getInt("id"))))
                .list();
    }

    public List<Codelist.Code> codes(int codelistId) {
        return jdbc.sql("""
                SELECT code, label, description, parent, alpha3 FROM observatory.code WHERE codelist_id = :id
                ORDER BY position, code
                """)
                .param("id", codelistId)
                .query((rs, i) -> new Codelist.Code(rs.getString("code"), json.text(rs.getString("label")),
                        rs.getString("description") == null ? null : json.text(rs.getString("description")),
                        rs.getString("parent"), rs.getString("alpha3")))
                .list();
    }

    /** The codes of a codelist, for validation. */
    public Set<String> codeSet(String codelist) {
        return new HashSet<>(jdbc.sql("""
                SELECT c.code FROM observatory.code c JOIN observatory.codelist l ON l.id = c.codelist_id WHERE l.code = :code
                """).param("code", codelist).query(String.class).list());
    }
}
