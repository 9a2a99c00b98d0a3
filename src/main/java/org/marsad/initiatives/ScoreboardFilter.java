package org.marsad.initiatives;

/**
 * Filters of a scoreboard, as clients send them: {@code partner} (code, alias or id), {@code status},
 * {@code section} and {@code node} (node codes of the framework), {@code targetGroup}, {@code region},
 * {@code q} (full text) and {@code asOf} (YYYY-MM-DD: the scoreboard as it stood that day).
 */
public record ScoreboardFilter(String partner, String status, String section, String node, String targetGroup,
        String region, String q, String asOf) {

    public static ScoreboardFilter none() {
        return new ScoreboardFilter(null, null, null, null, null, null, null, null);
    }

    public static ScoreboardFilter asOf(String date) {
        return new ScoreboardFilter(null, null, null, null, null, null, null, date);
    }
}
