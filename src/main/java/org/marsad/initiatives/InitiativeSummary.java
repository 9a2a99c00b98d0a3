package org.marsad.initiatives;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;

/** A row of an initiative list: the state shown (current or as of a date) and the nodes it is linked to then. */
public record InitiativeSummary(long id, String code, String identifier, LocalizedText title, ActivityStatus status,
        Visibility visibility, List<Participation> participations, InitiativeDates dates,
        Map<String, BigDecimal> budgetTotals, List<String> regions, List<TargetGroup> targetGroups, List<String> nodes,
        PartialDate asOf) {

    public List<Participation> partners() {
        return participations.stream().filter(p -> p.role().partner()).toList();
    }

    public List<Participation> implementers() {
        return participations.stream().filter(p -> p.role() == OrganisationRole.IMPLEMENTING).toList();
    }

    public String href() {
        return "/initiatives/" + id;
    }
}
