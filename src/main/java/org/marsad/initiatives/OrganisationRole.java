package org.marsad.initiatives;

import java.util.Locale;
import java.util.Optional;

/** IATI OrganisationRole codelist: what an organisation does in an initiative. */
public enum OrganisationRole {
    FUNDING(1),
    ACCOUNTABLE(2),
    EXTENDING(3),
    IMPLEMENTING(4);

    private final int code;

    OrganisationRole(int code) {
        this.code = code;
    }

    /** The IATI code. */
    public int code() {
        return code;
    }

    /** Funding, accountable and extending organisations are the "partners" of a scoreboard; implementers are not. */
    public boolean partner() {
        return this != IMPLEMENTING;
    }

    public static OrganisationRole ofCode(int code) {
        for (OrganisationRole role : values()) {
            if (role.code == code) {
                return role;
            }
        }
        throw new IllegalArgumentException("not an IATI organisation role: " + code);
    }

    /** Accepts the IATI code ("4") or the name ("IMPLEMENTING", any case). */
    public static Optional<OrganisationRole> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        for (OrganisationRole role : values()) {
            if (v.equals(String.valueOf(role.code)) || v.toUpperCase(Locale.ROOT).equals(role.name())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
