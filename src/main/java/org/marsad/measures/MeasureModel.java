package org.marsad.measures;

import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;

/**
 * One of the eleven ETF measure models. {@code phases} are the phases the model's name places it in (empty when
 * the name gives none): an empty cell in one of them is a gap worth showing.
 */
public record MeasureModel(String code, int position, LocalizedText title, List<MigrationPhase> phases,
        List<SourceCitation> sources) {

    public boolean expectedIn(MigrationPhase phase) {
        return phases.contains(phase);
    }
}
