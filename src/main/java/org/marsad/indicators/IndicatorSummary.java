package org.marsad.indicators;

import java.util.List;

import org.marsad.platform.LocalizedText;

/** An indicator in a list: what it measures, where it is attached, its latest period and that period's status. */
public record IndicatorSummary(String code, LocalizedText title, MeasureKind measure, LocalizedText unit, boolean ascending,
        List<String> nodes, List<String> initiatives, Period latest, Rag status) {

    public String href() {
        return "/indicators/" + code;
    }
}
