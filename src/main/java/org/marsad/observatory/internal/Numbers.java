package org.marsad.observatory.internal;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads numbers as people write them in data files: {@code 1234.5}, {@code 1 234,5} in semicolon files, thousands
 * separated by spaces (normal, non-breaking or narrow). A comma is a decimal mark only where the field separator is
 * not a comma; a value with both a point and a comma is refused as ambiguous.
 */
public final class Numbers {

    static final int MAX_INTEGER_DIGITS = 24;
    static final int MAX_DECIMALS = 12;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private Numbers() {
    }

    /** A parsed value, or the message key of the reason it is not a number. */
    public record Parsed(BigDecimal value, String reason) {

        static Parsed ok(BigDecimal value) {
            return new Parsed(value, null);
        }

        static Parsed bad(String reason) {
            return new Parsed(null, reason);
        }
    }

    public static Parsed parse(String raw, boolean commaIsDecimal) {
        if (raw == null || raw.isBlank()) {
            return Parsed.bad("observatory.import.reason.valueMissing");
        }
        if (plain(raw)) {
            // The common case of machine-written files (digits, a sign, a point): no copy, no pattern.
            BigDecimal value = new BigDecimal(raw);
            if (value.scale() <= MAX_DECIMALS && value.precision() - value.scale() <= MAX_INTEGER_DIGITS) {
                return Parsed.ok(value);
            }
        }
        StringBuilder s = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != ' ' && c != '\u00A0' && c != '\u202F' && c != '\u2009') {
                s.append(c);
            }
        }
        String v = s.toString();
        boolean comma = v.indexOf(',') >= 0;
        boolean point = v.indexOf('.') >= 0;
        if (comma && point) {
            return Parsed.bad("observatory.import.reason.ambiguousNumber");
        }
        if (comma) {
            if (!commaIsDecimal) {
                return Parsed.bad("observatory.import.reason.commaInNumber");
            }
            v = v.replace(',', '.');
        }
        if (!NUMBER.matcher(v).matches()) {
            return Parsed.bad("observatory.import.reason.notANumber");
        }
        BigDecimal value = new BigDecimal(v);
        if (value.scale() > MAX_DECIMALS || value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            return Parsed.bad("observatory.import.reason.numberOutOfRange");
        }
        return Parsed.ok(value);
    }

    /** Digits with at most a leading sign and one inner point, short enough for any numeric. */
    private static boolean plain(String s) {
        int n = s.length();
        if (n > 30) {
            return false;
        }
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        boolean digits = false;
        boolean point = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            }
            else if (c == '.' && !point && digits && i < n - 1) {
                point = true;
            }
            else {
                return false;
            }
        }
        return digits;
    }
}
