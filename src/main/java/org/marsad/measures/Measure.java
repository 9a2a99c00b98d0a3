package org.marsad.measures;

import java.time.OffsetDateTime;
import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;

/**
 * A migrant support measure of the inventory. Models and target groups are codes of the reference lists; links to
 * partner initiatives are their identifiers. A withdrawn measure stays readable with who withdrew it and why.
 */
public record Measure(
        long id,
        String code,
        Integer number,
        LocalizedText title,
        LocalizedText description,
        MigrationPhase phase,
        List<String> models,
        LocalizedText modelsRationale,
        List<String> targetGroups,
        List<Party> implementers,
        List<Party> funders,
        LocalizedText funding,
        PartialDate start,
        PartialDate end,
        LocalizedText duration,
        Budget budget,
        Beneficiaries beneficiaries,
        List<LocalizedText> activities,
        List<Programme> programmes,
        EvaluationStatus evaluation,
        List<Finding> findings,
        List<PointLink> points,
        List<String> initiatives,
        List<SourceCitation> sources,
        int version,
        String updatedBy,
        OffsetDateTime updatedAt,
        boolean withdrawn,
        String withdrawnBy,
        String withdrawnReason) {

    public String href() {
        return "/measures/" + code;
    }

    /** Whether the organisation implements or funds the measure (a focal point of it may edit the measure). */
    public boolean involves(String organisationCode) {
        return organisationCode != null && (implementers.stream().anyMatch(p -> p.code().equals(organisationCode))
                || funders.stream().anyMatch(p -> p.code().equals(organisationCode)));
    }
}
