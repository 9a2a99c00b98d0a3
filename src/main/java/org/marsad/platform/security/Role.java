package org.marsad.platform.security;

/** The roles of DESIGN.md. A user may hold several; FOCAL_POINT rights are scoped to the user's organisation. */
public enum Role {
    ADMIN,
    COORDINATOR,
    FOCAL_POINT,
    DATA_STEWARD,
    EXPERT,
    INSTITUTION,
    PLACEMENT_OFFICER;

    public String authority() {
        return "ROLE_" + name();
    }
}
