package org.marsad.skills;

import java.util.List;
import java.util.stream.IntStream;

/** The twelve regions of Morocco (ISO 3166-2:MA codes MA-01 to MA-12, division of 2015). */
public final class Region {

    public static final List<String> CODES = IntStream.rangeClosed(1, 12).mapToObj(i -> String.format("MA-%02d", i)).toList();

    private Region() {
    }

    public static boolean isValid(String code) {
        return code != null && CODES.contains(code);
    }
}
