package org.marsad.initiatives;

/**
 * Filters of the initiative list, as clients send them (strings, so that a bad value is a field error):
 * {@code framework} and {@code node} (a node includes its descendants), {@code partner} (code, alias or id) with
 * an optional {@code role}, {@code status} (code or name), {@code region} (MA-01…), {@code targetGroup},
 * {@code q} (full text) and {@code asOf} (a date: the state and links valid that day).
 */
public record InitiativeFilter(String framework, String node, String partner, String role, String status,
        String region, String targetGroup, String q, String asOf) {

    public static InitiativeFilter none() {
        return new InitiativeFilter(null, null, null, null, null, null, null, null, null);
    }
}
