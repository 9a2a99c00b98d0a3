package org.marsad.platform;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A date known to the day, the month or only the year ({@code 2013-06-07}, {@code 2014-12}, {@code 1963}), as
 * the documents give it. Marsad never turns "1963" into "1963-01-01": that would be a fact nobody stated.
 */
public record PartialDate(String value) implements Comparable<PartialDate> {

    private static final Pattern FORM = Pattern.compile("^\\d{4}(-\\d{2}(-\\d{2})?)?$");

    public PartialDate {
        if (value == null || !FORM.matcher(value.strip()).matches()) {
            throw new IllegalArgumentException("not a date (YYYY, YYYY-MM or YYYY-MM-DD): " + value);
        }
        value = value.strip();
        try {
            earliest(value);
        }
        catch (DateTimeException e) {
            throw new IllegalArgumentException("not a date: " + value, e);
        }
    }

    @JsonCreator
    public static PartialDate parse(String value) {
        return value == null || value.isBlank() ? null : new PartialDate(value);
    }

    /** Like {@link #parse} but reports a bad value as a field error. */
    public static PartialDate parse(String field, String value) {
        try {
            return parse(value);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "validation.partialDate");
        }
    }

    public static PartialDate of(LocalDate date) {
        return date == null ? null : new PartialDate(date.toString());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    public int year() {
        return Integer.parseInt(value.substring(0, 4));
    }

    /** The first day the date can mean. */
    public LocalDate earliest() {
        return earliest(value);
    }

    /** The last day the date can mean: "2014" ends on 2014-12-31, "2014-02" on 2014-02-28. */
    public LocalDate latest() {
        return switch (value.length()) {
            case 4 -> LocalDate.of(year(), 12, 31);
            case 7 -> YearMonth.parse(value).atEndOfMonth();
            default -> LocalDate.parse(value);
        };
    }

    private static LocalDate earliest(String value) {
        return switch (value.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(value), 1, 1);
            case 7 -> YearMonth.parse(value).atDay(1);
            default -> LocalDate.parse(value);
        };
    }

    @Override
    public int compareTo(PartialDate other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
