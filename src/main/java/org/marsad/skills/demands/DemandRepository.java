package org.marsad.skills.demands;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.marsad.platform.Json;
import org.marsad.platform.LocalizedText;
import org.marsad.skills.CefrLevel;
import org.marsad.skills.ContributionKind;
import org.marsad.skills.EducationLevel;
import org.marsad.skills.Sector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DemandRepository {

    private final JdbcClient jdbc;
    private final Json json;

    DemandRepository(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The stored columns of a demand, resolved and validated. */
    record Row(long organisationId, Long createdBy, LocalizedText title, LocalizedText description,
            ContributionKind contribution, Sector sector, String occupationUri, Integer minExperience,
            EducationLevel minEducation, LocalDate startDate, LocalDate endDate, Integer durationDays, PlaceMode placeMode,
            String city, String region, boolean travelCovered, boolean accommodationCovered, BigDecimal honorarium,
            String honorariumCurrency, int expertsWanted, boolean synthetic) {
    }

    record SkillRow(String uri, boolean essential) {
    }

    record Stored(long id, Row row, List<SkillRow> skills, List<Demand.LanguageRequirement> languages, DemandStatus status,
            OffsetDateTime publishedAt, OffsetDateTime closedAt, String closedBy, String closeReason, int version,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    long insert(Row row, List<SkillRow> skills, List<Demand.LanguageRequirement> languages) {
        long id = jdbc.sql("""
                INSERT INTO skills.demand (organisation_id, created_by, title, description, contribution, sector,
                    occupation_uri, min_experience, min_education, start_date, end_date, duration_days, place_mode, city,
                    region, travel_covered, accommodation_covered, honorarium, honorarium_currency, experts_wanted, synthetic)
                VALUES (:organisationId, :createdBy, :title, :description, :contribution, :sector, :occupationUri,
                    :minExperience, :minEducation, :startDate, :endDate, :durationDays, :placeMode, :city, :region,
                    :travel, :accommodation, :honorarium, :currency, :expertsWanted, :synthetic)
                RETURNING id
                """).params(params(row)).query(Long.class).single();
        replaceDetails(id, skills, languages);
        return id;
    }

    boolean update(long id, Row row, List<SkillRow> skills, List<Demand.LanguageRequirement> languages, int version) {
        Map<String, Object> p = params(row);
        p.put("id", id);
        p.put("version", version);
        boolean updated = jdbc.sql("""
                UPDATE skills.demand SET title = :title, description = :description, contribution = :contribution,
                    sector = :sector, occupation_uri = :occupationUri, min_experience = :minExperience,
                    min_education = :minEducation, start_date = :startDate, end_date = :endDate,
                    duration_days = :durationDays, place_mode = :placeMode, city = :city, region = :region,
                    travel_covered = :travel, accommodation_covered = :accommodation, honorarium = :honorarium,
                    honorarium_currency = :currency, experts_wanted = :expertsWanted, version = version + 1, updated_at = now()
                WHERE id = :id AND version = :version AND status <> 'CLOSED'
                """).params(p).update() == 1;
        if (updated) {
            replaceDetails(id, skills, languages);
        }
        return updated;
    }

    boolean setStatus(long id, DemandStatus from, DemandStatus to, String by, String reason) {
        return jdbc.sql("""
                UPDATE skills.demand SET status = :to, version = version + 1, updated_at = now(),
                    published_at = CASE WHEN :to = 'PUBLISHED' THEN now() ELSE published_at END,
                    closed_at = CASE WHEN :to = 'CLOSED' THEN now() ELSE closed_at END,
                    closed_by = CASE WHEN :to = 'CLOSED' THEN :by ELSE closed_by END,
                    close_reason = CASE WHEN :to = 'CLOSED' THEN :reason ELSE close_reason END
                WHERE id = :id AND status = :from
                """).param("id", id).param("from", from.name()).param("to", to.name()).param("by", by)
                .param("reason", reason).update() == 1;
    }

    private void replaceDetails(long id, List<SkillRow> skills, List<Demand.LanguageRequirement> languages) {
        jdbc.sql("DELETE FROM skills.demand_skill WHERE demand_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM skills.demand_language WHERE demand_id = :id").param("id", id).update();
        for (SkillRow s : skills) {
            jdbc.sql("INSERT INTO skills.demand_skill (demand_id, concept_uri, essential) VALUES (:id, :uri, :essential)")
                    .param("id", id).param("uri", s.uri()).param("essential", s.essential()).update();
        }
        for (Demand.LanguageRequirement l : languages) {
            jdbc.sql("INSERT INTO skills.demand_language (demand_id, language, min_level, required) VALUES (:id, :code, :level, :required)")
                    .param("id", id).param("code", l.code()).param("level", l.minLevel().name()).param("required", l.required())
                    .update();
        }
    }

    Optional<Stored> find(long id) {
        return withDetails(jdbc.sql("SELECT * FROM skills.demand WHERE id = :id").param("id", id).query(this::map).list())
                .stream().findFirst();
    }

    /**
     * Demands in a status (all when null), of an organisation (all when null), newest first. {@code includeDraftsOf}:
     * the organisation whose drafts may be listed (null: no drafts unless {@code allDrafts}).
     */
    List<Stored> list(DemandStatus status, Long organisationId, Long includeDraftsOf, boolean allDrafts, int limit, int offset) {
        return withDetails(jdbc.sql("""
                SELECT * FROM skills.demand
                WHERE (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:org AS bigint) IS NULL OR organisation_id = :org)
                  AND (status <> 'DRAFT' OR :allDrafts OR organisation_id = :draftsOf)
                ORDER BY coalesce(published_at, created_at) DESC, id DESC
                LIMIT :limit OFFSET :offset
                """).param("status", status == null ? null : status.name()).param("org", organisationId)
                .param("allDrafts", allDrafts).param("draftsOf", includeDraftsOf == null ? -1L : includeDraftsOf)
                .param("limit", limit).param("offset", offset).query(this::map).list());
    }

    long count(DemandStatus status, Long organisationId, Long includeDraftsOf, boolean allDrafts) {
        return jdbc.sql("""
                SELECT count(*) FROM skills.demand
                WHERE (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:org AS bigint) IS NULL OR organisation_id = :org)
                  AND (status <> 'DRAFT' OR :allDrafts OR organisation_id = :draftsOf)
                """).param("status", status == null ? null : status.name()).param("org", organisationId)
                .param("allDrafts", allDrafts).param("draftsOf", includeDraftsOf == null ? -1L : includeDraftsOf)
                .query(Long.class).single();
    }

    List<Stored> published() {
        return withDetails(jdbc.sql("SELECT * FROM skills.demand WHERE status = 'PUBLISHED' ORDER BY id")
                .query(this::map).list());
    }

    private List<Stored> withDetails(List<Stored> demands) {
        if (demands.isEmpty()) {
            return demands;
        }
        Long[] ids = demands.stream().map(Stored::id).toArray(Long[]::new);
        Map<Long, List<SkillRow>> skills = new HashMap<>();
        jdbc.sql("SELECT demand_id, concept_uri, essential FROM skills.demand_skill WHERE demand_id = ANY(:ids) ORDER BY demand_id, essential DESC, concept_uri")
                .param("ids", ids)
                .query((rs, n) -> skills.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new SkillRow(rs.getString(2), rs.getBoolean(3))))
                .list();
        Map<Long, List<Demand.LanguageRequirement>> languages = new HashMap<>();
        jdbc.sql("SELECT demand_id, language, min_level, required FROM skills.demand_language WHERE demand_id = ANY(:ids) ORDER BY demand_id, required DESC, language")
                .param("ids", ids)
                .query((rs, n) -> languages.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Demand.LanguageRequirement(rs.getString(2), CefrLevel.valueOf(rs.getString(3)), rs.getBoolean(4))))
                .list();
        return demands.stream().map(d -> new Stored(d.id(), d.row(), skills.getOrDefault(d.id(), List.of()),
                languages.getOrDefault(d.id(), List.of()), d.status(), d.publishedAt(), d.closedAt(), d.closedBy(),
                d.closeReason(), d.version(), d.createdAt(), d.updatedAt())).toList();
    }

    private Map<String, Object> params(Row row) {
        Map<String, Object> p = new HashMap<>();
        p.put("organisationId", row.organisationId());
        p.put("createdBy", row.createdBy());
        p.put("title", json.jsonb(row.title()));
        p.put("description", json.jsonb(row.description()));
        p.put("contribution", row.contribution().name());
        p.put("sector", row.sector().name());
        p.put("occupationUri", row.occupationUri());
        p.put("minExperience", row.minExperience());
        p.put("minEducation", row.minEducation() == null ? null : row.minEducation().name());
        p.put("startDate", row.startDate());
        p.put("endDate", row.endDate());
        p.put("durationDays", row.durationDays());
        p.put("placeMode", row.placeMode().name());
        p.put("city", row.city());
        p.put("region", row.region());
        p.put("travel", row.travelCovered());
        p.put("accommodation", row.accommodationCovered());
        p.put("honorarium", row.honorarium());
        p.put("currency", row.honorariumCurrency());
        p.put("expertsWanted", row.expertsWanted());
        p.put("synthetic", row.synthetic());
        return p;
    }

    private Stored map(ResultSet rs, int n) throws SQLException {
        long createdBy = rs.getLong("created_by");
        Long creator = rs.wasNull() ? null : createdBy;
        String education = rs.getString("min_education");
        Row row = new Row(rs.getLong("organisation_id"), creator, json.text(rs.getString("title")),
                json.text(rs.getString("description")), ContributionKind.valueOf(rs.getString("contribution")),
                Sector.valueOf(rs.getString("sector")), rs.getString("occupation_uri"), (Integer) rs.getObject("min_experience"),
                education == null ? null : EducationLevel.valueOf(education), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), (Integer) rs.getObject("duration_days"),
                PlaceMode.valueOf(rs.getString("place_mode")), rs.getString("city"), rs.getString("region"),
                rs.getBoolean("travel_covered"), rs.getBoolean("accommodation_covered"), rs.getBigDecimal("honorarium"),
                rs.getString("honorarium_currency"), rs.getInt("experts_wanted"), rs.getBoolean("synthetic"));
        return new Stored(rs.getLong("id"), row, List.of(), List.of(), DemandStatus.valueOf(rs.getString("status")),
                rs.getObject("published_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
                rs.getString("closed_by"), rs.getString("close_reason"), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
