package org.marsad.observatory.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SDMX time periods: a year ({@code 2007}), a half-year ({@code 2007-S1}), a quarter ({@code 2007-Q3}), a month
 * ({@code 2007-03}) or a day ({@code 2007-03-31}), each with the first and last day it covers.
 */
public final class Periods {

    static final int MIN_YEAR = 1800;
    static final int MAX_YEAR = 2100;
    private static final Pattern FORM = Pattern.compile("^(\\d{4})(?:-(S[12]|Q[1-4]|\\d{2})(?:-(\\d{2}))?)?$");

    private Periods() {
    }

    public record Period(String value, LocalDate start, LocalDate end) implements Comparable<Period> {

        @Override
        public int compareTo(Period other) {
            int c = start.compareTo(other.start);
            return c != 0 ? c : end.compareTo(other.end);
        }
    }

    public static Optional<Period> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(raw.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return Optional.empty();
        }
        String sub = m.group(2);
        String day = m.group(3);
        try {
            if (sub == null) {
                return Optional.of(new Period(m.group(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
            }
            if (sub.startsWith("S") || sub.startsWith("Q")) {
                if (day != null) {
                    return Optional.empty();
                }
                int n = sub.charAt(1) - '0';
                int months = sub.startsWith("S") ? 6 : 3;
                YearMonth first = YearMonth.of(year, (n - 1) * months + 1);
                return Optional.of(new Period(m.group(), first.atDay(1), first.plusMonths(months - 1).atEndOfMonth()));
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(sub));
            if (day == null) {
                return Optional.of(new Period(m.group(), month.atDay(1), month.atEndOfMonth()));
            }
            LocalDate date = month.atDay(Integer.parseInt(day));
            return Optional.of(new Period(m.group(), date, date));
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Years from the start of {@code from} to the start of {@code to}, counted in months: 1993 → 2007 is 14. */
    public static BigDecimal yearsBetween(Period from, Period to) {
        long days = ChronoUnit.DAYS.between(from.start(), to.start());
        long months = ChronoUnit.MONTHS.between(from.start(), to.start());
        if (from.start().plusMonths(months).equals(to.start())) {
            return BigDecimal.valueOf(months).divide(BigDecimal.valueOf(12), 10, RoundingMode.HALF_UP).stripTrailingZeros();
        }
        return BigDecimal.valueOf(days).divide(BigDecimal.valueOf(365.25), 10, RoundingMode.HALF_UP);
    }

    /** A query bound: the start of {@code startPeriod}, or the end of {@code endPeriod}. */
    public static Optional<LocalDate> bound(String raw, boolean start) {
        return parse(raw).map(p -> start ? p.start() : p.end());
    }
}
