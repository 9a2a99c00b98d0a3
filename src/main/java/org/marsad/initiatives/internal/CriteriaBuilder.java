package org.marsad.initiatives.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.marsad.frameworks.FrameworkNode;
import org.marsad.frameworks.FrameworksApi;
import org.marsad.initiatives.ActivityStatus;
import org.marsad.initiatives.InitiativeFilter;
import org.marsad.initiatives.MoroccoRegion;
import org.marsad.initiatives.OrganisationRole;
import org.marsad.initiatives.TargetGroup;
import org.marsad.platform.Validation;
import org.springframework.stereotype.Component;

/** Checks list and scoreboard filters and turns them into {@link Criteria}; a bad value is a field error. */
@Component
public class CriteriaBuilder {

    static final int MAX_QUERY = 200;

    private final FrameworksApi frameworks;
    private final InputChecks checks;

    CriteriaBuilder(FrameworksApi frameworks, InputChecks checks) {
        this.frameworks = frameworks;
        this.checks = checks;
    }

    public Criteria build(InitiativeFilter f, Viewer viewer) {
        Validation v = Validation.start();
        LocalDate asOf = null;
        if (f.asOf() != null && !f.asOf().isBlank()) {
            try {
                asOf = LocalDate.parse(f.asOf().strip());
            }
            catch (DateTimeParseException e) {
                v.reject("asOf", "validation.date");
            }
        }
        String framework = blank(f.framework());
        if (framework != null && frameworks.list().stream().noneMatch(fw -> fw.code().equals(framework))) {
            v.reject("framework", "validation.unknown");
        }
        List<String> nodes = null;
        String node = blank(f.node());
        if (node != null) {
            Optional<FrameworkNode> found = frameworks.findNode(node);
            if (found.isEmpty()) {
                v.reject("node", "initiatives.validation.unknownNode");
            }
            else {
                nodes = subtree(found.get());
            }
        }
        List<Long> orgs = null;
        if (blank(f.partner()) != null) {
            orgs = checks.organisationIds(f.partner());
            if (orgs.isEmpty()) {
                v.reject("partner", "initiatives.validation.unknownOrganisation");
            }
        }
        OrganisationRole role = f.role() == null || f.role().isBlank() ? null
                : OrganisationRole.parse(f.role()).orElseGet(() -> {
                    v.reject("role", "validation.unknown");
                    return null;
                });
        ActivityStatus status = f.status() == null || f.status().isBlank() ? null
                : ActivityStatus.parse(f.status()).orElseGet(() -> {
                    v.reject("status", "validation.unknown");
                    return null;
                });
        String region = f.region() == null || f.region().isBlank() ? null
                : MoroccoRegion.parse(f.region()).map(MoroccoRegion::code).orElseGet(() -> {
                    v.reject("region", "validation.unknown");
                    return null;
                });
        String group = f.targetGroup() == null || f.targetGroup().isBlank() ? null
                : TargetGroup.parse(f.targetGroup()).map(Enum::name).orElseGet(() -> {
                    v.reject("targetGroup", "validation.unknown");
                    return null;
                });
        String q = blank(f.q());
        v.maxLength("q", q, MAX_QUERY);
        v.throwIfInvalid();
        return new Criteria(asOf, framework, nodes, orgs, role == null ? null : role.code(),
                status == null ? null : status.code(), region, group, q, viewer);
    }

    /** A node and all the nodes under it. */
    public List<String> subtree(FrameworkNode root) {
        Map<String, List<String>> children = new HashMap<>();
        frameworks.nodes(root.frameworkCode()).forEach(n -> {
            if (n.parentCode() != null) {
                children.computeIfAbsent(n.parentCode(), k -> new ArrayList<>()).add(n.code());
            }
        });
        List<String> codes = new ArrayList<>();
        List<String> queue = new ArrayList<>(List.of(root.code()));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String code = queue.removeFirst();
            if (seen.add(code)) {
                codes.add(code);
                queue.addAll(children.getOrDefault(code, List.of()));
            }
        }
        return codes;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
