package org.marsad.initiatives.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.marsad.initiatives.ActivityStatus;
import org.marsad.initiatives.Budget;
import org.marsad.initiatives.BudgetType;
import org.marsad.initiatives.InitiativeDates;
import org.marsad.initiatives.OrganisationLabel;
import org.marsad.initiatives.Participation;
import org.marsad.initiatives.TargetGroup;
import org.marsad.initiatives.Transaction;
import org.marsad.initiatives.Visibility;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;

/**
 * The whole state of an initiative from one business date on: what a revision stores (as JSON, plus a few
 * columns for filtering). Node codes are kept too, so that the history shows link changes beside the others.
 */
public record State(
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
        List<String> regions,
        List<String> places,
        List<TargetGroup> targetGroups,
        List<String> nodes,
        List<SourceCitation> sources) {

    public State {
        description = description == null ? LocalizedText.of(null, null, null) : description;
        participations = List.copyOf(participations);
        dates = dates == null ? InitiativeDates.NONE : dates;
        budgets = budgets == null ? List.of() : List.copyOf(budgets);
        transactions = transactions == null ? List.of() : List.copyOf(transactions);
        regions = regions == null ? List.of() : List.copyOf(regions);
        places = places == null ? List.of() : List.copyOf(places);
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public State withStatus(ActivityStatus newStatus) {
        return new State(title, description, newStatus, visibility, reportingOrganisation, secondaryReporter,
                participations, dates, budgets, transactions, regions, places, targetGroups, nodes, sources);
    }

    public State withNodes(List<String> newNodes) {
        return new State(title, description, status, visibility, reportingOrganisation, secondaryReporter,
                participations, dates, budgets, transactions, regions, places, targetGroups, newNodes, sources);
    }

    public Long[] organisationIds() {
        Set<Long> ids = new LinkedHashSet<>();
        participations.forEach(p -> {
            if (p.organisation().registered()) {
                ids.add(p.organisation().id());
            }
        });
        return ids.toArray(Long[]::new);
    }

    public Long[] partnerIds() {
        Set<Long> ids = new LinkedHashSet<>();
        participations.forEach(p -> {
            if (p.organisation().registered() && p.role().partner()) {
                ids.add(p.organisation().id());
            }
        });
        return ids.toArray(Long[]::new);
    }

    /** "organisationId:role" for each registered participation, e.g. "12:4". */
    public String[] participationKeys() {
        List<String> keys = new ArrayList<>();
        participations.forEach(p -> {
            if (p.organisation().registered()) {
                keys.add(p.organisation().id() + ":" + p.role().code());
            }
        });
        return keys.toArray(String[]::new);
    }

    /**
     * The budget per currency: a total stated without a period when there is one (revised over original), else,
     * for each period, the revised budget if there is one, else the original, summed. Computed from the stored
     * amounts, never stored on its own.
     */
    public Map<String, BigDecimal> budgetTotals() {
        Map<String, Budget> byPeriod = new LinkedHashMap<>();
        Set<String> stated = new HashSet<>();
        budgets.stream().filter(Budget::stated).forEach(b -> stated.add(b.currency()));
        for (Budget b : budgets) {
            if (stated.contains(b.currency()) != b.stated()) {
                continue;
            }
            String key = b.currency() + "|" + b.periodStart() + "|" + b.periodEnd();
            Budget seen = byPeriod.get(key);
            if (seen == null || (seen.type() == BudgetType.ORIGINAL && b.type() == BudgetType.REVISED)) {
                byPeriod.put(key, b);
            }
        }
        Map<String, BigDecimal> totals = new TreeMap<>();
        byPeriod.values().forEach(b -> totals.merge(b.currency(), b.amount(), BigDecimal::add));
        return totals;
    }
}
