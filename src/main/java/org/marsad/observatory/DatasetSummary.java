package org.marsad.observatory;

import java.util.List;

import org.marsad.platform.LocalizedText;

/** A dataset in the catalogue: what it is and how much it holds. */
public record DatasetSummary(String code, LocalizedText name, LocalizedText description, List<String> themes,
        boolean published, List<String> sources, String firstPeriod, String lastPeriod, long series, long observations,
        long publishedFigures) {
}
