package org.marsad.initiatives.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.marsad.initiatives.InitiativesApi;
import org.marsad.initiatives.Scoreboard;
import org.marsad.initiatives.ScoreboardFilter;
import org.marsad.initiatives.internal.TableExport;
import org.marsad.platform.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/scoreboards")
@Tag(name = "Scoreboards", description = "Framework scoreboards computed from the initiatives: nodes, counts, gaps")
class ScoreboardRestController {

    static final int MAX_ITEMS = 200;

    private final InitiativesApi initiatives;
    private final ScoreboardExport export;

    ScoreboardRestController(InitiativesApi initiatives, ScoreboardExport export) {
        this.initiatives = initiatives;
        this.export = export;
    }

    @GetMapping("/{frameworkCode}")
    @Operation(summary = "Sections → nodes → initiatives, counts by status and partner, partners × sections, gaps; asOf a date")
    Scoreboard scoreboard(@PathVariable String frameworkCode,
            @Parameter(description = "code, alias or id") @RequestParam(required = false) String partner,
            @RequestParam(required = false) String status, @RequestParam(required = false) String section,
            @RequestParam(required = false) String node, @RequestParam(required = false) String targetGroup,
            @RequestParam(required = false) String region, @RequestParam(required = false) String q,
            @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) String asOf,
            @Parameter(description = "initiatives listed under each node (0–200, default 0: counts only); counts always cover all")
            @RequestParam(required = false) Integer items) {
        int perNode = items == null ? 0 : items;
        ScoreboardFilter filter = new ScoreboardFilter(partner, status, section, node, targetGroup, region, q, asOf);
        if (perNode >= 0 && perNode <= MAX_ITEMS) {
            return initiatives.scoreboard(frameworkCode, filter, perNode);
        }
        // A bad count is reported with whatever else is wrong in the filters.
        throw withFilterErrors(new InvalidInputException.FieldError("items", "validation.between", new Object[] {0, MAX_ITEMS}),
                frameworkCode, filter);
    }

    /** This error and those of the filters, if any, together. */
    private InvalidInputException withFilterErrors(InvalidInputException.FieldError error, String frameworkCode,
            ScoreboardFilter filter) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>(List.of(error));
        try {
            initiatives.checkScoreboardFilter(frameworkCode, filter);
        }
        catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        return new InvalidInputException(errors);
    }

    @GetMapping("/{frameworkCode}/export")
    @Operation(summary = "The scoreboard as CSV (formula-safe) or XLSX: one row per node and initiative, gaps included")
    void export(@PathVariable String frameworkCode,
            @Parameter(description = "csv or xlsx") @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) String partner, @RequestParam(required = false) String status,
            @RequestParam(required = false) String section, @RequestParam(required = false) String node,
            @RequestParam(required = false) String targetGroup, @RequestParam(required = false) String region,
            @RequestParam(required = false) String q, @RequestParam(required = false) String asOf, Locale locale,
            HttpServletResponse response) throws IOException {
        TableExport.Format f = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> TableExport.Format.CSV;
            case "xlsx" -> TableExport.Format.XLSX;
            default -> null;
        };
        ScoreboardFilter filter = new ScoreboardFilter(partner, status, section, node, targetGroup, region, q, asOf);
        if (f == null) {
            // A bad format is reported with whatever else is wrong in the filters.
            throw withFilterErrors(new InvalidInputException.FieldError("format", "validation.unknown", new Object[0]),
                    frameworkCode, filter);
        }
        Scoreboard scoreboard = initiatives.scoreboard(frameworkCode, filter, Integer.MAX_VALUE);
        var table = export.table(scoreboard, locale);
        String name = "marsad-scoreboard-" + scoreboard.frameworkCode()
                + (scoreboard.asOf() == null ? "" : "-" + scoreboard.asOf()) + "." + f.extension();
        response.setContentType(f.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
        TableExport.write(f, scoreboard.frameworkCode(), table.header(), table.rows(), response.getOutputStream());
    }
}
