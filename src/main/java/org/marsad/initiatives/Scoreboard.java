package org.marsad.initiatives;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.marsad.frameworks.NodeRef;
import org.marsad.platform.LocalizedText;

/**
 * A framework's scoreboard, computed from the initiatives and their links (current, or as of {@code asOf}):
 * groups (sections or programmes) → nodes → initiatives, counts by status and partner, the partners × groups
 * matrix and the nodes without any initiative ({@code gaps}). Rows list at most a given number of initiatives
 * each; {@code more} says how many are left out.
 */
public record Scoreboard(
        String frameworkCode,
        LocalizedText frameworkTitle,
        LocalDate asOf,
        ScoreboardFilter filter,
        Counts totals,
        List<Group> groups,
        List<NodeRef> gaps,
        Matrix matrix) {

    /** Distinct initiatives, and how many have each status. */
    public record Counts(int initiatives, Map<ActivityStatus, Integer> byStatus) {
    }

    /** A section or programme ({@code node} is null when the framework has none) and its rows. */
    public record Group(NodeRef node, int initiatives, List<Row> rows) {
    }

    /**
     * A node: the initiatives linked to it (a group's own row holds those linked to the group itself), by status
     * and by partner code; {@code gap} when it has none.
     */
    public record Row(NodeRef node, int depth, Counts counts, Map<String, Integer> byPartner, List<Item> items, int more,
            boolean gap) {
    }

    /** An initiative as a scoreboard lists it. */
    public record Item(long id, String code, String identifier, LocalizedText title, ActivityStatus status,
            Visibility visibility, List<OrganisationLabel> partners, List<OrganisationLabel> implementers,
            InitiativeDates dates, Map<String, BigDecimal> budget) {

        public String href() {
            return "/initiatives/" + id;
        }
    }

    /** Distinct initiatives per partner (rows) and group (columns). */
    public record Matrix(List<OrganisationLabel> partners, List<NodeRef> groups, List<List<Integer>> counts,
            List<Integer> partnerTotals) {
    }
}
