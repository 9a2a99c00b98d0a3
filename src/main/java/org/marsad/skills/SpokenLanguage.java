package org.marsad.skills;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Languages an expert may declare and a demand may require: ISO 639 codes. Moroccan Arabic (ary) and Standard
 * Moroccan Tamazight (zgh) have no name in the JDK's locale data: their names are message keys.
 */
public final class SpokenLanguage {

    public static final List<String> CODES = List.of("ar", "ary", "zgh", "fr", "en", "es", "de", "it", "nl", "pt", "ru",
            "zh", "ja", "tr", "sv");
    static final Set<String> OWN_NAMES = Set.of("ary", "zgh");

    private SpokenLanguage() {
    }

    public static boolean isValid(String code) {
        return code != null && CODES.contains(code);
    }

    /** The language's name in the reader's language, or null when it is a message key ({@code skills.language.<code>}). */
    public static String jdkName(String code, Locale locale) {
        return OWN_NAMES.contains(code) ? null : Locale.of(code).getDisplayLanguage(locale);
    }
}
