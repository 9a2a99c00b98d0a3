package org.marsad.frameworks.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.marsad.frameworks.CrosswalkLink;
import org.marsad.frameworks.CrosswalkMatrix;
import org.marsad.frameworks.Framework;
import org.marsad.frameworks.FrameworkNode;
import org.marsad.frameworks.FrameworksApi;
import org.marsad.frameworks.LinkBasis;
import org.marsad.frameworks.NewLink;
import org.marsad.frameworks.NodeDetail;
import org.marsad.frameworks.TreeNode;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Frameworks", description = "Policy frameworks, legal instruments, their nodes and the crosswalk")
class FrameworkRestController {

    private final FrameworksApi frameworks;

    FrameworkRestController(FrameworksApi frameworks) {
        this.frameworks = frameworks;
    }

    @GetMapping("/frameworks")
    @Operation(summary = "All frameworks and instruments (paged), or the nodes matching q")
    PageResult<?> list(@RequestParam(required = false) String q,
            @Parameter(description = "with q: restrict to one framework") @RequestParam(required = false) String framework,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageQuery paging = PageQuery.of(page, size, 100);
        if (q != null) {
            return frameworks.search(q, framework, paging);
        }
        return PageResult.of(frameworks.list(), paging);
    }

    @GetMapping("/frameworks/{code}")
    @Operation(summary = "A framework with its node tree")
    FrameworkWithTree get(@PathVariable String code) {
        return new FrameworkWithTree(frameworks.get(code), frameworks.tree(code));
    }

    record FrameworkWithTree(Framework framework, List<TreeNode> nodes) {
    }

    @GetMapping("/frameworks/{code}/nodes/{nodeCode}")
    @Operation(summary = "A node: text, sources, ancestors, children, reports and crosswalk links (live and removed)")
    NodeDetail node(@PathVariable String code, @PathVariable String nodeCode) {
        return frameworks.node(code, nodeCode);
    }

    @PutMapping("/frameworks/{code}/status")
    @Operation(summary = "Record a new status of an instrument with the date of the report that gives it (COORDINATOR)")
    Framework status(@PathVariable String code, @RequestBody FrameworksApi.StatusUpdate update) {
        return frameworks.updateStatus(code, update);
    }

    @PutMapping("/frameworks/{code}/nodes/{nodeCode}/title")
    @Operation(summary = "Translate or correct a node's title (COORDINATOR); send the version you read")
    FrameworkNode title(@PathVariable String code, @PathVariable String nodeCode, @RequestBody TitleUpdate body) {
        frameworks.node(code, nodeCode);
        return frameworks.updateNodeTitle(nodeCode, body.title(), body.version());
    }

    record TitleUpdate(LocalizedText title, Integer version) {
    }

    @GetMapping("/crosswalk")
    @Operation(summary = "Crosswalk links: those touching a node, or those between two frameworks, or all (paged)")
    PageResult<CrosswalkLink> crosswalk(@RequestParam(required = false) String node,
            @RequestParam(required = false) String framework, @RequestParam(required = false) String with,
            @RequestParam(required = false) LinkBasis basis,
            @Parameter(description = "include removed links, with who/when/why") @RequestParam(defaultValue = "false") boolean removed,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageQuery paging = PageQuery.of(page, size, 100);
        if (node != null) {
            return PageResult.of(frameworks.linksOf(node, removed).stream()
                    .filter(l -> basis == null || l.basis() == basis).toList(), paging);
        }
        return frameworks.links(framework, with, basis, removed, paging);
    }

    @GetMapping("/crosswalk/matrix")
    @Operation(summary = "Counts of links between the groups of two frameworks (default MP2013 sections × GCM objectives)")
    CrosswalkMatrix matrix(@RequestParam(defaultValue = "MP2013") String rows, @RequestParam(defaultValue = "GCM") String cols) {
        return frameworks.matrix(rows, cols);
    }

    @PostMapping("/crosswalk")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a link between nodes of two frameworks (COORDINATOR); a STATED link must cite its source")
    CrosswalkLink add(@RequestBody NewLink link) {
        return frameworks.addLink(link);
    }

    @PostMapping("/crosswalk/{id}/removal")
    @Operation(summary = "Remove a link with a reason (COORDINATOR); it stays on record with who/when/why")
    CrosswalkLink remove(@PathVariable long id, @RequestBody Removal body) {
        return frameworks.removeLink(id, body.reason());
    }

    record Removal(String reason) {
    }
}
