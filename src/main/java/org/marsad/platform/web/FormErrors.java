package org.marsad.platform.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.marsad.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/** Field errors of a service, as a map field → message in the reader's language, for forms to show. */
@Component
public class FormErrors {

    private final Problems problems;

    FormErrors(Problems problems) {
        this.problems = problems;
    }

    public Map<String, String> of(InvalidInputException e, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach(error -> errors.merge(error.field(), problems.message(error, locale), (a, b) -> a + " " + b));
        return errors;
    }

    public Map<String, String> of(String field, String messageKey, Locale locale) {
        return of(new InvalidInputException(field, messageKey), locale);
    }
}
