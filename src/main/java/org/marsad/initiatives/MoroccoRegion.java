package org.marsad.initiatives;

import java.util.Locale;
import java.util.Optional;

/** The 12 regions of Morocco (since 2015), by ISO 3166-2 code. Names are in the message bundles. */
public enum MoroccoRegion {
    MA_01, MA_02, MA_03, MA_04, MA_05, MA_06, MA_07, MA_08, MA_09, MA_10, MA_11, MA_12;

    /** "MA-01". */
    public String code() {
        return name().replace('_', '-');
    }

    public static Optional<MoroccoRegion> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip().toUpperCase(Locale.ROOT).replace('_', '-');
        for (MoroccoRegion region : values()) {
            if (region.code().equals(v)) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }
}
