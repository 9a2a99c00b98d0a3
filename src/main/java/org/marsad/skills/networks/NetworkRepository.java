package org.marsad.skills.networks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.marsad.platform.Json;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NetworkRepository {

    private static final String SELECT = """
            SELECT n.*, (SELECT count(*) FROM skills.network_member m WHERE m.network_id = n.id AND m.left_at IS NULL) AS members,
                   EXISTS (SELECT 1 FROM skills.network_member m WHERE m.network_id = n.id AND m.left_at IS NULL
                           AND m.expert_id = :expert) AS member
            FROM skills.network n
            """;

    private final JdbcClient jdbc;
    private final Json json;

    NetworkRepository(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Network> all(long expertId) {
        return jdbc.sql(SELECT + " ORDER BY n.kind, n.code").param("expert", expertId).query(this::map).list();
    }

    Optional<Network> find(String code, long expertId) {
        return jdbc.sql(SELECT + " WHERE n.code = :code").param("code", code).param("expert", expertId).query(this::map).optional();
    }

    void upsert(String code, Network.Kind kind, String country, LocalizedText name, LocalizedText description,
            List<SourceCitation> sources) {
        jdbc.sql("""
                INSERT INTO skills.network (code, kind, country, name, description, sources)
                VALUES (:code, :kind, :country, :name, :description, :sources)
                ON CONFLICT (code) DO UPDATE SET kind = EXCLUDED.kind, country = EXCLUDED.country, name = EXCLUDED.name,
                    description = EXCLUDED.description, sources = EXCLUDED.sources
                """).param("code", code).param("kind", kind.name()).param("country", country).param("name", json.jsonb(name))
                .param("description", json.jsonb(description)).param("sources", json.jsonb(sources)).update();
    }

    /** Joins, or joins again after leaving; returns whether anything changed. */
    boolean join(long networkId, long expertId) {
        return jdbc.sql("""
                INSERT INTO skills.network_member (network_id, expert_id) VALUES (:n, :e)
                ON CONFLICT (network_id, expert_id) DO UPDATE SET joined_at = now(), left_at = NULL
                WHERE skills.network_member.left_at IS NOT NULL
                """).param("n", networkId).param("e", expertId).update() == 1;
    }

    boolean leave(long networkId, long expertId) {
        return jdbc.sql("UPDATE skills.network_member SET left_at = now() WHERE network_id = :n AND expert_id = :e AND left_at IS NULL")
                .param("n", networkId).param("e", expertId).update() == 1;
    }

    List<Long> activeMembers(long networkId) {
        return jdbc.sql("SELECT expert_id FROM skills.network_member WHERE network_id = :n AND left_at IS NULL ORDER BY expert_id")
                .param("n", networkId).query(Long.class).list();
    }

    long insertAnnouncement(long networkId, Long authorId, String language, String title, String body, int recipients) {
        return jdbc.sql("""
                INSERT INTO skills.announcement (network_id, author_id, language, title, body, recipients)
                VALUES (:n, :author, :language, :title, :body, :recipients) RETURNING id
                """).param("n", networkId).param("author", authorId).param("language", language).param("title", title)
                .param("body", body).param("recipients", recipients).query(Long.class).single();
    }

    void setRecipients(long announcementId, int recipients) {
        jdbc.sql("UPDATE skills.announcement SET recipients = :r WHERE id = :id").param("id", announcementId)
                .param("r", recipients).update();
    }

    List<Announcement> announcements(long networkId, int limit) {
        return jdbc.sql("""
                SELECT a.*, n.code FROM skills.announcement a JOIN skills.network n ON n.id = a.network_id
                WHERE a.network_id = :n ORDER BY a.id DESC LIMIT :limit
                """).param("n", networkId).param("limit", limit)
                .query((rs, i) -> new Announcement(rs.getLong("id"), rs.getString("code"), rs.getString("language"),
                        rs.getString("title"), rs.getString("body"), rs.getInt("recipients"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    private Network map(ResultSet rs, int n) throws SQLException {
        return new Network(rs.getLong("id"), rs.getString("code"), Network.Kind.valueOf(rs.getString("kind")),
                rs.getString("country"), json.text(rs.getString("name")), json.text(rs.getString("description")),
                Arrays.asList(json.read(rs.getString("sources"), SourceCitation[].class)), rs.getLong("members"),
                rs.getBoolean("member"));
    }
}
