package org.marsad.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.marsad.platform.NotFoundException;
import org.marsad.platform.Validation;
import org.marsad.platform.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for API clients. A token is shown once at creation; only its SHA-256 hash is stored,
 * so a leaked database does not leak working tokens.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "mrs_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final AuditLog audit;

    ApiTokens(JdbcClient jdbc, UserRepository users, AuditLog audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
    }

    @Transactional
    public CreatedToken create(String name, Integer validDays) {
        MarsadPrincipal me = CurrentUser.required();
        String trimmed = name == null ? "" : name.trim();
        Validation v = Validation.start().required("name", trimmed).maxLength("name", trimmed, 100);
        if (validDays != null && (validDays < 1 || validDays > 366)) {
            v.reject("validDays", "validation.between", 1, 366);
        }
        v.throwIfInvalid();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime expires = validDays == null ? null : OffsetDateTime.now(ZoneOffset.UTC).plusDays(validDays);
        long id = jdbc.sql("""
                INSERT INTO platform.api_token (user_id, name, token_hash, prefix, expires_at)
                VALUES (:userId, :name, :hash, :prefix, :expires) RETURNING id
                """)
                .param("userId", me.id())
                .param("name", trimmed)
                .param("hash", hash(token))
                .param("prefix", token.substring(0, PREFIX.length() + 6))
                .param("expires", expires)
                .query(Long.class).single();
        TokenView view = find(id, me.id()).orElseThrow();
        audit.record("CREATE", "api_token", Long.toString(id), "token '" + trimmed + "' created", null, view, false);
        return new CreatedToken(view, token);
    }

    @Transactional(readOnly = true)
    public List<TokenView> mine() {
        MarsadPrincipal me = CurrentUser.required();
        return jdbc.sql("SELECT * FROM platform.api_token WHERE user_id = :userId ORDER BY created_at DESC, id DESC")
                .param("userId", me.id())
                .query(TokenView.class)
                .list();
    }

    @Transactional
    public TokenView revoke(long id) {
        MarsadPrincipal me = CurrentUser.required();
        TokenView before = find(id, me.id()).orElseThrow(() -> new NotFoundException("token", id));
        jdbc.sql("UPDATE platform.api_token SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL").param("id", id).update();
        TokenView after = find(id, me.id()).orElseThrow();
        audit.record("REVOKE", "api_token", Long.toString(id), "token '" + before.name() + "' revoked", before, after, false);
        return after;
    }

    /** The principal a presented token stands for, if the token is known, live and its user enabled. */
    @Transactional
    Optional<MarsadPrincipal> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        var row = jdbc.sql("""
                SELECT id, user_id, (last_used_at IS NULL OR last_used_at < now() - interval '1 minute') AS stale
                FROM platform.api_token
                WHERE token_hash = :hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
                """)
                .param("hash", hash(token))
                .query((rs, n) -> new Presented(rs.getLong("id"), rs.getLong("user_id"), rs.getBoolean("stale")))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        // Touch at most once a minute, so that API traffic does not turn into a write per request.
        if (row.get().stale()) {
            jdbc.sql("UPDATE platform.api_token SET last_used_at = now() WHERE id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')")
                    .param("id", row.get().id()).update();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return users.findById(row.get().userId())
                .map(u -> u.toPrincipal(now))
                .filter(p -> p.isEnabled() && p.isAccountNonLocked())
                .map(MarsadPrincipal::withoutPassword);
    }

    /** A live token as presented: its id, its user, and whether its last use is over a minute old. */
    private record Presented(long id, long userId, boolean stale) {
    }

    private Optional<TokenView> find(long id, long userId) {
        return jdbc.sql("SELECT * FROM platform.api_token WHERE id = :id AND user_id = :userId")
                .param("id", id).param("userId", userId).query(TokenView.class).optional();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record TokenView(long id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime expiresAt,
            OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

        public boolean active() {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(OffsetDateTime.now()));
        }
    }

    public record CreatedToken(TokenView token, String secret) {
    }
}
