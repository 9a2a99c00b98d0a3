package org.marsad.skills.experts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.marsad.skills.CefrLevel;
import org.marsad.skills.ConsentPurpose;
import org.marsad.skills.ContributionKind;
import org.marsad.skills.EducationLevel;
import org.marsad.skills.Sector;
import org.marsad.skills.SkillLevel;
import org.marsad.skills.VisibleField;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ExpertRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ExpertRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The stored columns of the expert table. */
    record Row(Long userId, String displayName, String country, String city, List<String> nationalities,
            EducationLevel educationLevel, String educationField, String occupationUri, Integer yearsExperience,
            List<Sector> sectors, List<ContributionKind> contributions, String summary, Set<VisibleField> visibleFields,
            boolean synthetic) {
    }

    /** The expert row as stored, with its version and dates. */
    record Stored(long id, Row row, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    record Consent(ConsentPurpose purpose, String textVersion, OffsetDateTime grantedAt, OffsetDateTime withdrawnAt) {
    }

    record StoredFreeSkill(long id, String text, List<StoredMapping> mappings) {
    }

    record StoredMapping(String uri, ExpertProfile.MappingStatus status) {
    }

    long insert(Row row) {
        return jdbc.sql("""
                INSERT INTO skills.expert (user_id, display_name, country, city, nationalities, education_level,
                    education_field, occupation_uri, years_experience, sectors, contributions, summary, visible_fields, synthetic)
                VALUES (:userId, :displayName, :country, :city, :nationalities, :educationLevel, :educationField,
                    :occupationUri, :years, :sectors, :contributions, :summary, :visible, :synthetic)
                RETURNING id
                """).params(params(row)).query(Long.class).single();
    }

    boolean update(long id, Row row, int expectedVersion) {
        Map<String, Object> p = params(row);
        p.put("id", id);
        p.put("version", expectedVersion);
        return jdbc.sql("""
                UPDATE skills.expert SET display_name = :displayName, country = :country, city = :city,
                    nationalities = :nationalities, education_level = :educationLevel, education_field = :educationField,
                    occupation_uri = :occupationUri, years_experience = :years, sectors = :sectors,
                    contributions = :contributions, summary = :summary, visible_fields = :visible,
                    version = version + 1, updated_at = now()
                WHERE id = :id AND version = :version
                """).params(p).update() == 1;
    }

    void setVisibility(long id, Set<VisibleField> visible) {
        jdbc.sql("UPDATE skills.expert SET visible_fields = :visible, version = version + 1, updated_at = now() WHERE id = :id")
                .param("id", id).param("visible", visible.stream().map(Enum::name).sorted().toArray(String[]::new)).update();
    }

    void touch(long id) {
        jdbc.sql("UPDATE skills.expert SET version = version + 1, updated_at = now() WHERE id = :id").param("id", id).update();
    }

    Optional<Stored> find(long id) {
        return jdbc.sql("SELECT * FROM skills.expert WHERE id = :id").param("id", id).query(ExpertRepository::map).optional();
    }

    Optional<Long> idOfUser(long userId) {
        return jdbc.sql("SELECT id FROM skills.expert WHERE user_id = :userId").param("userId", userId).query(Long.class).optional();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM skills.expert WHERE id = :id").param("id", id).update();
    }

    List<ExpertProfile.LanguageSkill> languages(long id) {
        return jdbc.sql("SELECT language, level FROM skills.expert_language WHERE expert_id = :id ORDER BY language")
                .param("id", id)
                .query((rs, n) -> new ExpertProfile.LanguageSkill(rs.getString("language"), CefrLevel.valueOf(rs.getString("level"))))
                .list();
    }

    void replaceLanguages(long id, List<ExpertProfile.LanguageSkill> languages) {
        jdbc.sql("DELETE FROM skills.expert_language WHERE expert_id = :id").param("id", id).update();
        for (var l : languages) {
            jdbc.sql("INSERT INTO skills.expert_language (expert_id, language, level) VALUES (:id, :language, :level)")
                    .param("id", id).param("language", l.code()).param("level", l.level().name()).update();
        }
    }

    /** Skills chosen from ESCO, in the order of their URI. */
    Map<String, SkillLevel> skills(long id) {
        Map<String, SkillLevel> skills = new LinkedHashMap<>();
        jdbc.sql("SELECT concept_uri, level FROM skills.expert_skill WHERE expert_id = :id ORDER BY concept_uri")
                .param("id", id)
                .query((rs, n) -> skills.put(rs.getString("concept_uri"), SkillLevel.valueOf(rs.getString("level"))))
                .list();
        return skills;
    }

    void replaceSkills(long id, Map<String, SkillLevel> skills) {
        jdbc.sql("DELETE FROM skills.expert_skill WHERE expert_id = :id").param("id", id).update();
        skills.forEach((uri, level) -> jdbc.sql("INSERT INTO skills.expert_skill (expert_id, concept_uri, level) VALUES (:id, :uri, :level)")
                .param("id", id).param("uri", uri).param("level", level.name()).update());
    }

    List<StoredFreeSkill> freeSkills(long id) {
        Map<Long, StoredFreeSkill> byId = new LinkedHashMap<>();
        jdbc.sql("SELECT id, text FROM skills.free_skill WHERE expert_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> byId.put(rs.getLong("id"), new StoredFreeSkill(rs.getLong("id"), rs.getString("text"), new ArrayList<>())))
                .list();
        jdbc.sql("""
                SELECT m.free_skill_id, m.concept_uri, m.status FROM skills.free_skill_mapping m
                JOIN skills.free_skill f ON f.id = m.free_skill_id WHERE f.expert_id = :id ORDER BY m.free_skill_id, m.rank
                """).param("id", id)
                .query((rs, n) -> byId.get(rs.getLong("free_skill_id")).mappings().add(new StoredMapping(rs.getString("concept_uri"),
                        ExpertProfile.MappingStatus.valueOf(rs.getString("status")))))
                .list();
        return List.copyOf(byId.values());
    }

    long insertFreeSkill(long expertId, String text, List<String> suggestions) {
        long id = jdbc.sql("INSERT INTO skills.free_skill (expert_id, text) VALUES (:id, :text) RETURNING id")
                .param("id", expertId).param("text", text).query(Long.class).single();
        for (int i = 0; i < suggestions.size(); i++) {
            jdbc.sql("INSERT INTO skills.free_skill_mapping (free_skill_id, concept_uri, rank) VALUES (:id, :uri, :rank)")
                    .param("id", id).param("uri", suggestions.get(i)).param("rank", i).update();
        }
        return id;
    }

    void deleteFreeSkill(long freeSkillId) {
        jdbc.sql("DELETE FROM skills.free_skill WHERE id = :id").param("id", freeSkillId).update();
    }

    boolean decideMapping(long expertId, long freeSkillId, String uri, ExpertProfile.MappingStatus status) {
        return jdbc.sql("""
                UPDATE skills.free_skill_mapping m SET status = :status, decided_at = now()
                FROM skills.free_skill f
                WHERE f.id = m.free_skill_id AND f.expert_id = :expertId AND m.free_skill_id = :freeSkillId AND m.concept_uri = :uri
                """).param("status", status.name()).param("expertId", expertId).param("freeSkillId", freeSkillId)
                .param("uri", uri).update() == 1;
    }

    List<ExpertProfile.Window> availability(long id) {
        return jdbc.sql("SELECT from_date, to_date FROM skills.availability WHERE expert_id = :id ORDER BY from_date, to_date")
                .param("id", id)
                .query((rs, n) -> new ExpertProfile.Window(rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class)))
                .list();
    }

    void replaceAvailability(long id, List<ExpertProfile.Window> windows) {
        jdbc.sql("DELETE FROM skills.availability WHERE expert_id = :id").param("id", id).update();
        for (var w : windows) {
            jdbc.sql("INSERT INTO skills.availability (expert_id, from_date, to_date) VALUES (:id, :from, :to)")
                    .param("id", id).param("from", w.from()).param("to", w.to()).update();
        }
    }

    Set<ConsentPurpose> activeConsents(long id) {
        Set<ConsentPurpose> active = EnumSet.noneOf(ConsentPurpose.class);
        jdbc.sql("SELECT purpose FROM skills.consent WHERE expert_id = :id AND withdrawn_at IS NULL").param("id", id)
                .query((rs, n) -> active.add(ConsentPurpose.valueOf(rs.getString("purpose")))).list();
        return active;
    }

    List<Consent> consentHistory(long id) {
        return jdbc.sql("SELECT * FROM skills.consent WHERE expert_id = :id ORDER BY granted_at, id").param("id", id)
                .query((rs, n) -> new Consent(ConsentPurpose.valueOf(rs.getString("purpose")), rs.getString("text_version"),
                        rs.getObject("granted_at", OffsetDateTime.class), rs.getObject("withdrawn_at", OffsetDateTime.class)))
                .list();
    }

    void grant(long id, ConsentPurpose purpose) {
        jdbc.sql("""
                INSERT INTO skills.consent (expert_id, purpose, text_version) VALUES (:id, :purpose, :version)
                ON CONFLICT (expert_id, purpose) WHERE withdrawn_at IS NULL DO NOTHING
                """).param("id", id).param("purpose", purpose.name()).param("version", ConsentPurpose.TEXT_VERSION).update();
    }

    void withdraw(long id, ConsentPurpose purpose) {
        jdbc.sql("UPDATE skills.consent SET withdrawn_at = now() WHERE expert_id = :id AND purpose = :purpose AND withdrawn_at IS NULL")
                .param("id", id).param("purpose", purpose.name()).update();
    }

    List<String> networks(long id) {
        return jdbc.sql("""
                SELECT n.code FROM skills.network_member m JOIN skills.network n ON n.id = m.network_id
                WHERE m.expert_id = :id AND m.left_at IS NULL ORDER BY n.code
                """).param("id", id).query(String.class).list();
    }

    List<Long> allIds() {
        return jdbc.sql("SELECT id FROM skills.expert ORDER BY id").query(Long.class).list();
    }

    /** The matching data of these experts, in one query per table. Experts that no longer exist are absent. */
    List<MatchingProfile> matching(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Long[] array = ids.toArray(Long[]::new);
        Map<Long, List<MatchingProfile.Language>> languages = new HashMap<>();
        jdbc.sql("SELECT expert_id, language, level FROM skills.expert_language WHERE expert_id = ANY(:ids) ORDER BY expert_id, language")
                .param("ids", array)
                .query((rs, n) -> languages.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new MatchingProfile.Language(rs.getString(2), CefrLevel.valueOf(rs.getString(3)))))
                .list();
        Map<Long, List<MatchingProfile.Skill>> skills = new HashMap<>();
        jdbc.sql("""
                SELECT expert_id, concept_uri, level FROM skills.expert_skill WHERE expert_id = ANY(:ids)
                UNION
                SELECT f.expert_id, m.concept_uri, NULL FROM skills.free_skill_mapping m JOIN skills.free_skill f ON f.id = m.free_skill_id
                WHERE f.expert_id = ANY(:ids) AND m.status = 'CONFIRMED'
                ORDER BY 1, 2, 3
                """).param("ids", array)
                .query((rs, n) -> skills.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new MatchingProfile.Skill(rs.getString(2), rs.getString(3) == null ? null : SkillLevel.valueOf(rs.getString(3)))))
                .list();
        Map<Long, List<MatchingProfile.Period>> windows = new HashMap<>();
        jdbc.sql("SELECT expert_id, from_date, to_date FROM skills.availability WHERE expert_id = ANY(:ids) ORDER BY expert_id, from_date")
                .param("ids", array)
                .query((rs, n) -> windows.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new MatchingProfile.Period(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class))))
                .list();
        Map<Long, Set<ConsentPurpose>> consents = new HashMap<>();
        jdbc.sql("SELECT expert_id, purpose FROM skills.consent WHERE expert_id = ANY(:ids) AND withdrawn_at IS NULL")
                .param("ids", array)
                .query((rs, n) -> consents.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(ConsentPurpose.class))
                        .add(ConsentPurpose.valueOf(rs.getString(2))))
                .list();
        return jdbc.sql("""
                SELECT id, country, occupation_uri, years_experience, education_level, sectors, contributions, synthetic
                FROM skills.expert WHERE id = ANY(:ids) ORDER BY id
                """).param("ids", array)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    Set<ConsentPurpose> given = consents.getOrDefault(id, Set.of());
                    String education = rs.getString("education_level");
                    Set<Sector> sectors = EnumSet.noneOf(Sector.class);
                    strings(rs.getArray("sectors")).forEach(s -> sectors.add(Sector.valueOf(s)));
                    Set<ContributionKind> contributions = EnumSet.noneOf(ContributionKind.class);
                    strings(rs.getArray("contributions")).forEach(s -> contributions.add(ContributionKind.valueOf(s)));
                    return new MatchingProfile(id, rs.getString("country"), rs.getString("occupation_uri"),
                            (Integer) rs.getObject("years_experience"), education == null ? null : EducationLevel.valueOf(education),
                            sectors, contributions, languages.getOrDefault(id, List.of()), skills.getOrDefault(id, List.of()),
                            windows.getOrDefault(id, List.of()), given.contains(ConsentPurpose.MATCHING),
                            given.contains(ConsentPurpose.CONTACT), rs.getBoolean("synthetic"));
                })
                .list();
    }

    /** Languages, skills, availability, consents and network memberships of many experts, in batches. */
    void insertDetails(List<Long> ids, List<SyntheticExpert> experts) {
        List<Object[]> languages = new ArrayList<>();
        List<Object[]> skills = new ArrayList<>();
        List<Object[]> windows = new ArrayList<>();
        List<Object[]> consents = new ArrayList<>();
        List<Object[]> networks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            SyntheticExpert e = experts.get(i);
            e.languages().forEach(l -> languages.add(new Object[] {id, l.code(), l.level().name()}));
            e.skills().forEach(s -> skills.add(new Object[] {id, s.uri(), s.level().name()}));
            e.availability().forEach(w -> windows.add(new Object[] {id, w.from(), w.to()}));
            e.consents().forEach(c -> consents.add(new Object[] {id, c.name(), ConsentPurpose.TEXT_VERSION}));
            e.networks().forEach(n -> networks.add(new Object[] {n, id}));
        }
        batch.batchUpdate("INSERT INTO skills.expert_language (expert_id, language, level) VALUES (?, ?, ?)", languages);
        batch.batchUpdate("INSERT INTO skills.expert_skill (expert_id, concept_uri, level) VALUES (?, ?, ?)", skills);
        batch.batchUpdate("INSERT INTO skills.availability (expert_id, from_date, to_date) VALUES (?, ?, ?)", windows);
        batch.batchUpdate("INSERT INTO skills.consent (expert_id, purpose, text_version) VALUES (?, ?, ?)", consents);
        batch.batchUpdate("""
                INSERT INTO skills.network_member (network_id, expert_id)
                SELECT id, ? FROM skills.network WHERE code = ?
                """, networks.stream().map(a -> new Object[] {a[1], a[0]}).toList());
    }

    boolean hasMissionWith(long expertId, long organisationId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM skills.mission WHERE expert_id = :e AND organisation_id = :o)")
                .param("e", expertId).param("o", organisationId).query(Boolean.class).single();
    }

    /** Whether the expert accepted a mission of this organisation: from then on the institution may see their e-mail. */
    boolean acceptedMissionWith(long expertId, long organisationId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM skills.mission WHERE expert_id = :e AND organisation_id = :o
                    AND state IN ('ACCEPTED', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'EVALUATED', 'CLOSED'))
                """).param("e", expertId).param("o", organisationId).query(Boolean.class).single();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM skills.expert").query(Long.class).single();
    }

    long countSynthetic() {
        return jdbc.sql("SELECT count(*) FROM skills.expert WHERE synthetic").query(Long.class).single();
    }

    private static Map<String, Object> params(Row row) {
        Map<String, Object> p = new HashMap<>();
        p.put("userId", row.userId());
        p.put("displayName", row.displayName());
        p.put("country", row.country());
        p.put("city", row.city());
        p.put("nationalities", row.nationalities().toArray(String[]::new));
        p.put("educationLevel", row.educationLevel() == null ? null : row.educationLevel().name());
        p.put("educationField", row.educationField());
        p.put("occupationUri", row.occupationUri());
        p.put("years", row.yearsExperience());
        p.put("sectors", row.sectors().stream().map(Enum::name).toArray(String[]::new));
        p.put("contributions", row.contributions().stream().map(Enum::name).toArray(String[]::new));
        p.put("summary", row.summary());
        p.put("visible", row.visibleFields().stream().map(Enum::name).sorted().toArray(String[]::new));
        p.put("synthetic", row.synthetic());
        return p;
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Stored map(ResultSet rs, int n) throws SQLException {
        long user = rs.getLong("user_id");
        Long userId = rs.wasNull() ? null : user;
        String education = rs.getString("education_level");
        Set<VisibleField> visible = EnumSet.noneOf(VisibleField.class);
        strings(rs.getArray("visible_fields")).forEach(s -> visible.add(VisibleField.valueOf(s)));
        Row row = new Row(userId, rs.getString("display_name"), rs.getString("country"), rs.getString("city"),
                strings(rs.getArray("nationalities")), education == null ? null : EducationLevel.valueOf(education),
                rs.getString("education_field"), rs.getString("occupation_uri"), (Integer) rs.getObject("years_experience"),
                strings(rs.getArray("sectors")).stream().map(Sector::valueOf).toList(),
                strings(rs.getArray("contributions")).stream().map(ContributionKind::valueOf).toList(),
                rs.getString("summary"), visible, rs.getBoolean("synthetic"));
        return new Stored(rs.getLong("id"), row, rs.getInt("version"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
