package org.marsad.platform;

import java.util.Locale;
import java.util.Optional;

/** The three languages of Marsad. French is the reference language: the documents are in French. */
public enum Language {

    FR("fr", "Français", false),
    AR("ar", "العربية", true),
    EN("en", "English", false);

    private final String code;
    private final String nativeName;
    private final boolean rightToLeft;

    Language(String code, String nativeName, boolean rightToLeft) {
        this.code = code;
        this.nativeName = nativeName;
        this.rightToLeft = rightToLeft;
    }

    public String code() {
        return code;
    }

    public String nativeName() {
        return nativeName;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(code.trim())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    public static Language of(Locale locale) {
        return locale == null ? FR : fromCode(locale.getLanguage()).orElse(FR);
    }
}
