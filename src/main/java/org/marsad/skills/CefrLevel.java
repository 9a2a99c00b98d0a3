package org.marsad.skills;

import java.util.Locale;
import java.util.Optional;

/** Language levels of the Common European Framework of Reference, and "native". */
public enum CefrLevel {
    A1, A2, B1, B2, C1, C2, NATIVE;

    public boolean atLeast(CefrLevel minimum) {
        return ordinal() >= minimum.ordinal();
    }

    public static Optional<CefrLevel> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
