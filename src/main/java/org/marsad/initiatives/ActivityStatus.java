package org.marsad.initiatives;

import java.util.Locale;
import java.util.Optional;

/** IATI ActivityStatus codelist (1–6). */
public enum ActivityStatus {
    PIPELINE(1),
    IMPLEMENTATION(2),
    FINALISATION(3),
    CLOSED(4),
    CANCELLED(5),
    SUSPENDED(6);

    private final int code;

    ActivityStatus(int code) {
        this.code = code;
    }

    /** The IATI code. */
    public int code() {
        return code;
    }

    public static ActivityStatus ofCode(int code) {
        for (ActivityStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("not an IATI activity status: " + code);
    }

    /** Accepts the IATI code ("2") or the name ("IMPLEMENTATION", any case). */
    public static Optional<ActivityStatus> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        for (ActivityStatus status : values()) {
            if (v.equals(String.valueOf(status.code)) || v.toUpperCase(Locale.ROOT).equals(status.name())) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
