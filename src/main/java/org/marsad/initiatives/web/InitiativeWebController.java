package org.marsad.initiatives.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.marsad.frameworks.Framework;
import org.marsad.frameworks.FrameworkNode;
import org.marsad.frameworks.FrameworksApi;
import org.marsad.indicators.IndicatorsApi;
import org.marsad.initiatives.ActivityStatus;
import org.marsad.initiatives.BudgetType;
import org.marsad.initiatives.IatiImportPreview;
import org.marsad.initiatives.Initiative;
import org.marsad.initiatives.InitiativeFilter;
import org.marsad.initiatives.InitiativesApi;
import org.marsad.initiatives.MoroccoRegion;
import org.marsad.initiatives.OrganisationRole;
import org.marsad.initiatives.StatusChange;
import org.marsad.initiatives.TargetGroup;
import org.marsad.initiatives.TransactionType;
import org.marsad.initiatives.Visibility;
import org.marsad.platform.ConflictException;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.Language;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.OrganisationDirectory;
import org.marsad.platform.PageQuery;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of initiatives: the filtered list, one initiative (now or as of a date), its history, the form, IATI import. */
@Controller
class InitiativeWebController {

    private final InitiativesApi initiatives;
    private final FrameworksApi frameworks;
    private final OrganisationDirectory organisations;
    private final FormErrors formErrors;

    private final IndicatorsApi indicators;

    InitiativeWebController(InitiativesApi initiatives, FrameworksApi frameworks, OrganisationDirectory organisations,
            FormErrors formErrors, IndicatorsApi indicators) {
        this.initiatives = initiatives;
        this.indicators = indicators;
        this.frameworks = frameworks;
        this.organisations = organisations;
        this.formErrors = formErrors;
    }

    @GetMapping("/initiatives")
    String list(@ModelAttribute("filter") ListFilter filter, @RequestParam(required = false) Integer page,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        model.addAttribute("policies", policies());
        model.addAttribute("statuses", ActivityStatus.values());
        model.addAttribute("roles", OrganisationRole.values());
        model.addAttribute("regions", MoroccoRegion.values());
        model.addAttribute("targetGroups", TargetGroup.values());
        try {
            model.addAttribute("page", initiatives.search(filter.toFilter(), filter.order(), PageQuery.of(page, 50, 50)));
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        model.addAttribute("baseUrl", "/initiatives?" + filter.query());
        return htmx != null ? "initiatives/list :: results" : "initiatives/list";
    }

    /** The list's filters as the form sends them. */
    record ListFilter(String framework, String node, String partner, String role, String status, String region,
            String targetGroup, String q, String asOf, String order) {

        InitiativeFilter toFilter() {
            return new InitiativeFilter(framework, node, partner, role, status, region, targetGroup, q, asOf);
        }

        String query() {
            return "framework=" + enc(framework) + "&node=" + enc(node) + "&partner=" + enc(partner) + "&role=" + enc(role)
                    + "&status=" + enc(status) + "&region=" + enc(region) + "&targetGroup=" + enc(targetGroup)
                    + "&q=" + enc(q) + "&asOf=" + enc(asOf) + "&order=" + enc(order);
        }
    }

    @GetMapping("/initiatives/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String asOf, Model model, Locale locale) {
        LocalDate date = null;
        try {
            date = InitiativeRestController.date(asOf);
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        Initiative initiative = initiatives.get(id, date);
        model.addAttribute("initiative", initiative);
        model.addAttribute("asOf", date);
        model.addAttribute("canEdit", date == null && initiatives.canEdit(CurrentUser.get().orElse(null), initiative.ref()));
        model.addAttribute("indicators", indicators.search(null, initiative.ref().stableIdentifier(), null,
                PageQuery.of(null, 100, 100)).items());
        model.addAttribute("statuses", ActivityStatus.values());
        model.addAttribute("today", LocalDate.now());
        return "initiatives/show";
    }

    @GetMapping("/initiatives/{id}/history")
    String history(@PathVariable long id, Model model) {
        model.addAttribute("initiative", initiatives.get(id));
        model.addAttribute("history", initiatives.history(id));
        return "initiatives/history";
    }

    @GetMapping("/initiatives/new")
    String newForm(Model model) {
        MarsadPrincipal user = CurrentUser.require(Role.FOCAL_POINT, Role.COORDINATOR, Role.ADMIN);
        String own = user.organisationId() == null ? null
                : organisations.find(user.organisationId()).map(OrganisationDirectory.OrganisationRef::code).orElse(null);
        return form(model, InitiativeForm.empty(own), null);
    }

    @PostMapping("/initiatives")
    String create(@ModelAttribute InitiativeForm form, Model model, Locale locale, RedirectAttributes redirect) {
        CurrentUser.require(Role.FOCAL_POINT, Role.COORDINATOR, Role.ADMIN);
        try {
            Initiative created = initiatives.create(form.toInput(List.of(), locale.getLanguage()));
            redirect.addFlashAttribute("notice", "initiatives.created");
            return "redirect:/initiatives/" + created.id();
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            model.addAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return form(model, form, null);
    }

    @GetMapping("/initiatives/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        CurrentUser.require(Role.FOCAL_POINT, Role.COORDINATOR, Role.ADMIN);
        Initiative initiative = initiatives.get(id);
        if (!initiatives.canEdit(CurrentUser.get().orElse(null), initiative.ref())) {
            throw new org.springframework.security.access.AccessDeniedException("not an initiative of the user's organisation");
        }
        return form(model, InitiativeForm.of(initiative), initiative);
    }

    @PostMapping("/initiatives/{id}")
    String update(@PathVariable long id, @ModelAttribute InitiativeForm form, Model model, Locale locale,
            RedirectAttributes redirect) {
        CurrentUser.require(Role.FOCAL_POINT, Role.COORDINATOR, Role.ADMIN);
        Initiative current = initiatives.get(id);
        try {
            initiatives.update(id, form.toInput(current.sources(), locale.getLanguage()));
            redirect.addFlashAttribute("notice", "initiatives.saved");
            return "redirect:/initiatives/" + id;
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            model.addAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return form(model, form, current);
    }

    @PostMapping("/initiatives/{id}/status")
    String changeStatus(@PathVariable long id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String comment,
            @RequestParam(required = false) Integer version, Locale locale, RedirectAttributes redirect) {
        LocalizedText text = comment == null || comment.isBlank() ? null : switch (Language.of(locale)) {
            case AR -> LocalizedText.of(null, comment, null);
            case EN -> LocalizedText.of(null, null, comment);
            case FR -> LocalizedText.french(comment);
        };
        try {
            initiatives.changeStatus(id, new StatusChange(status, asOf, text, version));
            redirect.addFlashAttribute("notice", "initiatives.statusChanged");
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("statusErrors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("statusErrors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return "redirect:/initiatives/" + id + "#status";
    }

    @GetMapping("/initiatives/imports")
    String importForm() {
        CurrentUser.require(Role.FOCAL_POINT, Role.COORDINATOR, Role.ADMIN);
        return "initiatives/import";
    }

    @PostMapping("/initiatives/imports")
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, Model model, Locale locale)
            throws IOException {
        CurrentUser.require(Role.FOCAL_POINT, Role.COORDINATOR, Role.ADMIN);
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "validation.required");
            }
            if (file.getSize() > InitiativeRestController.MAX_IMPORT) {
                throw new InvalidInputException("file", "initiatives.iati.tooLarge",
                        InitiativeRestController.MAX_IMPORT / (1024 * 1024));
            }
            IatiImportPreview preview = initiatives.previewIatiImport(file.getOriginalFilename(), file.getBytes());
            return "redirect:/initiatives/imports/" + preview.id();
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
            model.addAttribute("problems", e.errors().size());
        }
        return "initiatives/import";
    }

    @GetMapping("/initiatives/imports/{id}")
    String preview(@PathVariable UUID id, Model model) {
        model.addAttribute("preview", initiatives.iatiImport(id));
        return "initiatives/import-preview";
    }

    @PostMapping("/initiatives/imports/{id}/apply")
    String apply(@PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
        try {
            initiatives.applyIatiImport(id);
            redirect.addFlashAttribute("notice", "initiatives.iati.applied");
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return "redirect:/initiatives/imports/" + id;
    }

    private String form(Model model, InitiativeForm form, Initiative initiative) {
        model.addAttribute("form", form);
        model.addAttribute("initiative", initiative);
        model.addAttribute("editing", initiative != null);
        model.addAttribute("statuses", ActivityStatus.values());
        model.addAttribute("roles", OrganisationRole.values());
        model.addAttribute("budgetTypes", BudgetType.values());
        model.addAttribute("transactionTypes", TransactionType.values());
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("regions", MoroccoRegion.values());
        model.addAttribute("targetGroups", TargetGroup.values());
        model.addAttribute("organisations", organisations.all());
        Map<Framework, List<FrameworkNode>> nodes = new LinkedHashMap<>();
        policies().forEach(f -> nodes.put(f, frameworks.nodes(f.code())));
        model.addAttribute("nodes", nodes);
        return "initiatives/form";
    }

    private List<Framework> policies() {
        return frameworks.list().stream().filter(f -> f.kind().policy()).toList();
    }

    static String enc(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
