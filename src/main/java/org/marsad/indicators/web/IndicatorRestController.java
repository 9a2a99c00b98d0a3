package org.marsad.indicators.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.marsad.indicators.Indicator;
import org.marsad.indicators.IndicatorInput;
import org.marsad.indicators.IndicatorSummary;
import org.marsad.indicators.IndicatorsApi;
import org.marsad.indicators.Period;
import org.marsad.indicators.ValueInput;
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
@RequestMapping("/api/v1/indicators")
@Tag(name = "Indicators", description = "Results: indicators on framework nodes and initiatives, targets, actuals, RAG status")
class IndicatorRestController {

    private final IndicatorsApi indicators;

    IndicatorRestController(IndicatorsApi indicators) {
        this.indicators = indicators;
    }

    @GetMapping
    @Operation(summary = "Indicators (paged) attached to a framework node and/or a partner initiative, with their latest "
            + "period and its red/amber/green status")
    PageResult<IndicatorSummary> search(
            @Parameter(description = "framework node code, e.g. SNIA.OSP19") @RequestParam(required = false) String node,
            @Parameter(description = "partner initiative identifier") @RequestParam(required = false) String initiative,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return indicators.search(node, initiative, q, PageQuery.of(page, size, 50));
    }

    @GetMapping("/{code}")
    @Operation(summary = "One indicator with its attachments, baseline, periods and status")
    Indicator get(@PathVariable String code) {
        return indicators.get(code);
    }

    @GetMapping("/{code}/values")
    @Operation(summary = "The periods of an indicator in time order, each with target, actual, disaggregations and "
            + "status; with history=true also the superseded values, with who replaced them, when and why")
    IndicatorsApi.Series values(@PathVariable String code, @RequestParam(defaultValue = "false") boolean history) {
        return indicators.series(code, history);
    }

    @PostMapping("/{code}/values")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enter the values of one period (COORDINATOR, ADMIN; DATA_STEWARD on node indicators; FOCAL_POINT "
            + "on its organisation's initiatives). A period that has values is corrected: give a reason; the earlier "
            + "values stay, superseded")
    Period addValue(@PathVariable String code, @RequestBody ValueInput input) {
        return indicators.addValue(code, input);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define an indicator (COORDINATOR, ADMIN; a FOCAL_POINT on its organisation's initiatives)")
    Indicator create(@RequestBody IndicatorInput input) {
        return indicators.create(input);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Change an indicator's definition; send the version you read")
    Indicator update(@PathVariable String code, @RequestBody IndicatorInput input) {
        return indicators.update(code, input);
    }

    @PostMapping("/{code}/withdrawal")
    @Operation(summary = "Withdraw an indicator with a reason (COORDINATOR, ADMIN); it stays readable, nothing is deleted")
    Indicator withdraw(@PathVariable String code, @RequestBody Withdrawal body) {
        return indicators.withdraw(code, body == null ? null : body.reason());
    }

    record Withdrawal(String reason) {
    }
}
