package org.marsad.skills.web;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PageResult;
import org.marsad.platform.Validation;
import org.marsad.skills.demands.Demand;
import org.marsad.skills.demands.DemandInput;
import org.marsad.skills.demands.DemandStatus;
import org.marsad.skills.demands.DemandsApi;
import org.marsad.skills.experts.ExpertsApi;
import org.marsad.skills.matching.MatchingApi;
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
@RequestMapping("/api/v1/skills/demands")
@Tag(name = "Skills: demands", description = "Institutions' demands for expertise, and the experts who match them")
class DemandRestController {

    private final DemandsApi demands;
    private final MatchingApi matching;
    private final Views views;

    DemandRestController(DemandsApi demands, MatchingApi matching, Views views) {
        this.demands = demands;
        this.matching = matching;
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "Demands (signed in): published and closed ones, and my organisation's drafts")
    PageResult<Demand> list(@RequestParam(required = false) String status, @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Validation v = Validation.start();
        DemandStatus s = ExpertsApi.enumValue(v, "status", status, DemandStatus.class);
        v.throwIfInvalid();
        return demands.list(s, organisationId, PageQuery.of(page, size, 50));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write a demand for my organisation (INSTITUTION; ADMIN names the organisation); it starts as a draft")
    Demand create(@RequestBody DemandInput input) {
        return demands.create(input);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One demand")
    Demand get(@PathVariable long id) {
        return demands.read(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a draft or published demand of my organisation (send the version you read)")
    Demand update(@PathVariable long id, @RequestBody DemandInput input) {
        return demands.update(id, input);
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish a draft: it is matched from now on")
    Demand publish(@PathVariable long id) {
        return demands.publish(id);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close a demand, with a reason")
    Demand close(@PathVariable long id, @RequestBody Reason body) {
        return demands.close(id, body.reason());
    }

    @GetMapping("/{id}/matches")
    @Operation(summary = "The experts who match the demand, best first, each with score and per-criterion explanation (the demand's institution, ADMIN)")
    List<Views.MatchView> matches(@PathVariable long id, @RequestParam(required = false) Integer limit, Locale locale) {
        return matching.forDemand(id, limit).stream().map(m -> views.match(m, locale)).toList();
    }

    record Reason(String reason) {
    }
}
