package org.marsad.measures.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.marsad.measures.EvaluationStatus;
import org.marsad.measures.GapMatrix;
import org.marsad.measures.Measure;
import org.marsad.measures.MeasureFilter;
import org.marsad.measures.MeasureInput;
import org.marsad.measures.MeasureModel;
import org.marsad.measures.MeasuresApi;
import org.marsad.measures.MigrationPhase;
import org.marsad.measures.TargetGroup;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PageResult;
import org.marsad.platform.audit.AuditLog;
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
@RequestMapping("/api/v1/measures")
@Tag(name = "Measures", description = "The MISMES inventory of migrant support measures and its gap matrix")
class MeasureRestController {

    private final MeasuresApi measures;
    private final MeasureExport export;
    private final AuditLog audit;

    MeasureRestController(MeasuresApi measures, MeasureExport export, AuditLog audit) {
        this.measures = measures;
        this.export = export;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Measures of the inventory (paged), filtered by phase, ETF model, target group, organisation "
            + "(implementer or funder), evaluation status, framework node, initiative or text")
    PageResult<Measure> search(@RequestParam(required = false) MigrationPhase phase,
            @Parameter(description = "ETF model code, e.g. JOB_MATCHING") @RequestParam(required = false) String model,
            @RequestParam(required = false) String targetGroup,
            @Parameter(description = "organisation code, implementer or funder") @RequestParam(required = false) String organisation,
            @RequestParam(required = false) EvaluationStatus evaluation,
            @Parameter(description = "framework node code, e.g. MP2013.22") @RequestParam(required = false) String node,
            @Parameter(description = "initiative identifier") @RequestParam(required = false) String initiative,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return measures.search(filter(phase, model, targetGroup, organisation, evaluation, node, initiative, q),
                PageQuery.of(page, size, 50));
    }

    @GetMapping("/{code}")
    @Operation(summary = "One measure with its detail table, programmes, findings, lessons and links")
    Measure get(@PathVariable String code) {
        return measures.get(code);
    }

    @GetMapping("/gaps")
    @Operation(summary = "The gap matrix: counts by phase × model (for one target group, or all), by phase × target "
            + "group and for every phase × model × group; models, phases and groups without measures; the partnership "
            + "points related to each phase with their measures")
    GapMatrix gaps(@RequestParam(required = false) String targetGroup) {
        return measures.gaps(targetGroup);
    }

    @GetMapping("/reference")
    @Operation(summary = "The phases, the eleven ETF measure models and the target groups")
    Reference reference() {
        return new Reference(List.of(MigrationPhase.values()), measures.models(), measures.targetGroups(),
                List.of(EvaluationStatus.values()));
    }

    record Reference(List<MigrationPhase> phases, List<MeasureModel> models, List<TargetGroup> targetGroups,
            List<EvaluationStatus> evaluationStatuses) {
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "Every change of a measure: who, when, the record before and after")
    PageResult<AuditLog.AuditEntry> history(@PathVariable String code, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        measures.get(code);
        return audit.search(AuditLog.AuditFilter.forEntity("measure", code), PageQuery.of(page, size, 50));
    }

    @GetMapping("/export.csv")
    @Operation(summary = "The inventory as CSV (UTF-8), with the same filters; texts in the reader's language")
    void csv(@RequestParam(required = false) MigrationPhase phase, @RequestParam(required = false) String model,
            @RequestParam(required = false) String targetGroup, @RequestParam(required = false) String organisation,
            @RequestParam(required = false) EvaluationStatus evaluation, @RequestParam(required = false) String node,
            @RequestParam(required = false) String initiative, @RequestParam(required = false) String q,
            Locale locale, HttpServletResponse response) throws IOException {
        List<Measure> all = measures.all(filter(phase, model, targetGroup, organisation, evaluation, node, initiative, q));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"measures.csv\"");
        export.csv(all, locale, response.getOutputStream());
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "The inventory as an XLSX workbook, with the same filters; texts in the reader's language")
    void xlsx(@RequestParam(required = false) MigrationPhase phase, @RequestParam(required = false) String model,
            @RequestParam(required = false) String targetGroup, @RequestParam(required = false) String organisation,
            @RequestParam(required = false) EvaluationStatus evaluation, @RequestParam(required = false) String node,
            @RequestParam(required = false) String initiative, @RequestParam(required = false) String q,
            Locale locale, HttpServletResponse response) throws IOException {
        List<Measure> all = measures.all(filter(phase, model, targetGroup, organisation, evaluation, node, initiative, q));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"measures.xlsx\"");
        export.xlsx(all, locale, response.getOutputStream());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a measure (COORDINATOR, ADMIN; a FOCAL_POINT for a measure its organisation implements or funds)")
    Measure create(@RequestBody MeasureInput input) {
        return measures.create(input);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Change a measure (COORDINATOR, ADMIN; a FOCAL_POINT of an implementer or funder); send the version you read")
    Measure update(@PathVariable String code, @RequestBody MeasureInput input) {
        return measures.update(code, input);
    }

    @PostMapping("/{code}/withdrawal")
    @Operation(summary = "Withdraw a measure with a reason (COORDINATOR, ADMIN); it stays readable, nothing is deleted")
    Measure withdraw(@PathVariable String code, @RequestBody Withdrawal body) {
        return measures.withdraw(code, body == null ? null : body.reason());
    }

    record Withdrawal(String reason) {
    }

    static MeasureFilter filter(MigrationPhase phase, String model, String targetGroup, String organisation,
            EvaluationStatus evaluation, String node, String initiative, String q) {
        return new MeasureFilter(phase, blank(model), blank(targetGroup), blank(organisation), evaluation, blank(node),
                blank(initiative), blank(q), false);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
