package org.marsad.platform;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A text in up to three languages, stored as one {@code jsonb} value {@code {"fr": …, "ar": …, "en": …}}.
 * Reading falls back from the requested language to French, then English, then Arabic, and says which
 * language it actually returned, so that pages can mark untranslated text.
 */
public record LocalizedText(String fr, String ar, String en) {

    public LocalizedText {
        fr = blankToNull(fr);
        ar = blankToNull(ar);
        en = blankToNull(en);
    }

    public static LocalizedText of(String fr, String ar, String en) {
        return new LocalizedText(fr, ar, en);
    }

    public static LocalizedText french(String fr) {
        return new LocalizedText(fr, null, null);
    }

    public String in(Language language) {
        return switch (language) {
            case FR -> fr;
            case AR -> ar;
            case EN -> en;
        };
    }

    /** The text for the locale, or the best fallback; {@code ""} when the value is empty. */
    public String get(Locale locale) {
        return resolve(Language.of(locale)).text();
    }

    public Resolved resolve(Language wanted) {
        if (in(wanted) != null) {
            return new Resolved(in(wanted), wanted, false);
        }
        for (Language fallback : new Language[] {Language.FR, Language.EN, Language.AR}) {
            if (in(fallback) != null) {
                return new Resolved(in(fallback), fallback, true);
            }
        }
        return new Resolved("", wanted, false);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return fr == null && ar == null && en == null;
    }

    public boolean contains(String needle) {
        String n = needle.toLowerCase(Locale.ROOT);
        return (fr != null && fr.toLowerCase(Locale.ROOT).contains(n))
                || (ar != null && ar.toLowerCase(Locale.ROOT).contains(n))
                || (en != null && en.toLowerCase(Locale.ROOT).contains(n));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A text as shown: its words, its language, and whether it is a fallback from another language. */
    public record Resolved(String text, Language language, boolean fallback) {
    }
}
