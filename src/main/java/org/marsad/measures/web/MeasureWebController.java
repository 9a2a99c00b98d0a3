package org.marsad.measures.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.marsad.measures.EvaluationStatus;
import org.marsad.measures.Measure;
import org.marsad.measures.MeasureFilter;
import org.marsad.measures.MeasureModel;
import org.marsad.measures.MeasuresApi;
import org.marsad.measures.MigrationPhase;
import org.marsad.measures.Party;
import org.marsad.measures.TargetGroup;
import org.marsad.platform.ConflictException;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.PageQuery;
import org.marsad.platform.audit.AuditLog;
import org.marsad.platform.web.FormErrors;
import org.marsad.platform.web.Urls;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inventory with its filters, a measure's page, the gap matrix, and the edit form. */
@Controller
class MeasureWebController {

    private final MeasuresApi measures;
    private final AuditLog audit;
    private final FormErrors formErrors;

    MeasureWebController(MeasuresApi measures, AuditLog audit, FormErrors formErrors) {
        this.measures = measures;
        this.audit = audit;
        this.formErrors = formErrors;
    }

    @GetMapping("/measures")
    String list(@RequestParam(required = false) String phase,
            @RequestParam(name = "model", required = false) String measureModel,
            @RequestParam(required = false) String targetGroup, @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String evaluation, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model, Locale locale) {
        reference(model);
        model.addAttribute("phase", phase);
        model.addAttribute("selectedModel", measureModel);
        model.addAttribute("targetGroup", targetGroup);
        model.addAttribute("organisation", organisation);
        model.addAttribute("evaluation", evaluation);
        model.addAttribute("q", q);
        model.addAttribute("organisations", involvedOrganisations());
        model.addAttribute("phaseCounts", measures.countByPhase());
        String query = "phase=" + Urls.encode(phase) + "&model=" + Urls.encode(measureModel)
                + "&targetGroup=" + Urls.encode(targetGroup) + "&organisation=" + Urls.encode(organisation)
                + "&evaluation=" + Urls.encode(evaluation) + "&q=" + Urls.encode(q);
        model.addAttribute("baseUrl", "/measures?" + query);
        model.addAttribute("exportQuery", query);
        try {
            MeasureFilter filter = new MeasureFilter(parse(MigrationPhase.class, phase, "phase"), blank(measureModel),
                    blank(targetGroup), blank(organisation), parse(EvaluationStatus.class, evaluation, "evaluation"), null,
                    null, blank(q), false);
            model.addAttribute("page", measures.search(filter, PageQuery.of(page, 50, 50)));
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        return htmx != null ? "measures/list :: results" : "measures/list";
    }

    @GetMapping("/measures/gaps")
    String gaps(@RequestParam(required = false) String targetGroup,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        reference(model);
        try {
            model.addAttribute("matrix", measures.gaps(targetGroup));
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
            model.addAttribute("matrix", measures.gaps(null));
        }
        return htmx != null ? "measures/gaps :: matrix" : "measures/gaps";
    }

    @GetMapping("/measures/{code}")
    String show(@PathVariable String code, Model model) {
        Measure measure = measures.get(code);
        reference(model);
        model.addAttribute("measure", measure);
        model.addAttribute("initiatives", measures.initiativesOf(measure));
        model.addAttribute("canEdit", measures.canEdit(measure));
        model.addAttribute("history", audit.search(AuditLog.AuditFilter.forEntity("measure", code), new PageQuery(0, 20)).items());
        return "measures/show";
    }

    @GetMapping("/measures/new")
    String newForm(Model model) {
        if (!measures.canCreate()) {
            throw new AccessDeniedException("no right to create measures");
        }
        reference(model);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", MeasureForm.empty());
        }
        model.addAttribute("creating", true);
        return "measures/form";
    }

    @PostMapping("/measures")
    String create(@ModelAttribute("form") MeasureForm form, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            Measure created = measures.create(form.toInput(null));
            redirect.addFlashAttribute("notice", "measures.saved");
            return "redirect:/measures/" + created.code();
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            model.addAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        reference(model);
        model.addAttribute("creating", true);
        return "measures/form";
    }

    @GetMapping("/measures/{code}/edit")
    String editForm(@PathVariable String code, Model model) {
        Measure measure = measures.get(code);
        if (!measures.canEdit(measure)) {
            throw new AccessDeniedException("no right to edit measure " + code);
        }
        reference(model);
        model.addAttribute("measure", measure);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", MeasureForm.of(measure));
        }
        model.addAttribute("creating", false);
        return "measures/form";
    }

    @PostMapping("/measures/{code}")
    String update(@PathVariable String code, @ModelAttribute("form") MeasureForm form, Model model, Locale locale,
            RedirectAttributes redirect) {
        Measure existing = measures.get(code);
        try {
            measures.update(code, form.toInput(existing));
            redirect.addFlashAttribute("notice", "measures.saved");
            return "redirect:/measures/" + code;
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            model.addAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        reference(model);
        model.addAttribute("measure", existing);
        model.addAttribute("creating", false);
        return "measures/form";
    }

    @PostMapping("/measures/{code}/withdrawal")
    String withdraw(@PathVariable String code, @RequestParam(required = false) String reason, Locale locale,
            RedirectAttributes redirect) {
        try {
            measures.withdraw(code, reason);
            redirect.addFlashAttribute("notice", "measures.withdrawn");
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("withdrawErrors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("withdrawErrors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return "redirect:/measures/" + code;
    }

    private void reference(Model model) {
        List<MeasureModel> models = measures.models();
        List<TargetGroup> groups = measures.targetGroups();
        model.addAttribute("canCreate", measures.canCreate());
        model.addAttribute("phases", MigrationPhase.values());
        model.addAttribute("evaluations", EvaluationStatus.values());
        model.addAttribute("models", models);
        model.addAttribute("groups", groups);
        model.addAttribute("modelsByCode", models.stream().collect(Collectors.toMap(MeasureModel::code, Function.identity(),
                (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("groupsByCode", groups.stream().collect(Collectors.toMap(TargetGroup::code, Function.identity(),
                (a, b) -> a, LinkedHashMap::new)));
    }

    /** The organisations that implement or fund at least one measure: the choices of the organisation filter. */
    private List<Party> involvedOrganisations() {
        Map<String, Party> parties = new LinkedHashMap<>();
        for (Measure m : measures.all(MeasureFilter.all())) {
            m.implementers().forEach(p -> parties.putIfAbsent(p.code(), p));
            m.funders().forEach(p -> parties.putIfAbsent(p.code(), p));
        }
        return parties.values().stream().sorted(Comparator.comparing(Party::code)).toList();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "validation.unknown");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
