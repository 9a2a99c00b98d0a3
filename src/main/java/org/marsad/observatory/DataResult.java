package org.marsad.observatory;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The answer to a data request: the series (one per key and source) in key order, the periods they cover, and the
 * sources with their definitions. {@code aggregated}: the series are sums over the dimensions not grouped by.
 */
public record DataResult(String dataset, String key, OffsetDateTime asOf, List<String> periods, List<SeriesData> series,
        List<Source> sources, boolean aggregated) {
}
