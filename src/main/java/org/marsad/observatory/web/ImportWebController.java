package org.marsad.observatory.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.marsad.observatory.ImportJob;
import org.marsad.observatory.ImportMode;
import org.marsad.observatory.ImportTooLargeException;
import org.marsad.observatory.ObservatoryApi;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PageResult;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page (upload, mode, default source) and the page of one import, which polls its progress with htmx
 * while it runs and can be left and come back to: the import goes on in the background.
 */
@Controller
class ImportWebController {

    static final int ERRORS_PER_PAGE = 100;

    private final ObservatoryApi observatory;
    private final FormErrors formErrors;

    ImportWebController(ObservatoryApi observatory, FormErrors formErrors) {
        this.observatory = observatory;
        this.formErrors = formErrors;
    }

    @GetMapping("/observatory/datasets/{code}/import")
    String form(@PathVariable String code, Model model) {
        CurrentUser.require(ObservatoryApi.WRITERS);
        return form(code, model, ImportMode.ALL_OR_NOTHING, null);
    }

    private String form(String code, Model model, ImportMode mode, String source) {
        model.addAttribute("detail", observatory.dataset(code));
        model.addAttribute("sources", observatory.sources());
        model.addAttribute("modes", ImportMode.values());
        model.addAttribute("mode", mode);
        model.addAttribute("source", source);
        model.addAttribute("recent", observatory.imports(code, 10));
        model.addAttribute("maxMegabytes", observatory.maxImportBytes() / (1024 * 1024));
        return "observatory/import";
    }

    @PostMapping("/observatory/datasets/{code}/import")
    String upload(@PathVariable String code, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) ImportMode mode, @RequestParam(required = false) String source, Model model,
            Locale locale) throws IOException {
        CurrentUser.require(ObservatoryApi.WRITERS);
        ImportMode chosen = mode == null ? ImportMode.ALL_OR_NOTHING : mode;
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            model.addAttribute("errors", formErrors.of("file", "observatory.import.chooseFile", locale));
            return form(code, model, chosen, source);
        }
        try (InputStream in = file.getInputStream()) {
            ImportJob job = observatory.startImport(code, in, file.getOriginalFilename(), file.getContentType(), chosen, source, false);
            return "redirect:/observatory/imports/" + job.id();
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        catch (ImportTooLargeException e) {
            model.addAttribute("errors", formErrors.of(new InvalidInputException("file", "observatory.import.error.tooLarge",
                    e.maxMegabytes()), locale));
        }
        return form(code, model, chosen, source);
    }

    @GetMapping("/observatory/imports/{id}")
    String job(@PathVariable long id, @RequestParam(required = false) Integer page, Model model,
            @RequestHeader(value = "HX-Request", required = false) String htmx) {
        ImportJob job = observatory.importJob(id);
        PageQuery paging = PageQuery.of(page, ERRORS_PER_PAGE, ERRORS_PER_PAGE);
        long count = observatory.importErrorCount(id);
        model.addAttribute("job", job);
        model.addAttribute("errors", new PageResult<>(observatory.importErrors(id, paging.size(), paging.offset()),
                paging.page(), paging.size(), count));
        return htmx != null ? "observatory/import-job :: status" : "observatory/import-job";
    }

    @GetMapping("/observatory/imports")
    String jobs(@RequestParam(required = false) String dataset, Model model) {
        model.addAttribute("jobs", observatory.imports(dataset == null || dataset.isBlank() ? null : dataset, 100));
        return "observatory/imports";
    }
}
