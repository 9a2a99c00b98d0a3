package org.marsad.skills;

import java.util.regex.Pattern;

import org.marsad.platform.Validation;

/**
 * Checks on text people write in their own words: a maximum length, and no markup. Pages escape every text anyway;
 * refusing markup tells the writer clearly that it will not be interpreted, and keeps it out of e-mails.
 */
public final class FreeText {

    static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!?]|javascript\\s*:", Pattern.CASE_INSENSITIVE);

    private FreeText() {
    }

    public static Validation check(Validation v, String field, String value, int max) {
        if (value == null) {
            return v;
        }
        if (value.length() > max) {
            v.reject(field, "validation.maxLength", max);
        }
        else if (MARKUP.matcher(value).find()) {
            v.reject(field, "skills.validation.markup");
        }
        return v;
    }

    public static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
