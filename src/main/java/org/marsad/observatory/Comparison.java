package org.marsad.observatory;

import java.util.List;
import java.util.Map;

/**
 * The same indicator and place from several sources, period by period: one row per series key and source, with
 * each source's definition, so that a reader sees both the disagreement and why.
 */
public record Comparison(Dataset dataset, List<String> keys, List<String> periods, List<Row> rows, List<Source> sources) {

    public record Row(String key, List<SeriesData.DimensionValue> dimensions, String source, String unit,
            Map<String, Observation> values) {
    }
}
