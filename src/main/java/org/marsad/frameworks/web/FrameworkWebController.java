package org.marsad.frameworks.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.marsad.documents.DocumentsApi;
import org.marsad.frameworks.Framework;
import org.marsad.frameworks.FrameworkStatus;
import org.marsad.frameworks.FrameworksApi;
import org.marsad.frameworks.LinkBasis;
import org.marsad.frameworks.LinkRelation;
import org.marsad.frameworks.NewLink;
import org.marsad.platform.ConflictException;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;
import org.marsad.platform.web.FormErrors;
import org.marsad.platform.web.Urls;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The framework browser: frameworks and instruments, a framework's tree, a node's page, node search. */
@Controller
class FrameworkWebController {

    private final FrameworksApi frameworks;
    private final DocumentsApi documents;
    private final FormErrors formErrors;

    FrameworkWebController(FrameworksApi frameworks, DocumentsApi documents, FormErrors formErrors) {
        this.frameworks = frameworks;
        this.documents = documents;
        this.formErrors = formErrors;
    }

    @GetMapping("/frameworks")
    String index(@RequestParam(required = false) String q, @RequestParam(required = false) String framework,
            @RequestParam(required = false) Integer page, @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model, Locale locale) {
        List<Framework> all = frameworks.list();
        model.addAttribute("policies", all.stream().filter(f -> f.kind().policy()).toList());
        model.addAttribute("instruments", all.stream().filter(f -> !f.kind().policy())
                .sorted(Comparator.comparing((Framework f) -> f.kind().ordinal()).thenComparing(Framework::code)).toList());
        model.addAttribute("q", q);
        model.addAttribute("framework", framework);
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("hits", frameworks.search(q, framework, PageQuery.of(page, 30, 30)));
                model.addAttribute("baseUrl", "/frameworks?q=" + Urls.encode(q) + "&framework=" + Urls.encode(framework));
            }
            catch (InvalidInputException e) {
                model.addAttribute("errors", formErrors.of(e, locale));
            }
        }
        return htmx != null ? "frameworks/index :: results" : "frameworks/index";
    }

    @GetMapping("/frameworks/{code}")
    String framework(@PathVariable String code, Model model) {
        model.addAttribute("framework", frameworks.get(code));
        model.addAttribute("tree", flatten(frameworks.tree(code), 0, new ArrayList<>()));
        model.addAttribute("reportCounts", frameworks.reportCounts(code));
        model.addAttribute("statuses", FrameworkStatus.values());
        return "frameworks/framework";
    }

    @GetMapping("/frameworks/{code}/nodes/{nodeCode}")
    String node(@PathVariable String code, @PathVariable String nodeCode, Model model) {
        model.addAttribute("detail", frameworks.node(code, nodeCode));
        if (!model.containsAttribute("linkForm")) {
            model.addAttribute("linkForm", LinkForm.empty());
        }
        model.addAttribute("relations", LinkRelation.values());
        model.addAttribute("bases", LinkBasis.values());
        model.addAttribute("documents", documents.list());
        model.addAttribute("targets", frameworks.list().stream().filter(f -> !f.code().equals(code) && f.kind().policy()).toList());
        return "frameworks/node";
    }

    @PostMapping("/frameworks/{code}/nodes/{nodeCode}/links")
    String addLink(@PathVariable String code, @PathVariable String nodeCode, @ModelAttribute LinkForm form,
            Locale locale, RedirectAttributes redirect) {
        String anchor = "#links";
        try {
            frameworks.node(code, nodeCode);
            frameworks.addLink(form.toNewLink(nodeCode));
            redirect.addFlashAttribute("notice", "frameworks.linkAdded");
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("linkErrors", formErrors.of(e, locale));
            redirect.addFlashAttribute("linkForm", form);
            anchor = "#add-link";
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("linkErrors", formErrors.of(e.field(), e.getMessage(), locale));
            redirect.addFlashAttribute("linkForm", form);
            anchor = "#add-link";
        }
        return "redirect:/frameworks/" + code + "/nodes/" + nodeCode + anchor;
    }

    @PostMapping("/frameworks/{code}/nodes/{nodeCode}/links/{id}/removal")
    String removeLink(@PathVariable String code, @PathVariable String nodeCode, @PathVariable long id,
            @RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
        try {
            frameworks.removeLink(id, reason);
            redirect.addFlashAttribute("notice", "frameworks.linkRemoved");
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("linkErrors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("linkErrors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return "redirect:/frameworks/" + code + "/nodes/" + nodeCode + "#links";
    }

    @PostMapping("/frameworks/{code}/nodes/{nodeCode}/title")
    String translateTitle(@PathVariable String code, @PathVariable String nodeCode, @RequestParam(required = false) String fr,
            @RequestParam(required = false) String en, @RequestParam(required = false) String ar,
            @RequestParam(required = false) Integer version, Locale locale, RedirectAttributes redirect) {
        frameworks.node(code, nodeCode);
        try {
            frameworks.updateNodeTitle(nodeCode, LocalizedText.of(fr, ar, en), version);
            redirect.addFlashAttribute("notice", "frameworks.titleSaved");
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("titleErrors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("titleErrors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return "redirect:/frameworks/" + code + "/nodes/" + nodeCode;
    }

    @PostMapping("/frameworks/{code}/status")
    String updateStatus(@PathVariable String code, @RequestParam(required = false) FrameworkStatus status,
            @RequestParam(required = false) String statusReportedOn, @RequestParam(required = false) Integer version,
            Locale locale, RedirectAttributes redirect) {
        try {
            PartialDate reportedOn = PartialDate.parse("statusReportedOn", statusReportedOn);
            frameworks.updateStatus(code, new FrameworksApi.StatusUpdate(status, reportedOn, null, version));
            redirect.addFlashAttribute("notice", "frameworks.statusSaved");
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("statusErrors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("statusErrors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return "redirect:/frameworks/" + code;
    }

    /** The tree in reading order, each node with its depth: rendered as an indented list. */
    static List<TreeRow> flatten(List<org.marsad.frameworks.TreeNode> nodes, int depth, List<TreeRow> rows) {
        for (var t : nodes) {
            rows.add(new TreeRow(t, depth));
            flatten(t.children(), depth + 1, rows);
        }
        return rows;
    }

    record TreeRow(org.marsad.frameworks.TreeNode t, int depth) {
    }


    /** The add-link form; an optional citation is given as document, locator and line range. */
    record LinkForm(String to, String relation, String basis, String rationaleFr, String rationaleEn, String rationaleAr,
            String sourceDocument, String sourceLocator, Integer sourceFrom, Integer sourceTo) {

        static LinkForm empty() {
            return new LinkForm("", "RELATED", "PROPOSED", "", "", "", "", "", null, null);
        }

        NewLink toNewLink(String from) {
            List<InvalidInputException.FieldError> errors = new ArrayList<>();
            LinkRelation rel = parse(LinkRelation.class, relation, "relation", errors);
            LinkBasis bas = parse(LinkBasis.class, basis, "basis", errors);
            List<SourceCitation> sources = new ArrayList<>();
            if (sourceDocument != null && !sourceDocument.isBlank()) {
                if (sourceFrom == null || sourceTo == null || sourceFrom < 1 || sourceTo < sourceFrom) {
                    errors.add(new InvalidInputException.FieldError("sourceFrom", "frameworks.badLines", new Object[0]));
                }
                else {
                    sources.add(new SourceCitation(sourceDocument, sourceLocator == null || sourceLocator.isBlank()
                            ? "l. " + sourceFrom + "–" + sourceTo : sourceLocator.strip(), sourceFrom, sourceTo, null));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return new NewLink(from, to == null ? null : to.strip(), rel, bas, LocalizedText.of(rationaleFr, rationaleAr, rationaleEn), sources);
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String value, String field,
                List<InvalidInputException.FieldError> errors) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            }
            catch (IllegalArgumentException e) {
                errors.add(new InvalidInputException.FieldError(field, "validation.unknown", new Object[0]));
                return null;
            }
        }
    }
}
