package org.marsad.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects field errors for one input and throws them together, so a form shows every problem at once.
 */
public final class Validation {

    private final List<InvalidInputException.FieldError> errors = new ArrayList<>();

    public static Validation start() {
        return new Validation();
    }

    public Validation reject(String field, String messageKey, Object... args) {
        errors.add(new InvalidInputException.FieldError(field, messageKey, args));
        return this;
    }

    public Validation required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())
                || (value instanceof LocalizedText t && t.isEmpty())) {
            reject(field, "validation.required");
        }
        return this;
    }

    public Validation maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            reject(field, "validation.maxLength", max);
        }
        return this;
    }

    public Validation maxLength(String field, LocalizedText value, int max) {
        if (value != null) {
            maxLength(field + ".fr", value.fr(), max);
            maxLength(field + ".ar", value.ar(), max);
            maxLength(field + ".en", value.en(), max);
        }
        return this;
    }

    public Validation matches(String field, String value, Pattern pattern, String messageKey) {
        if (value != null && !value.isBlank() && !pattern.matcher(value).matches()) {
            reject(field, messageKey);
        }
        return this;
    }

    /** At most {@code max} items in a list. */
    public Validation atMost(String field, int size, int max) {
        if (size > max) {
            reject(field, "validation.tooMany", max);
        }
        return this;
    }

    /** The partial date written (YYYY, YYYY-MM or YYYY-MM-DD), or null, with an error when it is not one. */
    public PartialDate partialDate(String field, String value) {
        try {
            return PartialDate.parse(field, value);
        }
        catch (InvalidInputException e) {
            reject(field, "validation.partialDate");
            return null;
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
