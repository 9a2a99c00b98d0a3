package org.marsad.initiatives.internal;

import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;

/**
 * Which internal initiatives a reader may see: all (COORDINATOR, ADMIN), those of their organisation (any other
 * signed-in member of an organisation), or none (anonymous). Public ones everybody sees.
 */
public record Viewer(boolean all, Long organisationId) {

    public static final Viewer PUBLIC = new Viewer(false, null);
    public static final Viewer EVERYTHING = new Viewer(true, null);

    public static Viewer of(MarsadPrincipal user) {
        if (user == null) {
            return PUBLIC;
        }
        if (user.hasAny(Role.ADMIN, Role.COORDINATOR)) {
            return EVERYTHING;
        }
        return new Viewer(false, user.organisationId());
    }

    public static Viewer current() {
        return of(CurrentUser.get().orElse(null));
    }

    /** A short key for caches: readers with the same key see the same initiatives. */
    public String key() {
        return all ? "all" : organisationId == null ? "public" : "org:" + organisationId;
    }
}
