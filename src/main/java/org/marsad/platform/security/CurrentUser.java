package org.marsad.platform.security;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting in this request. Services call {@link #require} before every write: the check lives on the
 * server, next to the data, whatever the page or client did.
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<MarsadPrincipal> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof MarsadPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /** The user, or 401 when nobody is signed in. */
    public static MarsadPrincipal required() {
        return get().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("sign in required"));
    }

    /** The user if they hold one of the roles; 401 if anonymous, 403 otherwise. */
    public static MarsadPrincipal require(Role... roles) {
        MarsadPrincipal user = required();
        if (!user.hasAny(roles)) {
            throw new AccessDeniedException("role required: " + Arrays.toString(roles));
        }
        return user;
    }

    public static boolean has(Role... roles) {
        return get().map(u -> u.hasAny(roles)).orElse(false);
    }

    public static String actorName() {
        return get().map(MarsadPrincipal::username).orElse("system");
    }
}
