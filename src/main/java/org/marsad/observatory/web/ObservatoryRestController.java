package org.marsad.observatory.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.marsad.observatory.Codelist;
import org.marsad.observatory.Comparison;
import org.marsad.observatory.DataResult;
import org.marsad.observatory.Dataset;
import org.marsad.observatory.DatasetCheck;
import org.marsad.observatory.DatasetDetail;
import org.marsad.observatory.DatasetSummary;
import org.marsad.observatory.ImportJob;
import org.marsad.observatory.ImportMode;
import org.marsad.observatory.ImportTooLargeException;
import org.marsad.observatory.NewCodelist;
import org.marsad.observatory.NewDataset;
import org.marsad.observatory.NewSource;
import org.marsad.observatory.ObservatoryApi;
import org.marsad.observatory.Source;
import org.marsad.observatory.internal.Exports;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PageResult;
import org.marsad.platform.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/observatory")
@Tag(name = "Observatory", description = "Statistical datasets: structures, codelists, sources, data by SDMX key, "
        + "derived figures, checks of published figures, comparison of sources, imports and exports (SDMX-CSV 2.0)")
class ObservatoryRestController {

    private final ObservatoryApi observatory;
    private final DataRequests requests;
    private final Problems problems;
    private final MessageSource messages;

    ObservatoryRestController(ObservatoryApi observatory, DataRequests requests, Problems problems, MessageSource messages) {
        this.observatory = observatory;
        this.requests = requests;
        this.problems = problems;
        this.messages = messages;
    }

    @GetMapping("/datasets")
    @Operation(summary = "The catalogue: published datasets, filtered by free text and theme (paged)")
    PageResult<DatasetSummary> datasets(@RequestParam(required = false) String q, @RequestParam(required = false) String theme,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageQuery paging = PageQuery.of(page, size, 50);
        List<DatasetSummary> all = observatory.catalogue(q, theme);
        int from = Math.min(paging.offset(), all.size());
        return new PageResult<>(all.subList(from, Math.min(from + paging.size(), all.size())), paging.page(), paging.size(), all.size());
    }

    @GetMapping("/datasets/{code}")
    @Operation(summary = "A dataset: structure (dimensions, measure, unit, aggregates), codelists, sources, notes, citations")
    DatasetDetail dataset(@PathVariable String code) {
        return observatory.dataset(code);
    }

    @PostMapping("/datasets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a dataset structure (DATA_STEWARD, COORDINATOR); observations come by import")
    Dataset create(@RequestBody NewDataset dataset) {
        return observatory.createDataset(dataset);
    }

    @PutMapping("/datasets/{code}/publication")
    @Operation(summary = "Publish a dataset or withdraw it from public view (DATA_STEWARD, COORDINATOR); send the version you read")
    Dataset publication(@PathVariable String code, @RequestBody Publication body) {
        return observatory.publish(code, Boolean.TRUE.equals(body.published()), body.version());
    }

    record Publication(Boolean published, Integer version) {
    }

    @GetMapping("/datasets/{code}/check")
    @Operation(summary = "Published figures (shares, changes, growth rates, totals) beside the values recomputed from the counts")
    DatasetCheck check(@PathVariable String code) {
        return observatory.check(code);
    }

    @GetMapping(value = "/datasets/{code}/template.csv", produces = "text/csv")
    @Operation(summary = "The CSV header an import of this dataset expects")
    ResponseEntity<String> template(@PathVariable String code) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + code + "-template.csv\"")
                .body(observatory.csvTemplate(code));
    }

    @GetMapping("/data/{code}/{key}")
    @Operation(summary = "Data by SDMX key: dot-separated codes, an empty position is a wildcard, + separates alternatives, "
            + "'all' is every series. JSON by default; SDMX-CSV 2.0 with Accept: application/vnd.sdmx.data+csv;version=2.0.0 "
            + "or format=sdmx-csv; also format=csv or xlsx")
    ResponseEntity<?> data(@PathVariable String code, @PathVariable String key,
            @Parameter(description = "first period, e.g. 1998, 2007-Q1, 2007-03") @RequestParam(required = false) String startPeriod,
            @RequestParam(required = false) String endPeriod,
            @Parameter(description = "source codes, + separated") @RequestParam(required = false) List<String> source,
            @Parameter(description = "the values as they stood then (ISO date or date-time)") @RequestParam(required = false) String asOf,
            @Parameter(description = "share, change, pct_change, growth_linear, cagr (comma-separated)") @RequestParam(required = false) String derive,
            @Parameter(description = "for share: the dimension whose total is the base") @RequestParam(required = false) String shareBy,
            @Parameter(description = "sum over the other dimensions, grouping by these (one or two)") @RequestParam(required = false) String groupBy,
            @Parameter(description = "json, sdmx-csv, csv or xlsx") @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Locale locale,
            HttpServletResponse response) throws IOException {
        var query = requests.query(key, source, startPeriod, endPeriod, asOf, derive, shareBy, groupBy);
        Exports.Format download = requests.format(format, accept);
        if (download == null) {
            DataResult result = observatory.data(code, query);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
        }
        requests.download(code, query, download, locale, response);
        return null;
    }

    @PostMapping(value = "/datasets/{code}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a file (multipart field 'file': SDMX-CSV, CSV or XLSX) into a dataset (DATA_STEWARD, COORDINATOR). "
            + "mode: ALL_OR_NOTHING (default) or ACCEPT_VALID; source: default source for rows without DATA_SOURCE; "
            + "async=true answers 202 at once with the job to poll")
    ResponseEntity<ImportReport> importMultipart(@PathVariable String code, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) ImportMode mode, @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "false") boolean async, Locale locale) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return report(observatory.startImport(code, in, file.getOriginalFilename(), file.getContentType(), mode, source, !async),
                    locale);
        }
    }

    @PostMapping(value = "/datasets/{code}/imports", consumes = {"text/csv", "application/vnd.sdmx.data+csv", Exports.XLSX_TYPE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import a file sent as the request body (text/csv, application/vnd.sdmx.data+csv or XLSX); same parameters, "
            + "plus fileName")
    ResponseEntity<ImportReport> importBody(@PathVariable String code, HttpServletRequest request,
            @RequestParam(required = false) ImportMode mode, @RequestParam(required = false) String source,
            @RequestParam(required = false) String fileName, @RequestParam(defaultValue = "false") boolean async, Locale locale)
            throws IOException {
        if (request.getContentLengthLong() > observatory.maxImportBytes()) {
            throw new ImportTooLargeException(observatory.maxImportBytes());
        }
        try (InputStream in = request.getInputStream()) {
            return report(observatory.startImport(code, in, fileName == null ? "body" : fileName, request.getContentType(), mode,
                    source, !async), locale);
        }
    }

    @GetMapping("/imports/{id}")
    @Operation(summary = "An import: its progress, or its outcome with the rejected rows (line, column, value, reason), paged")
    ImportReport importJob(@PathVariable long id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Locale locale) {
        PageQuery paging = PageQuery.of(page, size, 200);
        return ImportReport.of(observatory.importJob(id), observatory.importErrorCount(id),
                observatory.importErrors(id, paging.size(), paging.offset()), messages, locale);
    }

    @GetMapping("/imports")
    @Operation(summary = "Recent imports, of one dataset or all (DATA_STEWARD, COORDINATOR)")
    List<ImportJob> imports(@RequestParam(required = false) String dataset) {
        return observatory.imports(dataset, 100);
    }

    @GetMapping("/compare")
    @Operation(summary = "One indicator and place from every source that gives it, period by period, with the sources' definitions")
    Comparison compare(@RequestParam String dataset, @RequestParam(defaultValue = "all") String key,
            @RequestParam(required = false) List<String> source, @RequestParam(required = false) String startPeriod,
            @RequestParam(required = false) String endPeriod) {
        return observatory.compare(dataset, key, source, startPeriod, endPeriod);
    }

    @GetMapping("/codelists")
    @Operation(summary = "Every codelist with its codes and labels")
    List<Codelist> codelists() {
        return observatory.codelists();
    }

    @GetMapping("/codelists/{code}")
    @Operation(summary = "A codelist with its codes, labels, hierarchy and (for countries) ISO alpha-3 codes")
    Codelist codelist(@PathVariable String code) {
        return observatory.codelist(code);
    }

    @PostMapping("/codelists")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a codelist (DATA_STEWARD, COORDINATOR)")
    Codelist createCodelist(@RequestBody NewCodelist codelist) {
        return observatory.createCodelist(codelist);
    }

    @GetMapping("/sources")
    @Operation(summary = "Every source with its definition")
    List<Source> sources() {
        return observatory.sources();
    }

    @GetMapping("/sources/{code}")
    @Operation(summary = "A source with its definition and citations")
    Source source(@PathVariable String code) {
        return observatory.source(code);
    }

    @PostMapping("/sources")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a source (DATA_STEWARD, COORDINATOR)")
    Source createSource(@RequestBody NewSource source) {
        return observatory.createSource(source);
    }

    @ExceptionHandler(ImportTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(ImportTooLargeException e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(request, HttpStatus.CONTENT_TOO_LARGE, "observatory.import.error.tooLarge",
                e.maxMegabytes());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    private ResponseEntity<ImportReport> report(ImportJob job, Locale locale) {
        ImportReport report = ImportReport.of(job, observatory.importErrorCount(job.id()),
                observatory.importErrors(job.id(), 1000, 0), messages, locale);
        URI location = URI.create("/api/v1/observatory/imports/" + job.id());
        return ResponseEntity.status(job.finished() ? HttpStatus.CREATED : HttpStatus.ACCEPTED).location(location).body(report);
    }

    /** An import and its rejected rows, each with its reason in the reader's language. */
    record ImportReport(ImportJob job, String message, long errorCount, List<ReportedError> errors) {

        static ImportReport of(ImportJob job, long count, List<ImportJob.Error> errors, MessageSource messages, Locale locale) {
            String message = job.errorKey() == null ? null
                    : messages.getMessage(job.errorKey(), job.errorArgs().toArray(), job.errorKey(), locale);
            return new ImportReport(job, message, count, errors.stream().map(e -> new ReportedError(e.line(), e.column(), e.value(),
                    e.reason(), messages.getMessage(e.reason(), e.args().toArray(), e.reason(), locale))).toList());
        }
    }

    record ReportedError(long line, String column, String value, String reason, String message) {
    }
}
