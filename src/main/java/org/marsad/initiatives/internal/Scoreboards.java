package org.marsad.initiatives.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.marsad.frameworks.Framework;
import org.marsad.frameworks.FrameworkNode;
import org.marsad.frameworks.FrameworksApi;
import org.marsad.frameworks.NodeKind;
import org.marsad.frameworks.NodeRef;
import org.marsad.initiatives.ActivityStatus;
import org.marsad.initiatives.InitiativeFilter;
import org.marsad.initiatives.OrganisationLabel;
import org.marsad.initiatives.OrganisationRole;
import org.marsad.initiatives.Scoreboard;
import org.marsad.initiatives.ScoreboardFilter;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.OrganisationDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes scoreboards from the links and states of initiatives.
 *
 * <p>Groups are the framework's top-level sections and programmes (the Mobility Partnership's six sections, the
 * SNIA's programmes); a framework without them (the Global Compact) is one group of its top-level nodes. Each
 * node under a group is a row; a group has a row of its own when initiatives are linked to the group itself or
 * when it has no nodes under it. A row without any initiative is a gap.
 *
 * <p>A computed scoreboard is cached (see {@link StampedCache}) under the module's change stamp, the filters and
 * what the reader may see. Nodes never share anything but immutable results, and a write on one node is seen by
 * the next request on any node.
 */
@Component
public class Scoreboards {

    static final Duration MAX_AGE = Duration.ofMinutes(1);
    static final int CACHE_SIZE = 256;
    static final Set<NodeKind> GROUP_KINDS = Set.of(NodeKind.SECTION, NodeKind.PROGRAMME);

    private final InitiativeRepository repository;
    private final FrameworksApi frameworks;
    private final CriteriaBuilder criteria;
    private final OrganisationDirectory organisations;
    private final StampedCache<Scoreboard> cache = new StampedCache<>(CACHE_SIZE, MAX_AGE);

    Scoreboards(InitiativeRepository repository, FrameworksApi frameworks, CriteriaBuilder criteria,
            OrganisationDirectory organisations) {
        this.repository = repository;
        this.frameworks = frameworks;
        this.criteria = criteria;
        this.organisations = organisations;
    }

    @Transactional(readOnly = true)
    public Scoreboard compute(String frameworkCode, ScoreboardFilter filter, int itemsPerNode, Viewer viewer) {
        return cache.get(frameworkCode + "|" + filter + "|" + itemsPerNode + "|" + viewer.key(), repository.stamp(),
                () -> computeUncached(frameworkCode, filter, itemsPerNode, viewer));
    }

    /** One group being assembled: its node and its rows in tree order, each with the depth under the group. */
    private record Layout(FrameworkNode group, List<FrameworkNode> rows, List<Integer> depths, boolean ownRow) {
    }

    /** Checks a scoreboard's filter without computing it: every bad filter at once, in one exception. */
    @Transactional(readOnly = true)
    public void check(String frameworkCode, ScoreboardFilter filter, Viewer viewer) {
        List<FrameworkNode> nodes = frameworks.nodes(frameworkCode);
        checked(frameworkCode, layouts(nodes), nodes, filter, viewer);
    }

    /** The filter's criteria, once the section and node (checked here) and the other filters are all known. */
    private Criteria checked(String frameworkCode, List<Layout> layouts, List<FrameworkNode> nodes, ScoreboardFilter filter,
            Viewer viewer) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>(unknownSectionOrNode(layouts, nodes, filter));
        try {
            Criteria base = criteria.build(new InitiativeFilter(frameworkCode, null, filter.partner(), null,
                    filter.status(), filter.region(), filter.targetGroup(), filter.q(), filter.asOf()), viewer);
            if (errors.isEmpty()) {
                return base;
            }
        }
        catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        throw new InvalidInputException(errors);
    }

    Scoreboard computeUncached(String frameworkCode, ScoreboardFilter filter, int itemsPerNode, Viewer viewer) {
        Framework framework = frameworks.get(frameworkCode);
        List<FrameworkNode> nodes = frameworks.nodes(frameworkCode);
        List<Layout> layouts = layouts(nodes);
        Criteria base = checked(frameworkCode, layouts, nodes, filter, viewer);
        layouts = restrict(layouts, filter);
        boolean restricted = blank(filter.section()) != null || blank(filter.node()) != null;
        List<String> rowCodes = new ArrayList<>();
        layouts.forEach(l -> l.rows().forEach(n -> rowCodes.add(n.code())));
        Criteria c = base.withNodes(restricted ? rowCodes : null);

        Map<String, String> groupOf = new HashMap<>();
        layouts.forEach(l -> l.rows().forEach(n -> groupOf.put(n.code(), l.group() == null ? "" : l.group().code())));
        Map<String, Map<Long, Found>> byNode = new HashMap<>();
        Map<String, Set<Long>> byGroup = new HashMap<>();
        Map<Long, Found> all = new HashMap<>();
        Map<Long, Map<String, Set<Long>>> partnerGroup = new HashMap<>();
        repository.scoreboardRows(c, row -> {
            String group = groupOf.get(row.nodeCode());
            if (group == null) {
                return;
            }
            Found found = all.computeIfAbsent(row.initiativeId(),
                    id -> new Found(id, row.code(), ActivityStatus.ofCode(row.status()), row.partnerIds()));
            byNode.computeIfAbsent(row.nodeCode(), k -> new HashMap<>()).put(found.id(), found);
            byGroup.computeIfAbsent(group, k -> new HashSet<>()).add(found.id());
            for (Long partner : row.partnerIds()) {
                partnerGroup.computeIfAbsent(partner, k -> new HashMap<>()).computeIfAbsent(group, k -> new HashSet<>())
                        .add(found.id());
            }
        });

        Map<Long, OrganisationDirectory.OrganisationRef> orgs = new HashMap<>();
        organisations.all().forEach(o -> orgs.put(o.id(), o));
        Map<String, List<Found>> shown = new HashMap<>();
        Set<Long> shownIds = new LinkedHashSet<>();
        byNode.forEach((node, found) -> {
            List<Found> sorted = found.values().stream().sorted(Comparator.comparing(Found::code)).limit(itemsPerNode).toList();
            shown.put(node, sorted);
            sorted.forEach(f -> shownIds.add(f.id()));
        });
        Map<Long, InitiativeRepository.ListRow> states = repository.states(List.copyOf(shownIds), c.asOf());

        List<Scoreboard.Group> groups = new ArrayList<>();
        List<NodeRef> gaps = new ArrayList<>();
        for (Layout layout : layouts) {
            List<Scoreboard.Row> rows = new ArrayList<>();
            for (int i = 0; i < layout.rows().size(); i++) {
                FrameworkNode node = layout.rows().get(i);
                Map<Long, Found> found = byNode.getOrDefault(node.code(), Map.of());
                boolean isOwnRowOfGroup = layout.group() != null && node.code().equals(layout.group().code());
                if (isOwnRowOfGroup && !layout.ownRow() && found.isEmpty()) {
                    continue;
                }
                Map<String, Integer> byPartner = new TreeMap<>();
                found.values().forEach(f -> {
                    for (Long p : f.partners()) {
                        byPartner.merge(orgs.containsKey(p) ? orgs.get(p).code() : String.valueOf(p), 1, Integer::sum);
                    }
                });
                List<Scoreboard.Item> items = shown.getOrDefault(node.code(), List.of()).stream()
                        .map(f -> item(states.get(f.id())))
                        .filter(Objects::nonNull)
                        .toList();
                boolean gap = found.isEmpty();
                if (gap) {
                    gaps.add(node.ref());
                }
                rows.add(new Scoreboard.Row(node.ref(), layout.depths().get(i), counts(found.values()), byPartner, items,
                        found.size() - items.size(), gap));
            }
            String groupCode = layout.group() == null ? "" : layout.group().code();
            groups.add(new Scoreboard.Group(layout.group() == null ? null : layout.group().ref(),
                    byGroup.getOrDefault(groupCode, Set.of()).size(), rows));
        }

        List<Long> partnerIds = partnerGroup.keySet().stream()
                .sorted(Comparator.comparing((Long p) -> orgs.containsKey(p) ? orgs.get(p).code() : String.valueOf(p)))
                .toList();
        List<OrganisationLabel> partners = new ArrayList<>();
        List<List<Integer>> matrix = new ArrayList<>();
        List<Integer> partnerTotals = new ArrayList<>();
        for (Long p : partnerIds) {
            OrganisationDirectory.OrganisationRef ref = orgs.get(p);
            partners.add(ref == null ? new OrganisationLabel(p, String.valueOf(p), null, null)
                    : new OrganisationLabel(p, ref.code(), null, ref.name()));
            List<Integer> counts = new ArrayList<>();
            Set<Long> distinct = new HashSet<>();
            for (Layout layout : layouts) {
                Set<Long> ids = partnerGroup.get(p).getOrDefault(layout.group() == null ? "" : layout.group().code(), Set.of());
                counts.add(ids.size());
                distinct.addAll(ids);
            }
            matrix.add(counts);
            partnerTotals.add(distinct.size());
        }
        List<NodeRef> groupRefs = layouts.stream().map(l -> l.group() == null ? null : l.group().ref()).toList();
        return new Scoreboard(framework.code(), framework.label(), c.asOf(), filter, counts(all.values()), groups, gaps,
                new Scoreboard.Matrix(partners, groupRefs, matrix, partnerTotals));
    }

    private record Found(long id, String code, ActivityStatus status, Long[] partners) {
    }

    private static Scoreboard.Counts counts(Collection<Found> found) {
        Map<ActivityStatus, Integer> byStatus = new EnumMap<>(ActivityStatus.class);
        found.forEach(f -> byStatus.merge(f.status(), 1, Integer::sum));
        return new Scoreboard.Counts(found.size(), byStatus);
    }

    private static Scoreboard.Item item(InitiativeRepository.ListRow row) {
        if (row == null) {
            return null;
        }
        State s = row.state();
        return new Scoreboard.Item(row.id(), row.code(), row.identifier(), s.title(), s.status(), s.visibility(),
                s.participations().stream().filter(p -> p.role().partner()).map(p -> p.organisation()).distinct().toList(),
                s.participations().stream().filter(p -> p.role() == OrganisationRole.IMPLEMENTING)
                        .map(p -> p.organisation()).distinct().toList(),
                s.dates(), s.budgetTotals());
    }

    /** The framework's groups and their rows, in tree order. */
    static List<Layout> layouts(List<FrameworkNode> nodes) {
        Map<String, List<FrameworkNode>> children = new HashMap<>();
        nodes.forEach(n -> children.computeIfAbsent(n.parentCode() == null ? "" : n.parentCode(), k -> new ArrayList<>()).add(n));
        List<FrameworkNode> top = children.getOrDefault("", List.of());
        List<FrameworkNode> groups = top.stream().filter(n -> GROUP_KINDS.contains(n.kind())).toList();
        List<Layout> layouts = new ArrayList<>();
        if (groups.isEmpty()) {
            List<FrameworkNode> rows = new ArrayList<>();
            List<Integer> depths = new ArrayList<>();
            top.forEach(n -> descend(n, 0, children, rows, depths));
            layouts.add(new Layout(null, rows, depths, false));
            return layouts;
        }
        for (FrameworkNode group : groups) {
            List<FrameworkNode> rows = new ArrayList<>(List.of(group));
            List<Integer> depths = new ArrayList<>(List.of(0));
            children.getOrDefault(group.code(), List.of()).forEach(n -> descend(n, 0, children, rows, depths));
            layouts.add(new Layout(group, rows, depths, rows.size() == 1));
        }
        return layouts;
    }

    private static void descend(FrameworkNode node, int depth, Map<String, List<FrameworkNode>> children,
            List<FrameworkNode> rows, List<Integer> depths) {
        rows.add(node);
        depths.add(depth);
        children.getOrDefault(node.code(), List.of()).forEach(c -> descend(c, depth + 1, children, rows, depths));
    }

    private static List<InvalidInputException.FieldError> unknownSectionOrNode(List<Layout> layouts,
            List<FrameworkNode> nodes, ScoreboardFilter filter) {
        String section = blank(filter.section());
        String node = blank(filter.node());
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (section != null && layouts.stream().noneMatch(l -> l.group() != null && l.group().code().equals(section))) {
            errors.add(new InvalidInputException.FieldError("section", "initiatives.validation.unknownNode", new Object[0]));
        }
        if (node != null && nodes.stream().noneMatch(n -> n.code().equals(node))) {
            errors.add(new InvalidInputException.FieldError("node", "initiatives.validation.unknownNode", new Object[0]));
        }
        return errors;
    }

    /** Keeps the chosen section, or the chosen node and the nodes under it (both known, see unknownSectionOrNode). */
    private static List<Layout> restrict(List<Layout> layouts, ScoreboardFilter filter) {
        String section = blank(filter.section());
        String node = blank(filter.node());
        List<Layout> result = new ArrayList<>();
        for (Layout l : layouts) {
            if (section != null && (l.group() == null || !l.group().code().equals(section))) {
                continue;
            }
            if (node == null) {
                result.add(l);
                continue;
            }
            int start = -1;
            for (int i = 0; i < l.rows().size(); i++) {
                if (l.rows().get(i).code().equals(node)) {
                    start = i;
                    break;
                }
            }
            if (start < 0) {
                continue;
            }
            if (start == 0 && l.group() != null) {
                result.add(l);
                continue;
            }
            List<FrameworkNode> rows = new ArrayList<>(List.of(l.rows().get(start)));
            List<Integer> depths = new ArrayList<>(List.of(0));
            int base = l.depths().get(start);
            for (int i = start + 1; i < l.rows().size() && l.depths().get(i) > base; i++) {
                rows.add(l.rows().get(i));
                depths.add(l.depths().get(i) - base);
            }
            result.add(new Layout(l.group(), rows, depths, false));
        }
        return result;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
