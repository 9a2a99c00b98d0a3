package org.marsad.platform.security;

import java.time.OffsetDateTime;
import java.util.Set;

/** A user as stored. The password hash never leaves the platform module's services. */
public record UserAccount(
        long id,
        String username,
        String displayName,
        String email,
        String passwordHash,
        Set<Role> roles,
        Long organisationId,
        String language,
        boolean enabled,
        int failedLogins,
        OffsetDateTime lockedUntil,
        OffsetDateTime createdAt) {

    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    MarsadPrincipal toPrincipal(OffsetDateTime now) {
        return new MarsadPrincipal(id, username, displayName, roles, organisationId, language, passwordHash, enabled,
                lockedAt(now));
    }

    /** What pages, the API and the audit log may show. */
    public UserView view() {
        return new UserView(id, username, displayName, email, roles, organisationId, language, enabled, lockedUntil, createdAt);
    }

    public record UserView(long id, String username, String displayName, String email, Set<Role> roles,
            Long organisationId, String language, boolean enabled, OffsetDateTime lockedUntil, OffsetDateTime createdAt) {
    }
}
