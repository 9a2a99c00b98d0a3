package org.marsad.indicators;

import java.util.List;

import org.marsad.platform.InitiativeDirectory;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;

/**
 * Who may enter the values of an indicator, and who may define one. COORDINATOR and ADMIN: every indicator.
 * DATA_STEWARD: values of indicators attached to at least one framework node. FOCAL_POINT: values and definitions
 * of indicators attached to initiatives in which the user's organisation has a role (checked through the
 * {@link InitiativeDirectory}; without it, focal points are refused).
 */
final class ValueEntryPolicy {

    private final InitiativeDirectory directory;

    /** @param directory the initiatives directory, or null when no module provides one */
    ValueEntryPolicy(InitiativeDirectory directory) {
        this.directory = directory;
    }

    Decision mayEnterValues(MarsadPrincipal user, String organisationCode, List<String> nodes, List<String> initiatives) {
        if (user == null) {
            return Decision.refused("indicators.refused.signIn");
        }
        if (user.hasAny(Role.COORDINATOR, Role.ADMIN)) {
            return Decision.ALLOWED;
        }
        if (user.has(Role.DATA_STEWARD) && !nodes.isEmpty()) {
            return Decision.ALLOWED;
        }
        if (user.has(Role.FOCAL_POINT) && !initiatives.isEmpty()) {
            if (directory == null) {
                return Decision.refused("indicators.refused.initiativesUnavailable");
            }
            if (organisationCode != null && initiatives.stream()
                    .anyMatch(id -> directory.organisationCodes(id).contains(organisationCode))) {
                return Decision.ALLOWED;
            }
            return Decision.refused("indicators.refused.notYourInitiative");
        }
        if (user.has(Role.DATA_STEWARD) || user.has(Role.FOCAL_POINT)) {
            return Decision.refused(user.has(Role.FOCAL_POINT) ? "indicators.refused.notYourInitiative"
                    : "indicators.refused.nodesOnly");
        }
        return Decision.refused("indicators.refused.role");
    }

    /** Whether the user may create or change an indicator with these attachments. */
    Decision mayDefine(MarsadPrincipal user, String organisationCode, List<String> initiatives) {
        if (user == null) {
            return Decision.refused("indicators.refused.signIn");
        }
        if (user.hasAny(Role.COORDINATOR, Role.ADMIN)) {
            return Decision.ALLOWED;
        }
        if (user.has(Role.FOCAL_POINT) && !initiatives.isEmpty()) {
            if (directory == null) {
                return Decision.refused("indicators.refused.initiativesUnavailable");
            }
            boolean allTheirs = organisationCode != null && initiatives.stream()
                    .allMatch(id -> directory.organisationCodes(id).contains(organisationCode));
            return allTheirs ? Decision.ALLOWED : Decision.refused("indicators.refused.notYourInitiative");
        }
        return Decision.refused("indicators.refused.role");
    }

    record Decision(boolean allowed, String reasonKey) {

        static final Decision ALLOWED = new Decision(true, null);

        static Decision refused(String reasonKey) {
            return new Decision(false, reasonKey);
        }
    }
}
