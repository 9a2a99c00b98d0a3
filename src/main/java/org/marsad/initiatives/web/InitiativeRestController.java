package org.marsad.initiatives.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.marsad.initiatives.HistoryEntry;
import org.marsad.initiatives.IatiImportPreview;
import org.marsad.initiatives.Initiative;
import org.marsad.initiatives.InitiativeFilter;
import org.marsad.initiatives.InitiativeInput;
import org.marsad.initiatives.InitiativeSummary;
import org.marsad.initiatives.InitiativesApi;
import org.marsad.initiatives.StatusChange;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PageResult;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/initiatives")
@Tag(name = "Initiatives", description = "Partner initiatives (IATI 2.03 activities), their history, IATI export and import")
class InitiativeRestController {

    static final long MAX_IMPORT = 20L * 1024 * 1024;

    private final InitiativesApi initiatives;
    private final MessageSource messages;

    InitiativeRestController(InitiativesApi initiatives, MessageSource messages) {
        this.initiatives = initiatives;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "Initiatives, filtered and paged with the total; asOf gives the state and links of that day")
    PageResult<InitiativeSummary> list(
            @Parameter(description = "framework code, e.g. MP2013") @RequestParam(required = false) String framework,
            @Parameter(description = "node code; includes the nodes under it") @RequestParam(required = false) String node,
            @Parameter(description = "organisation code, alias (UE, OIM…), IATI identifier or id") @RequestParam(required = false) String partner,
            @Parameter(description = "IATI organisation role 1–4 or its name") @RequestParam(required = false) String role,
            @Parameter(description = "IATI activity status 1–6 or its name") @RequestParam(required = false) String status,
            @Parameter(description = "region of Morocco, MA-01 … MA-12") @RequestParam(required = false) String region,
            @RequestParam(required = false) String targetGroup,
            @Parameter(description = "full text (titles, descriptions), or a code or identifier") @RequestParam(required = false) String q,
            @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) String asOf,
            @Parameter(description = "code (default), status or title") @RequestParam(required = false) String order,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return initiatives.search(new InitiativeFilter(framework, node, partner, role, status, region, targetGroup, q, asOf),
                order, PageQuery.of(page, size, 50));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An initiative by id, IATI identifier or code, now or as of a date")
    Initiative get(@PathVariable String id, @RequestParam(required = false) String asOf) {
        return initiatives.get(id, date(asOf));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an initiative (FOCAL_POINT for their organisation, COORDINATOR, ADMIN)")
    Initiative create(@RequestBody InitiativeInput input) {
        return initiatives.create(input);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Record a new state of an initiative from asOf; send the version you read; a status change needs a comment")
    Initiative update(@PathVariable String id, @RequestBody InitiativeInput input) {
        return initiatives.update(initiatives.get(id, null).id(), input);
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Change the status from a date, with a comment")
    Initiative status(@PathVariable String id, @RequestBody StatusChange change) {
        return initiatives.changeStatus(initiatives.get(id, null).id(), change);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every recorded state, newest first: who, when, valid from, and each field before → after")
    List<HistoryEntry> history(@PathVariable String id) {
        return initiatives.history(initiatives.get(id, null).id());
    }

    @GetMapping(value = "/iati.xml", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "IATI 2.03 activities file of every initiative you may see, streamed; filter by reporting organisation")
    void iati(@Parameter(description = "reporting organisation: code, alias or IATI identifier") @RequestParam(required = false) String reportingOrg,
            HttpServletResponse response) throws IOException {
        // Checked before the first byte, so a bad filter is still a problem answer; then written as it is read.
        var writer = initiatives.iatiExport(reportingOrg);
        response.setContentType("application/xml;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"marsad-iati-activities.xml\"");
        writer.accept(response.getOutputStream());
    }

    @PostMapping(value = "/iati-imports", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Preview the import of an IATI activities file (the body): what would be created or changed; nothing changes yet")
    ImportAnswer preview(HttpServletRequest request, @RequestParam(required = false) String fileName, Locale locale)
            throws IOException {
        byte[] content = request.getInputStream().readNBytes((int) MAX_IMPORT + 1);
        if (content.length > MAX_IMPORT) {
            throw new InvalidInputException("file", "initiatives.iati.tooLarge", MAX_IMPORT / (1024 * 1024));
        }
        return answer(initiatives.previewIatiImport(fileName, content), locale);
    }

    @PostMapping(value = "/iati-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Preview the import of an uploaded IATI activities file (field 'file')")
    ImportAnswer previewUpload(@RequestParam("file") MultipartFile file, Locale locale) throws IOException {
        if (file.getSize() > MAX_IMPORT) {
            throw new InvalidInputException("file", "initiatives.iati.tooLarge", MAX_IMPORT / (1024 * 1024));
        }
        return answer(initiatives.previewIatiImport(file.getOriginalFilename(), file.getBytes()), locale);
    }

    @GetMapping("/iati-imports/{id}")
    @Operation(summary = "A previewed (or applied) import")
    ImportAnswer importPreview(@PathVariable UUID id, Locale locale) {
        return answer(initiatives.iatiImport(id), locale);
    }

    @PostMapping("/iati-imports/{id}/apply")
    @Operation(summary = "Apply a previewed import, all or nothing; 409 if the data changed since the preview")
    ImportAnswer apply(@PathVariable UUID id, Locale locale) {
        return answer(initiatives.applyIatiImport(id), locale);
    }

    /** A preview with its notes also written out in the reader's language. */
    record ImportAnswer(IatiImportPreview preview, List<String> notes) {
    }

    private ImportAnswer answer(IatiImportPreview preview, Locale locale) {
        List<String> notes = preview.activities().stream()
                .flatMap(a -> a.notes().stream()
                        .map(n -> a.identifier() + ": " + messages.getMessage(n.key(), n.args().toArray(), n.key(), locale)))
                .toList();
        return new ImportAnswer(preview, notes);
    }

    static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        }
        catch (DateTimeParseException e) {
            throw new InvalidInputException("asOf", "validation.date");
        }
    }
}
