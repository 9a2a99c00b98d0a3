package org.marsad.initiatives;

import java.util.Locale;
import java.util.Optional;

/** The groups of people an initiative is for (Marsad's codelist; IATI has none). */
public enum TargetGroup {
    UNACCOMPANIED_MINORS,
    CHILDREN,
    YOUTH,
    WOMEN,
    RETURNEES,
    REFUGEES_ASYLUM_SEEKERS,
    VICTIMS_OF_TRAFFICKING,
    STUDENTS,
    RESEARCHERS,
    SKILLED_DIASPORA,
    DIASPORA,
    SEASONAL_WORKERS,
    LABOUR_MIGRANTS,
    POTENTIAL_MIGRANTS,
    REGULARISED_MIGRANTS,
    IRREGULAR_MIGRANTS,
    MIGRANTS_IN_MOROCCO,
    PUBLIC_OFFICIALS,
    CIVIL_SOCIETY,
    GENERAL_PUBLIC;

    public static Optional<TargetGroup> parse(String value) {
        if (value == null || value.isBlank()) {
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
