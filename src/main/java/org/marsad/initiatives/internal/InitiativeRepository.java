package org.marsad.initiatives.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.marsad.initiatives.HistoryEntry;
import org.marsad.platform.Json;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the initiatives module. The "state set" of a query is either the current revisions or, as of a date,
 * the latest revision of each initiative valid on that date; the two are constant fragments, values are always
 * bound as parameters.
 */
@Repository
public class InitiativeRepository {

    /** The current state of every initiative. */
    private static final String CURRENT = """
            (SELECT r.* FROM initiatives.revision r WHERE r.is_current)
            """;
    /** The state of every initiative that existed on :asOf: its latest revision valid that day. */
    private static final String AS_OF = """
            (SELECT DISTINCT ON (r.initiative_id) r.* FROM initiatives.revision r
             WHERE r.valid_from <= :asOf ORDER BY r.initiative_id, r.valid_from DESC, r.seq DESC)
            """;
    /** A link counts when it is live (current state). */
    private static final String LINK_LIVE = "l.removed_at IS NULL";
    /** A link counts when it was valid on :asOf. */
    private static final String LINK_VALID_ON = "l.valid_from <= :asOf AND (l.valid_to IS NULL OR l.valid_to > :asOf)";

    private final JdbcClient jdbc;
    private final Json json;

    InitiativeRepository(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<InitiativeRow> find(long id) {
        return jdbc.sql("SELECT * FROM initiatives.initiative WHERE id = :id").param("id", id)
                .query(this::mapInitiative).optional();
    }

    public Optional<InitiativeRow> findByIdentifier(String identifier) {
        return jdbc.sql("SELECT * FROM initiatives.initiative WHERE identifier = :v").param("v", identifier)
                .query(this::mapInitiative).optional();
    }

    public Optional<InitiativeRow> findByCode(String code) {
        return jdbc.sql("SELECT * FROM initiatives.initiative WHERE code = :v").param("v", code)
                .query(this::mapInitiative).optional();
    }

    public boolean codeOrIdentifierTaken(String code, String identifier) {
        return jdbc.sql("SELECT count(*) FROM initiatives.initiative WHERE code = :code OR identifier = :identifier")
                .param("code", code).param("identifier", identifier).query(Long.class).single() > 0;
    }

    public long insertInitiative(String code, String identifier, String origin, String createdBy, boolean edited) {
        return jdbc.sql("""
                INSERT INTO initiatives.initiative (code, identifier, origin, created_by, edited)
                VALUES (:code, :identifier, :origin, :createdBy, :edited) RETURNING id
                """)
                .param("code", code).param("identifier", identifier).param("origin", origin)
                .param("createdBy", createdBy).param("edited", edited)
                .query(Long.class).single();
    }

    /** Counts a new version if the stored one is {@code expectedVersion}; false when someone changed it first. */
    public boolean bumpVersion(long id, int expectedVersion, boolean edited) {
        return jdbc.sql("""
                UPDATE initiatives.initiative SET version = version + 1, edited = edited OR :edited
                WHERE id = :id AND version = :version
                """).param("id", id).param("version", expectedVersion).param("edited", edited).update() == 1;
    }

    /** Records a new current state of an initiative; the previous current state stays as history. */
    public long insertRevision(long initiativeId, PartialDate validFrom, String recordedBy, String kind,
            LocalizedText comment, State state, List<HistoryEntry.FieldChange> changes) {
        jdbc.sql("UPDATE initiatives.revision SET is_current = false WHERE initiative_id = :id AND is_current")
                .param("id", initiativeId).update();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("initiativeId", initiativeId);
        p.put("validFrom", Date.valueOf(validFrom.earliest()));
        p.put("validFromText", validFrom.value());
        p.put("recordedBy", recordedBy);
        p.put("kind", kind);
        p.put("comment", comment == null || comment.isEmpty() ? null : json.jsonb(comment));
        p.put("status", state.status().code());
        p.put("visibility", state.visibility().name());
        p.put("title", json.jsonb(state.title()));
        p.put("reportingOrgId", state.reportingOrganisation() == null ? null : state.reportingOrganisation().id());
        p.put("orgIds", state.organisationIds());
        p.put("partnerIds", state.partnerIds());
        p.put("participations", state.participationKeys());
        p.put("targetGroups", state.targetGroups().stream().map(Enum::name).toArray(String[]::new));
        p.put("regions", state.regions().toArray(String[]::new));
        p.put("state", json.jsonb(state));
        p.put("changes", json.jsonb(changes));
        return jdbc.sql("""
                INSERT INTO initiatives.revision (initiative_id, seq, valid_from, valid_from_text, recorded_by, kind,
                    comment, is_current, status, visibility, title, reporting_org_id, org_ids, partner_ids,
                    participations, target_groups, regions, state, changes)
                VALUES (:initiativeId,
                    (SELECT coalesce(max(seq), 0) + 1 FROM initiatives.revision WHERE initiative_id = :initiativeId),
                    :validFrom, :validFromText, :recordedBy, :kind, :comment, true, :status, :visibility, :title,
                    :reportingOrgId, :orgIds, :partnerIds, :participations, :targetGroups, :regions, :state, :changes)
                RETURNING id
                """).params(p).query(Long.class).single();
    }

    public Optional<RevisionRow> currentRevision(long initiativeId) {
        return jdbc.sql("SELECT * FROM initiatives.revision WHERE initiative_id = :id AND is_current")
                .param("id", initiativeId).query(this::mapRevision).optional();
    }

    /** The latest revision valid on the date, if the initiative existed then. */
    public Optional<RevisionRow> revisionAsOf(long initiativeId, LocalDate asOf) {
        return jdbc.sql("""
                SELECT * FROM initiatives.revision WHERE initiative_id = :id AND valid_from <= :asOf
                ORDER BY valid_from DESC, seq DESC LIMIT 1
                """).param("id", initiativeId).param("asOf", asOf).query(this::mapRevision).optional();
    }

    public List<RevisionRow> revisions(long initiativeId) {
        return jdbc.sql("SELECT * FROM initiatives.revision WHERE initiative_id = :id ORDER BY seq DESC")
                .param("id", initiativeId).query(this::mapRevision).list();
    }

    public List<LinkRow> links(long initiativeId) {
        return jdbc.sql("SELECT * FROM initiatives.node_link WHERE initiative_id = :id ORDER BY framework_code, id")
                .param("id", initiativeId).query(this::mapLink).list();
    }

    /** The node codes each initiative is linked to in the chosen state (live, or valid on asOf). */
    public Map<Long, List<String>> nodeCodes(List<Long> initiativeIds, LocalDate asOf) {
        Map<Long, List<String>> codes = new HashMap<>();
        if (initiativeIds.isEmpty()) {
            return codes;
        }
        var spec = jdbc.sql("SELECT l.initiative_id, l.node_code FROM initiatives.node_link l WHERE l.initiative_id = ANY(:ids) AND "
                        + (asOf == null ? LINK_LIVE : LINK_VALID_ON) + " ORDER BY l.initiative_id, l.framework_code, l.id")
                .param("ids", initiativeIds.toArray(Long[]::new));
        if (asOf != null) {
            spec.param("asOf", Date.valueOf(asOf));
        }
        spec
                .query((rs, n) -> codes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return codes;
    }

    public long insertLink(long initiativeId, long nodeId, String nodeCode, String frameworkCode, PartialDate validFrom,
            LocalizedText rationale, List<SourceCitation> sources, String createdBy) {
        return jdbc.sql("""
                INSERT INTO initiatives.node_link (initiative_id, node_id, node_code, framework_code, valid_from,
                    valid_from_text, rationale, sources, created_by)
                VALUES (:initiativeId, :nodeId, :nodeCode, :frameworkCode, :validFrom, :validFromText, :rationale,
                    :sources, :createdBy)
                RETURNING id
                """)
                .param("initiativeId", initiativeId).param("nodeId", nodeId).param("nodeCode", nodeCode)
                .param("frameworkCode", frameworkCode).param("validFrom", Date.valueOf(validFrom.earliest()))
                .param("validFromText", validFrom.value())
                .param("rationale", rationale == null || rationale.isEmpty() ? null : json.jsonb(rationale))
                .param("sources", json.jsonb(sources == null ? List.of() : sources)).param("createdBy", createdBy)
                .query(Long.class).single();
    }

    public void removeLink(long linkId, PartialDate validTo, String by, String reason) {
        jdbc.sql("""
                UPDATE initiatives.node_link SET valid_to = greatest(valid_from, :validTo), valid_to_text = :validToText,
                    removed_at = now(), removed_by = :by, removal_reason = :reason
                WHERE id = :id AND removed_at IS NULL
                """)
                .param("id", linkId).param("validTo", Date.valueOf(validTo.earliest())).param("validToText", validTo.value())
                .param("by", by).param("reason", reason).update();
    }

    /** Forgets what the seed recorded for an initiative nobody edited, before the seed records it again. */
    public void deleteSeeded(long initiativeId) {
        jdbc.sql("DELETE FROM initiatives.node_link WHERE initiative_id = :id").param("id", initiativeId).update();
        jdbc.sql("DELETE FROM initiatives.revision WHERE initiative_id = :id").param("id", initiativeId).update();
    }

    /** Marks a write; see the change_stamp table. */
    public void bumpStamp() {
        jdbc.sql("UPDATE initiatives.change_stamp SET stamp = stamp + 1 WHERE id = 1").update();
    }

    public long stamp() {
        return jdbc.sql("SELECT stamp FROM initiatives.change_stamp WHERE id = 1").query(Long.class).single();
    }

    public long countCurrent() {
        return jdbc.sql("SELECT count(*) FROM initiatives.revision WHERE is_current AND visibility = 'PUBLIC'")
                .query(Long.class).single();
    }

    public List<ListRow> search(Criteria c, String order, int limit, int offset) {
        String orderBy = switch (order) {
            case "status" -> "s.status, i.code";
            case "title" -> "lower(s.title ->> 'fr'), i.code";
            default -> "i.code";
        };
        var spec = jdbc.sql("SELECT i.id, i.code, i.identifier, s.state, s.valid_from_text FROM "
                + (c.asOf() == null ? CURRENT : AS_OF) + " s JOIN initiatives.initiative i ON i.id = s.initiative_id WHERE "
                + where(c, true) + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset");
        bind(c, spec::param);
        return spec.param("limit", limit).param("offset", offset)
                .query((rs, n) -> new ListRow(rs.getLong("id"), rs.getString("code"), rs.getString("identifier"),
                        json.read(rs.getString("state"), State.class), PartialDate.parse(rs.getString("valid_from_text"))))
                .list();
    }

    public long count(Criteria c) {
        var spec = jdbc.sql("SELECT count(*) FROM " + (c.asOf() == null ? CURRENT : AS_OF)
                + " s JOIN initiatives.initiative i ON i.id = s.initiative_id WHERE " + where(c, true));
        bind(c, spec::param);
        return spec.query(Long.class).single();
    }

    /**
     * For a scoreboard: one row per (node, initiative) of the framework's links in the chosen state that pass the
     * filters, with the initiative's status and partners.
     */
    public void scoreboardRows(Criteria c, Consumer<ScoreRow> sink) {
        var spec = jdbc.sql("SELECT l.node_code, i.id, i.code, s.status, s.partner_ids FROM "
                + (c.asOf() == null ? CURRENT : AS_OF) + " s JOIN initiatives.initiative i ON i.id = s.initiative_id"
                + " JOIN initiatives.node_link l ON l.initiative_id = s.initiative_id AND l.framework_code = :framework AND "
                + (c.asOf() == null ? LINK_LIVE : LINK_VALID_ON)
                + (c.nodes() == null ? "" : " AND l.node_code = ANY(:nodes)") + " WHERE " + where(c, false));
        bind(c, spec::param);
        spec.query((ResultSet rs) -> {
            Long[] partners = (Long[]) rs.getArray("partner_ids").getArray();
            sink.accept(new ScoreRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4), partners));
        });
    }

    /**
     * The conditions of the active filters only, so that PostgreSQL plans each combination for what it is (no
     * "parameter IS NULL OR …" that a cached generic plan cannot use an index for). Values are always bound.
     */
    private static String where(Criteria c, boolean withLinks) {
        List<String> conditions = new ArrayList<>();
        if (c.viewer().all()) {
            conditions.add("true");
        }
        else if (c.viewer().organisationId() != null) {
            conditions.add("(s.visibility = 'PUBLIC' OR :viewerOrg = ANY(s.org_ids))");
        }
        else {
            conditions.add("s.visibility = 'PUBLIC'");
        }
        if (c.status() != null) {
            conditions.add("s.status = :status");
        }
        if (c.organisations() != null && c.role() != null) {
            conditions.add("s.participations && CAST(:participations AS text[])");
        }
        else if (c.organisations() != null) {
            conditions.add("s.org_ids && CAST(:orgs AS bigint[])");
        }
        else if (c.role() != null) {
            conditions.add("EXISTS (SELECT 1 FROM unnest(s.participations) p WHERE p LIKE '%:' || :role)");
        }
        if (c.region() != null) {
            conditions.add("s.regions @> ARRAY[CAST(:region AS text)]");
        }
        if (c.targetGroup() != null) {
            conditions.add("s.target_groups @> ARRAY[CAST(:targetGroup AS text)]");
        }
        if (c.q() != null) {
            // Both sides of the OR on the revision itself (the code match computed once, as an array), so that
            // PostgreSQL can combine the text index with the primary key instead of testing every revision.
            conditions.add("(s.tsv @@ (websearch_to_tsquery('initiatives.fr_unaccent', :q) || websearch_to_tsquery('simple', :q))"
                    + " OR s.initiative_id = ANY(ARRAY(SELECT c.id FROM initiatives.initiative c"
                    + " WHERE upper(c.code) = upper(:q) OR c.identifier = :q)))");
        }
        if (withLinks && (c.framework() != null || c.nodes() != null)) {
            conditions.add("EXISTS (SELECT 1 FROM initiatives.node_link l WHERE l.initiative_id = s.initiative_id AND "
                    + (c.asOf() == null ? LINK_LIVE : LINK_VALID_ON)
                    + (c.framework() == null ? "" : " AND l.framework_code = :framework")
                    + (c.nodes() == null ? "" : " AND l.node_code = ANY(:nodes)") + ")");
        }
        return String.join(" AND ", conditions);
    }

    /** States of the given initiatives (current, or as of a date), for the rows a scoreboard shows. */
    public Map<Long, ListRow> states(List<Long> ids, LocalDate asOf) {
        Map<Long, ListRow> rows = new HashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        var spec = jdbc.sql("SELECT i.id, i.code, i.identifier, s.state, s.valid_from_text FROM "
                + (asOf == null ? CURRENT : AS_OF) + " s JOIN initiatives.initiative i ON i.id = s.initiative_id"
                + " WHERE i.id = ANY(:ids)").param("ids", ids.toArray(Long[]::new));
        if (asOf != null) {
            spec.param("asOf", Date.valueOf(asOf));
        }
        spec.query((rs, n) -> rows.put(rs.getLong("id"), new ListRow(rs.getLong("id"), rs.getString("code"),
                rs.getString("identifier"), json.read(rs.getString("state"), State.class),
                PartialDate.parse(rs.getString("valid_from_text"))))).list();
        return rows;
    }

    /**
     * A page of current states in id order after {@code afterId}, for streaming exports: each page is one short
     * query, so an export of any size holds one page in memory.
     */
    public List<ExportRow> exportPage(long afterId, int limit, Long reportingOrgId, Viewer viewer) {
        String visible = viewer.all() ? "" : viewer.organisationId() != null
                ? " AND (r.visibility = 'PUBLIC' OR :viewerOrg = ANY(r.org_ids))" : " AND r.visibility = 'PUBLIC'";
        var spec = jdbc.sql("""
                SELECT i.id, i.code, i.identifier, i.origin, r.state, r.recorded_at,
                       (SELECT f.valid_from_text FROM initiatives.revision f WHERE f.initiative_id = i.id
                        ORDER BY f.valid_from, f.seq LIMIT 1) AS first_valid_from
                FROM initiatives.revision r JOIN initiatives.initiative i ON i.id = r.initiative_id
                WHERE r.is_current AND i.id > :afterId
                """ + (reportingOrgId == null ? "" : " AND r.reporting_org_id = :reportingOrg") + visible
                + " ORDER BY i.id LIMIT :limit")
                .param("afterId", afterId).param("limit", limit);
        if (reportingOrgId != null) {
            spec.param("reportingOrg", reportingOrgId);
        }
        if (!viewer.all() && viewer.organisationId() != null) {
            spec.param("viewerOrg", viewer.organisationId());
        }
        return spec.query((rs, n) -> new ExportRow(rs.getLong("id"), rs.getString("code"), rs.getString("identifier"),
                        rs.getString("origin"), json.read(rs.getString("state"), State.class),
                        rs.getObject("recorded_at", OffsetDateTime.class),
                        PartialDate.parse(rs.getString("first_valid_from"))))
                .list();
    }

    /** Live links of the given initiatives, by initiative, for exports. */
    public Map<Long, List<LinkRow>> liveLinks(List<Long> initiativeIds) {
        Map<Long, List<LinkRow>> links = new HashMap<>();
        if (initiativeIds.isEmpty()) {
            return links;
        }
        jdbc.sql("SELECT * FROM initiatives.node_link WHERE initiative_id = ANY(:ids) AND removed_at IS NULL ORDER BY id")
                .param("ids", initiativeIds.toArray(Long[]::new))
                .query(this::mapLink).list()
                .forEach(l -> links.computeIfAbsent(l.initiativeId(), k -> new ArrayList<>()).add(l));
        return links;
    }

    /** Binds the values of the active filters (those {@link #where} names). */
    private void bind(Criteria c, BiFunction<String, Object, ?> param) {
        if (c.asOf() != null) {
            param.apply("asOf", Date.valueOf(c.asOf()));
        }
        if (!c.viewer().all() && c.viewer().organisationId() != null) {
            param.apply("viewerOrg", c.viewer().organisationId());
        }
        if (c.status() != null) {
            param.apply("status", c.status());
        }
        if (c.organisations() != null && c.role() != null) {
            param.apply("participations", c.organisations().stream().map(o -> o + ":" + c.role()).toArray(String[]::new));
        }
        else if (c.organisations() != null) {
            param.apply("orgs", c.organisations().toArray(Long[]::new));
        }
        else if (c.role() != null) {
            param.apply("role", String.valueOf(c.role()));
        }
        if (c.region() != null) {
            param.apply("region", c.region());
        }
        if (c.targetGroup() != null) {
            param.apply("targetGroup", c.targetGroup());
        }
        if (c.q() != null) {
            param.apply("q", c.q());
        }
        if (c.framework() != null) {
            param.apply("framework", c.framework());
        }
        if (c.nodes() != null) {
            param.apply("nodes", c.nodes().toArray(String[]::new));
        }
    }

    private InitiativeRow mapInitiative(ResultSet rs, int n) throws SQLException {
        return new InitiativeRow(rs.getLong("id"), rs.getString("code"), rs.getString("identifier"),
                rs.getString("origin"), rs.getBoolean("edited"), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }

    private RevisionRow mapRevision(ResultSet rs, int n) throws SQLException {
        return new RevisionRow(rs.getLong("id"), rs.getLong("initiative_id"), rs.getInt("seq"),
                PartialDate.parse(rs.getString("valid_from_text")), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("recorded_by"), rs.getString("kind"),
                rs.getString("comment") == null ? null : json.text(rs.getString("comment")),
                json.read(rs.getString("state"), State.class),
                Arrays.asList(json.read(rs.getString("changes"), HistoryEntry.FieldChange[].class)));
    }

    private LinkRow mapLink(ResultSet rs, int n) throws SQLException {
        return new LinkRow(rs.getLong("id"), rs.getLong("initiative_id"), rs.getLong("node_id"), rs.getString("node_code"),
                rs.getString("framework_code"), PartialDate.parse(rs.getString("valid_from_text")),
                PartialDate.parse(rs.getString("valid_to_text")),
                rs.getString("rationale") == null ? null : json.text(rs.getString("rationale")),
                Arrays.asList(json.read(rs.getString("sources"), SourceCitation[].class)),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("removed_by"), rs.getObject("removed_at", OffsetDateTime.class),
                rs.getString("removal_reason"));
    }

    public record InitiativeRow(long id, String code, String identifier, String origin, boolean edited, int version,
            OffsetDateTime createdAt, String createdBy) {
    }

    public record RevisionRow(long id, long initiativeId, int seq, PartialDate validFrom, LocalDate validFromDay,
            OffsetDateTime recordedAt, String recordedBy, String kind, LocalizedText comment, State state,
            List<HistoryEntry.FieldChange> changes) {
    }

    public record LinkRow(long id, long initiativeId, long nodeId, String nodeCode, String frameworkCode,
            PartialDate validFrom, PartialDate validTo, LocalizedText rationale, List<SourceCitation> sources,
            String createdBy, OffsetDateTime createdAt, String removedBy, OffsetDateTime removedAt,
            String removalReason) {

        public boolean live() {
            return removedAt == null;
        }
    }

    public record ListRow(long id, String code, String identifier, State state, PartialDate asOf) {
    }

    public record ScoreRow(String nodeCode, long initiativeId, String code, int status, Long[] partnerIds) {
    }

    public record ExportRow(long id, String code, String identifier, String origin, State state,
            OffsetDateTime recordedAt, PartialDate firstValidFrom) {
    }
}
