package org.marsad.observatory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A data request: an SDMX key ({@code all}, or dot-separated positions where an empty position is a wildcard and
 * {@code +} separates alternatives), sources, a period range, a point in time ({@code asOf}: the values as they
 * were then), derived figures, and an optional aggregation (sum over the dimensions not in {@code groupBy}).
 */
public record DataQuery(String key, List<String> sources, String startPeriod, String endPeriod, OffsetDateTime asOf,
        Set<Derivation> derive, String shareBy, List<String> groupBy) {

    public static DataQuery all() {
        return new DataQuery("all", List.of(), null, null, null, Set.of(), null, List.of());
    }

    public static DataQuery key(String key) {
        return new DataQuery(key, List.of(), null, null, null, Set.of(), null, List.of());
    }

    public DataQuery withDerive(Set<Derivation> derivations) {
        return new DataQuery(key, sources, startPeriod, endPeriod, asOf, derivations, shareBy, groupBy);
    }

    public DataQuery withAsOf(OffsetDateTime at) {
        return new DataQuery(key, sources, startPeriod, endPeriod, at, derive, shareBy, groupBy);
    }

    public DataQuery withSources(List<String> codes) {
        return new DataQuery(key, codes, startPeriod, endPeriod, asOf, derive, shareBy, groupBy);
    }

    public DataQuery withPeriods(String start, String end) {
        return new DataQuery(key, sources, start, end, asOf, derive, shareBy, groupBy);
    }

    public DataQuery withGroupBy(List<String> dimensions) {
        return new DataQuery(key, sources, startPeriod, endPeriod, asOf, derive, shareBy, dimensions);
    }
}
