package org.marsad.observatory;

import java.util.List;
import java.util.Optional;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;

/**
 * A dataset's structure: dimensions in key order (each bound to a codelist), the measure and its unit (or a
 * {@code UNIT_MEASURE} dimension), whether values add up, how its published tables break down (aggregates), notes
 * and citations.
 */
public record Dataset(String code, LocalizedText name, LocalizedText description, List<String> themes,
        LocalizedText measure, String unit, boolean additive, List<Dimension> dimensions, List<AggregateRule> aggregates,
        List<Note> notes, List<SourceCitation> citations, boolean published, int version) {

    /** The dimension that carries the unit when a dataset mixes units. */
    public static final String UNIT_DIMENSION = "UNIT_MEASURE";

    /** The agency part of SDMX structure identifiers. */
    public static final String AGENCY = "MARSAD";

    public Optional<Dimension> dimension(String code) {
        return dimensions.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** Index (0-based) of the unit dimension, or -1. */
    public int unitIndex() {
        for (int i = 0; i < dimensions.size(); i++) {
            if (dimensions.get(i).code().equals(UNIT_DIMENSION)) {
                return i;
            }
        }
        return -1;
    }

    /** The unit of one series: its UNIT_MEASURE code, else the dataset's unit. */
    public String unitOf(List<String> dims) {
        int i = unitIndex();
        return i >= 0 ? dims.get(i) : unit;
    }

    /** The SDMX-CSV 2.0 structure identifier, {@code AGENCY:ID(VERSION)}. */
    public String structureId() {
        return AGENCY + ":" + code + "(1.0)";
    }

    /** One dimension: its position in the key (from 1), its codelist, and its total code if it has one. */
    public record Dimension(int position, String code, LocalizedText name, String codelist, String total) {
    }

    /**
     * How a published table breaks down along one dimension: {@code total} is the sum of {@code parts} when the
     * breakdown is complete; otherwise the parts are "of which" rows and may not exceed it.
     */
    public record AggregateRule(String dimension, String total, List<String> parts, boolean complete) {
    }

    public record Note(LocalizedText text, SourceCitation source) {
    }
}
