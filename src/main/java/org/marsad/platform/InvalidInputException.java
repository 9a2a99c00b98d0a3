package org.marsad.platform;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input that a client can fix: answered with 400 and one entry per offending field. Services throw it, so
 * the same check protects the pages and the API. Each error is a message key (resolved in the reader's
 * language) with its arguments.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(String field, String messageKey, Object... args) {
        this(List.of(new FieldError(field, messageKey, args)));
    }

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String messageKey, Object[] args) {

        @Override
        public String toString() {
            return field + ": " + messageKey + (args.length == 0 ? "" : " " + Arrays.toString(args));
        }
    }
}
