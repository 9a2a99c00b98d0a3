package org.marsad.platform.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("SELECT * FROM platform.app_user WHERE username = :username")
                .param("username", username.toLowerCase(Locale.ROOT))
                .query(UserRepository::map)
                .optional();
    }

    Optional<UserAccount> findById(long id) {
        return jdbc.sql("SELECT * FROM platform.app_user WHERE id = :id").param("id", id).query(UserRepository::map).optional();
    }

    List<UserAccount> findAll() {
        return jdbc.sql("SELECT * FROM platform.app_user ORDER BY username").query(UserRepository::map).list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM platform.app_user").query(Long.class).single();
    }

    long insert(String username, String displayName, String email, String passwordHash, Set<Role> roles,
            Long organisationId, String language) {
        return jdbc.sql("""
                INSERT INTO platform.app_user (username, display_name, email, password_hash, roles, organisation_id, language)
                VALUES (:username, :displayName, :email, :hash, :roles, :organisationId, :language)
                RETURNING id
                """)
                .param("username", username)
                .param("displayName", displayName)
                .param("email", email)
                .param("hash", passwordHash)
                .param("roles", roleArray(roles))
                .param("organisationId", organisationId)
                .param("language", language)
                .query(Long.class)
                .single();
    }

    void update(long id, String displayName, String email, Set<Role> roles, Long organisationId, boolean enabled) {
        jdbc.sql("""
                UPDATE platform.app_user SET display_name = :displayName, email = :email, roles = :roles,
                       organisation_id = :organisationId, enabled = :enabled, updated_at = now()
                WHERE id = :id
                """)
                .param("id", id)
                .param("displayName", displayName)
                .param("email", email)
                .param("roles", roleArray(roles))
                .param("organisationId", organisationId)
                .param("enabled", enabled)
                .update();
    }

    void updatePassword(long id, String hash) {
        jdbc.sql("UPDATE platform.app_user SET password_hash = :hash, failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = :id")
                .param("id", id).param("hash", hash).update();
    }

    void updateLanguage(long id, String language) {
        jdbc.sql("UPDATE platform.app_user SET language = :language WHERE id = :id").param("id", id).param("language", language).update();
    }

    /** Counts a failure; returns the new count, or 0 when this failure locked the account. */
    int recordFailure(long id, int maxFailures, OffsetDateTime lockUntil) {
        return jdbc.sql("""
                UPDATE platform.app_user
                   SET failed_logins = CASE WHEN failed_logins + 1 >= :max THEN 0 ELSE failed_logins + 1 END,
                       locked_until  = CASE WHEN failed_logins + 1 >= :max THEN :lockUntil ELSE locked_until END
                 WHERE id = :id
                RETURNING failed_logins
                """)
                .param("id", id).param("max", maxFailures).param("lockUntil", lockUntil)
                .query(Integer.class).single();
    }

    void resetFailures(long id) {
        jdbc.sql("UPDATE platform.app_user SET failed_logins = 0 WHERE id = :id AND failed_logins <> 0").param("id", id).update();
    }

    /** Removes what identifies the person and disables the account; ends its sessions and tokens. */
    void erase(long id, String pseudonym, String unusableHash) {
        String username = jdbc.sql("SELECT username FROM platform.app_user WHERE id = :id").param("id", id)
                .query(String.class).single();
        jdbc.sql("DELETE FROM platform.spring_session WHERE principal_name = :username").param("username", username).update();
        jdbc.sql("UPDATE platform.api_token SET revoked_at = coalesce(revoked_at, now()), name = 'erased' WHERE user_id = :id")
                .param("id", id).update();
        jdbc.sql("""
                UPDATE platform.app_user SET username = :pseudonym, display_name = :pseudonym, email = NULL,
                       password_hash = :hash, enabled = false, updated_at = now()
                WHERE id = :id
                """).param("id", id).param("pseudonym", pseudonym).param("hash", unusableHash).update();
    }

    private static String[] roleArray(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : (String[]) array.getArray()) {
            roles.add(Role.valueOf(r));
        }
        long org = rs.getLong("organisation_id");
        // wasNull() speaks of the last column read: ask it now, not after reading the other columns.
        Long organisationId = rs.wasNull() ? null : org;
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("email"),
                rs.getString("password_hash"),
                roles,
                organisationId,
                rs.getString("language"),
                rs.getBoolean("enabled"),
                rs.getInt("failed_logins"),
                rs.getObject("locked_until", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
