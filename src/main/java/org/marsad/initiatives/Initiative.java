package org.marsad.initiatives;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.math.BigDecimal;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;

/**
 * An initiative in its current state (or its state on a past date), with its links to framework nodes.
 * {@code asOf} is the business date the state holds from; {@code revision} counts the recorded states.
 */
public record Initiative(
        long id,
        String code,
        String identifier,
        LocalizedText title,
        LocalizedText description,
        ActivityStatus status,
        Visibility visibility,
        OrganisationLabel reportingOrganisation,
        boolean secondaryReporter,
        List<Participation> participations,
        InitiativeDates dates,
        List<Budget> budgets,
        List<Transaction> transactions,
        Map<String, BigDecimal> budgetTotals,
        List<String> regions,
        List<String> places,
        List<TargetGroup> targetGroups,
        List<NodeLink> links,
        List<SourceCitation> sources,
        PartialDate asOf,
        int revision,
        OffsetDateTime recordedAt,
        String recordedBy,
        String origin,
        int version) {

    /** Registered organisations with any role. */
    public Set<Long> organisationIds() {
        Set<Long> ids = new LinkedHashSet<>();
        participations.forEach(p -> {
            if (p.organisation().registered()) {
                ids.add(p.organisation().id());
            }
        });
        return ids;
    }

    public List<Participation> partners() {
        return participations.stream().filter(p -> p.role().partner()).toList();
    }

    public List<Participation> implementers() {
        return participations.stream().filter(p -> p.role() == OrganisationRole.IMPLEMENTING).toList();
    }

    public List<NodeLink> liveLinks() {
        return links.stream().filter(NodeLink::live).toList();
    }

    public List<NodeLink> removedLinks() {
        return links.stream().filter(l -> !l.live()).toList();
    }

    public InitiativeRef ref() {
        return new InitiativeRef(id, code, identifier, title, status, visibility, organisationIds());
    }
}
