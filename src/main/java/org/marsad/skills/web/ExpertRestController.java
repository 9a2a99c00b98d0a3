package org.marsad.skills.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.marsad.skills.experts.ExpertInput;
import org.marsad.skills.experts.ExpertProfile;
import org.marsad.skills.experts.ExpertsApi;
import org.marsad.skills.experts.Registration;
import org.marsad.skills.matching.MatchingApi;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/v1/skills/experts")
@Tag(name = "Skills: experts", description = "Expert profiles, consent, matches, export and erasure")
class ExpertRestController {

    private final ExpertsApi experts;
    private final MatchingApi matching;
    private final Views views;

    ExpertRestController(ExpertsApi experts, MatchingApi matching, Views views) {
        this.experts = experts;
        this.matching = matching;
        this.views = views;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register as an expert (no account needed): account, consents by purpose (PROFILE required), profile")
    ExpertProfile register(@RequestBody Registration registration) {
        return experts.register(registration);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A profile: all of it for the expert and ADMIN, what the expert chose to show for institutions")
    ExpertProfile get(@PathVariable long id) {
        return experts.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change my profile (send the version you read)")
    ExpertProfile update(@PathVariable long id, @RequestBody ExpertInput input) {
        return experts.update(id, input);
    }

    @PutMapping("/{id}/consents")
    @Operation(summary = "Set my consents: the purposes listed are given, the others withdrawn (PROFILE stays)")
    ExpertProfile consents(@PathVariable long id, @RequestBody List<String> purposes) {
        return experts.setConsents(id, purposes);
    }

    @PutMapping("/{id}/visibility")
    @Operation(summary = "Set what institutions may see beyond the matching criteria")
    ExpertProfile visibility(@PathVariable long id, @RequestBody List<String> fields) {
        return experts.setVisibility(id, fields);
    }

    @PostMapping("/{id}/free-skills/{freeSkillId}/mappings")
    @Operation(summary = "Confirm or reject an ESCO concept suggested for a skill written in my own words")
    ExpertProfile decide(@PathVariable long id, @PathVariable long freeSkillId, @RequestBody Decision decision) {
        return experts.decideMapping(id, freeSkillId, decision.uri(), decision.confirm());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Erase my account and profile (the audit log keeps that it happened, not the data)")
    void erase(@PathVariable long id) {
        experts.erase(id);
    }

    @GetMapping(value = "/{id}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Download my data (JSON)")
    ResponseEntity<Map<String, Object>> export(@PathVariable long id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"marsad-expert-" + id + ".json\"")
                .body(experts.export(id));
    }

    @GetMapping("/{id}/matches")
    @Operation(summary = "The published demands that fit me, best first, each with its score and explanation")
    List<Views.DemandFitView> matches(@PathVariable long id, @RequestParam(required = false) Integer limit, Locale locale) {
        return matching.forExpert(id, limit).stream().map(f -> views.fit(f, locale)).toList();
    }

    record Decision(String uri, boolean confirm) {
    }
}
