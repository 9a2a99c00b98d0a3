package org.marsad.measures;

import java.math.BigDecimal;
import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;

/**
 * A measure as a person writes it (API body or form). Codes, dates and enumerations are text so that a bad value
 * comes back as an error on its field. {@code version} is the version that was read (updates only).
 */
public record MeasureInput(
        String code,
        Integer number,
        LocalizedText title,
        LocalizedText description,
        String phase,
        List<String> models,
        LocalizedText modelsRationale,
        List<String> targetGroups,
        List<String> implementers,
        List<String> funders,
        LocalizedText funding,
        String start,
        String end,
        LocalizedText duration,
        BigDecimal budgetAmount,
        String budgetCurrency,
        Boolean budgetApproximate,
        LocalizedText budgetText,
        Integer beneficiariesMin,
        Integer beneficiariesMax,
        LocalizedText beneficiariesText,
        List<LocalizedText> activities,
        List<ProgrammeInput> programmes,
        String evaluation,
        List<FindingInput> findings,
        List<PointInput> points,
        List<String> initiatives,
        List<SourceCitation> sources,
        Integer version) {

    public record ProgrammeInput(LocalizedText name, String implementer, LocalizedText note) {
    }

    public record FindingInput(String kind, LocalizedText text, List<SourceCitation> sources) {
    }

    public record PointInput(String node, String basis, LocalizedText rationale, List<SourceCitation> sources) {
    }
}
