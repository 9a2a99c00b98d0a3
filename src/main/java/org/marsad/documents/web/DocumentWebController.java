package org.marsad.documents.web;

import java.util.Locale;

import org.marsad.documents.DocumentsApi;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.PageQuery;
import org.marsad.platform.web.FormErrors;
import org.marsad.platform.web.Urls;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class DocumentWebController {

    private final DocumentsApi documents;
    private final FormErrors formErrors;

    DocumentWebController(DocumentsApi documents, FormErrors formErrors) {
        this.documents = documents;
        this.formErrors = formErrors;
    }

    /** The library and its search; with {@code HX-Request} only the results are rendered. */
    @GetMapping("/documents")
    String library(@RequestParam(required = false) String q, @RequestParam(required = false) String document,
            @RequestParam(required = false) Integer page, @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model, Locale locale) {
        model.addAttribute("documents", documents.list());
        model.addAttribute("q", q);
        model.addAttribute("document", document);
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("hits", documents.search(q, document, PageQuery.of(page, 20, 20)));
                model.addAttribute("baseUrl", "/documents?q=" + Urls.encode(q) + (document == null ? "" : "&document=" + Urls.encode(document)));
            }
            catch (InvalidInputException e) {
                model.addAttribute("errors", formErrors.of(e, locale));
            }
        }
        return htmx != null ? "documents/library :: results" : "documents/library";
    }

    /** The reader: the whole text, passage by passage, every line anchored ({@code #L123}); a cited range is highlighted. */
    @GetMapping("/documents/{code}")
    String read(@PathVariable String code, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to, Model model) {
        var text = documents.text(code);
        Integer end = to == null ? from : to;
        model.addAttribute("text", text);
        model.addAttribute("from", from);
        model.addAttribute("to", end);
        return "documents/reader";
    }

}
