package org.marsad.organisations.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.marsad.organisations.Organisation;
import org.marsad.organisations.OrganisationInput;
import org.marsad.organisations.OrganisationType;
import org.marsad.organisations.OrganisationsApi;
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
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations", description = "The registry of organisations, with aliases (OIM = IOM, UE = EU…)")
class OrganisationRestController {

    private final OrganisationsApi organisations;

    OrganisationRestController(OrganisationsApi organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    @Operation(summary = "Search organisations by any name, acronym, alias or code (any language, accents ignored)")
    PageResult<Organisation> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) OrganisationType type,
            @Parameter(description = "ISO 3166 alpha-2") @RequestParam(required = false) String country,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return organisations.search(q, type, country, PageQuery.of(page, size, 50));
    }

    @GetMapping("/{code}")
    @Operation(summary = "One organisation, with aliases and sources")
    Organisation get(@PathVariable String code) {
        return organisations.get(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an organisation (ADMIN, COORDINATOR)")
    Organisation create(@RequestBody OrganisationInput input) {
        return organisations.create(input);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Change an organisation (ADMIN, COORDINATOR); send the version you read")
    Organisation update(@PathVariable String code, @RequestBody OrganisationInput input) {
        return organisations.update(code, input);
    }

    @PostMapping("/{code}/withdrawal")
    @Operation(summary = "Withdraw an organisation with a reason (ADMIN, COORDINATOR); nothing is deleted")
    Organisation withdraw(@PathVariable String code, @RequestBody Withdrawal body) {
        return organisations.withdraw(code, body.reason());
    }

    record Withdrawal(String reason) {
    }
}
