package org.marsad.organisations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.text.Normalizer;

import org.marsad.organisations.AliasKind;
import org.marsad.organisations.Organisation;
import org.marsad.organisations.OrganisationType;
import org.marsad.platform.Json;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrganisationRepository {

    private static final String SELECT = """
            SELECT o.*, p.code AS parent_code FROM organisations.organisation o
            LEFT JOIN organisations.organisation p ON p.id = o.parent_id
            """;

    private final JdbcClient jdbc;
    private final Json json;

    OrganisationRepository(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Organisation> findByCode(String code) {
        return withAliases(jdbc.sql(SELECT + " WHERE o.code = :code").param("code", code).query(this::map).list())
                .stream().findFirst();
    }

    public Optional<Organisation> findById(long id) {
        return withAliases(jdbc.sql(SELECT + " WHERE o.id = :id").param("id", id).query(this::map).list())
                .stream().findFirst();
    }

    /** These organisations (those that exist), in two queries whatever their number. */
    public List<Organisation> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withAliases(jdbc.sql(SELECT + " WHERE o.id = ANY(:ids)").param("ids", ids.toArray(Long[]::new))
                .query(this::map).list());
    }

    public Optional<Organisation> findByIatiIdentifier(String iatiIdentifier) {
        return withAliases(jdbc.sql(SELECT + " WHERE o.iati_identifier = :iati").param("iati", iatiIdentifier)
                .query(this::map).list()).stream().findFirst();
    }

    public Optional<Long> idOf(String code) {
        return jdbc.sql("SELECT id FROM organisations.organisation WHERE code = :code").param("code", code)
                .query(Long.class).optional();
    }

    public boolean isEdited(String code) {
        return jdbc.sql("SELECT edited FROM organisations.organisation WHERE code = :code").param("code", code)
                .query(Boolean.class).optional().orElse(false);
    }

    /**
     * Search by any name, acronym, alias or code, in any language, ignoring case and accents. Exact matches of a
     * code or alias come first, then prefixes, then the rest by similarity.
     */
    public List<Organisation> search(String query, OrganisationType type, String country, boolean includeWithdrawn,
            int limit, int offset) {
        return withAliases(jdbc.sql(SELECT + """
                WHERE (CAST(:q AS text) IS NULL OR o.search_text LIKE '%' || :q || '%')
                  AND (CAST(:type AS text) IS NULL OR o.type = :type)
                  AND (CAST(:country AS text) IS NULL OR o.country = :country)
                  AND (:withdrawn OR o.withdrawn_at IS NULL)
                ORDER BY
                  CASE WHEN CAST(:q AS text) IS NULL THEN 0
                       WHEN lower(o.code) = :q OR EXISTS (SELECT 1 FROM organisations.alias a
                            WHERE a.organisation_id = o.id AND a.value_folded = :q) THEN 0
                       WHEN o.search_text LIKE :q || '%' OR o.search_text LIKE '% ' || :q || '%' THEN 1
                       ELSE 2 END,
                  CASE WHEN CAST(:q AS text) IS NULL THEN 0 ELSE -platform.similarity(o.search_text, :q) END,
                  lower(o.name ->> 'fr'), o.code
                LIMIT :limit OFFSET :offset
                """)
                .param("q", query).param("type", type == null ? null : type.name()).param("country", country)
                .param("withdrawn", includeWithdrawn).param("limit", limit).param("offset", offset)
                .query(this::map).list());
    }

    public long count(String query, OrganisationType type, String country, boolean includeWithdrawn) {
        return jdbc.sql("""
                SELECT count(*) FROM organisations.organisation o
                WHERE (CAST(:q AS text) IS NULL OR o.search_text LIKE '%' || :q || '%')
                  AND (CAST(:type AS text) IS NULL OR o.type = :type)
                  AND (CAST(:country AS text) IS NULL OR o.country = :country)
                  AND (:withdrawn OR o.withdrawn_at IS NULL)
                """)
                .param("q", query).param("type", type == null ? null : type.name()).param("country", country)
                .param("withdrawn", includeWithdrawn)
                .query(Long.class).single();
    }

    public Map<OrganisationType, Long> countByType() {
        Map<OrganisationType, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT type, count(*) AS n FROM organisations.organisation WHERE withdrawn_at IS NULL GROUP BY type")
                .query((rs, n) -> counts.put(OrganisationType.valueOf(rs.getString("type")), rs.getLong("n"))).list();
        return counts;
    }

    /** Organisations whose code or an alias is exactly this (case and accents ignored). */
    public List<Organisation> resolve(String codeOrAlias) {
        String key = fold(codeOrAlias);
        return withAliases(jdbc.sql(SELECT + """
                WHERE lower(o.code) = :key
                   OR o.id IN (SELECT a.organisation_id FROM organisations.alias a WHERE a.value_folded = :key)
                ORDER BY o.code
                """).param("key", key).query(this::map).list());
    }

    public List<Organisation> children(long parentId) {
        return withAliases(jdbc.sql(SELECT + " WHERE o.parent_id = :id ORDER BY o.code").param("id", parentId)
                .query(this::map).list());
    }

    public List<String> allCodes() {
        return jdbc.sql("SELECT code FROM organisations.organisation ORDER BY code").query(String.class).list();
    }

    public long insert(Row row) {
        long id = jdbc.sql("""
                INSERT INTO organisations.organisation (code, type, country, parent_id, name, acronym, description,
                    iati_identifier, website, sources, search_text, edited)
                VALUES (:code, :type, :country, :parentId, :name, :acronym, :description, :iati, :website, :sources,
                    :searchText, :edited)
                RETURNING id
                """)
                .params(params(row)).query(Long.class).single();
        replaceAliases(id, row.aliases());
        return id;
    }

    /** Updates if the stored version is {@code expectedVersion}; returns false when someone changed it first. */
    public boolean update(long id, Row row, int expectedVersion) {
        Map<String, Object> params = params(row);
        params.put("id", id);
        params.put("version", expectedVersion);
        int n = jdbc.sql("""
                UPDATE organisations.organisation SET type = :type, country = :country, parent_id = :parentId,
                    name = :name, acronym = :acronym, description = :description, iati_identifier = :iati,
                    website = :website, sources = :sources, search_text = :searchText, edited = edited OR :edited,
                    version = version + 1, updated_at = now()
                WHERE id = :id AND version = :version
                """).params(params).update();
        if (n == 1) {
            replaceAliases(id, row.aliases());
        }
        return n == 1;
    }

    public void setParent(long id, Long parentId) {
        jdbc.sql("UPDATE organisations.organisation SET parent_id = :parentId WHERE id = :id")
                .param("id", id).param("parentId", parentId).update();
    }

    public void withdraw(long id, String by, String reason) {
        jdbc.sql("""
                UPDATE organisations.organisation SET withdrawn_at = now(), withdrawn_by = :by, withdrawn_reason = :reason,
                    edited = true, version = version + 1, updated_at = now()
                WHERE id = :id
                """).param("id", id).param("by", by).param("reason", reason).update();
    }

    private void replaceAliases(long id, List<Organisation.Alias> aliases) {
        jdbc.sql("DELETE FROM organisations.alias WHERE organisation_id = :id").param("id", id).update();
        int position = 0;
        for (Organisation.Alias alias : aliases) {
            jdbc.sql("""
                    INSERT INTO organisations.alias (organisation_id, value, value_folded, lang, kind, note, position)
                    VALUES (:id, :value, :folded, :lang, :kind, :note, :position)
                    """)
                    .param("id", id).param("value", alias.value()).param("folded", fold(alias.value()))
                    .param("lang", alias.lang())
                    .param("kind", alias.kind().name()).param("note", alias.note()).param("position", position++)
                    .update();
        }
    }

    private Map<String, Object> params(Row row) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", row.code());
        p.put("type", row.type().name());
        p.put("country", row.country());
        p.put("parentId", row.parentId());
        p.put("name", json.jsonb(row.name()));
        p.put("acronym", row.acronym() == null || row.acronym().isEmpty() ? null : json.jsonb(row.acronym()));
        p.put("description", row.description() == null || row.description().isEmpty() ? null : json.jsonb(row.description()));
        p.put("iati", row.iatiIdentifier());
        p.put("website", row.website());
        p.put("sources", json.jsonb(row.sources()));
        p.put("searchText", searchText(row));
        p.put("edited", row.edited());
        return p;
    }

    static String searchText(Row row) {
        List<String> parts = new ArrayList<>();
        parts.add(row.code());
        addText(parts, row.name());
        addText(parts, row.acronym());
        row.aliases().forEach(a -> parts.add(a.value()));
        return fold(String.join(" ", parts));
    }

    private static void addText(List<String> parts, LocalizedText text) {
        if (text != null) {
            Arrays.asList(text.fr(), text.en(), text.ar()).forEach(s -> {
                if (s != null) {
                    parts.add(s);
                }
            });
        }
    }

    /** Lower case without Latin diacritics, the form names and queries are compared in (Arabic is kept as written). */
    public static String fold(String s) {
        if (s == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            // Only Latin combining marks: Arabic vowel marks and letters are kept as written.
            if (c < '\u0300' || c > '\u036f') {
                sb.append(c);
            }
        }
        return Normalizer.normalize(sb.toString(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace("œ", "oe").replace("æ", "ae").replace('’', '\'').replaceAll("\\s+", " ").strip();
    }

    private List<Organisation> withAliases(List<Organisation> organisations) {
        if (organisations.isEmpty()) {
            return organisations;
        }
        Map<Long, List<Organisation.Alias>> aliases = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM organisations.alias WHERE organisation_id = ANY(:ids) ORDER BY organisation_id, position")
                .param("ids", organisations.stream().map(Organisation::id).toArray(Long[]::new))
                .query((rs, n) -> aliases.computeIfAbsent(rs.getLong("organisation_id"), k -> new ArrayList<>())
                        .add(new Organisation.Alias(rs.getString("value"), rs.getString("lang"),
                                AliasKind.valueOf(rs.getString("kind")), rs.getString("note"))))
                .list();
        return organisations.stream().map(o -> new Organisation(o.id(), o.code(), o.type(), o.country(), o.parentCode(),
                o.name(), o.acronym(), o.description(), o.iatiIdentifier(), o.website(),
                List.copyOf(aliases.getOrDefault(o.id(), List.of())), o.sources(), o.version(), o.withdrawn(),
                o.withdrawnReason(), o.updatedAt())).toList();
    }

    private Organisation map(ResultSet rs, int n) throws SQLException {
        return new Organisation(
                rs.getLong("id"),
                rs.getString("code"),
                OrganisationType.valueOf(rs.getString("type")),
                rs.getString("country"),
                rs.getString("parent_code"),
                json.text(rs.getString("name")),
                json.text(rs.getString("acronym")),
                json.text(rs.getString("description")),
                rs.getString("iati_identifier"),
                rs.getString("website"),
                List.of(),
                Arrays.asList(json.read(rs.getString("sources"), SourceCitation[].class)),
                rs.getInt("version"),
                rs.getObject("withdrawn_at") != null,
                rs.getString("withdrawn_reason"),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    /** The stored columns of one organisation, resolved (parent id) and ready to write. */
    public record Row(String code, OrganisationType type, String country, Long parentId, LocalizedText name,
            LocalizedText acronym, LocalizedText description, String iatiIdentifier, String website,
            List<Organisation.Alias> aliases, List<SourceCitation> sources, boolean edited) {
    }
}
