package org.marsad.skills.web;

import java.util.Locale;

import org.marsad.platform.ConflictException;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.PageQuery;
import org.marsad.platform.Validation;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.Role;
import org.marsad.platform.web.FormErrors;
import org.marsad.skills.ContributionKind;
import org.marsad.skills.demands.Demand;
import org.marsad.skills.demands.DemandStatus;
import org.marsad.skills.demands.DemandsApi;
import org.marsad.skills.demands.PlaceMode;
import org.marsad.skills.experts.ExpertsApi;
import org.marsad.skills.matching.MatchingApi;
import org.marsad.skills.missions.Mission;
import org.marsad.skills.missions.MissionsApi;
import org.marsad.skills.taxonomy.EscoTaxonomy;
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

/** Demands: list, form, publish and close, and the experts who match (for the demand's institution). */
@Controller
class DemandWebController {

    private final DemandsApi demands;
    private final MatchingApi matching;
    private final MissionsApi missions;
    private final EscoTaxonomy taxonomy;
    private final FormErrors formErrors;

    DemandWebController(DemandsApi demands, MatchingApi matching, MissionsApi missions, EscoTaxonomy taxonomy,
            FormErrors formErrors) {
        this.demands = demands;
        this.matching = matching;
        this.missions = missions;
        this.taxonomy = taxonomy;
        this.formErrors = formErrors;
    }

    @GetMapping("/skills/demands")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        CurrentUser.required();
        Validation v = Validation.start();
        DemandStatus s = ExpertsApi.enumValue(v, "status", status, DemandStatus.class);
        v.throwIfInvalid();
        model.addAttribute("status", s);
        model.addAttribute("statuses", DemandStatus.values());
        model.addAttribute("page", demands.list(s, null, PageQuery.of(page, 25, 25)));
        model.addAttribute("baseUrl", "/skills/demands?status=" + (s == null ? "" : s.name()));
        return htmx != null ? "skills/demands :: results" : "skills/demands";
    }

    @GetMapping("/skills/demands/new")
    String newForm(Model model) {
        CurrentUser.require(Role.INSTITUTION, Role.ADMIN);
        return form(model, DemandForm.empty(), null);
    }

    @PostMapping("/skills/demands")
    String create(@ModelAttribute DemandForm form, Model model, Locale locale, RedirectAttributes redirect) {
        CurrentUser.require(Role.INSTITUTION, Role.ADMIN);
        if (!form.saving()) {
            ExpertWebController.searches(model, form.action(), form.skillQuery(), form.occupationQuery(), taxonomy, locale);
            return form(model, form.edited(), null);
        }
        try {
            Demand created = demands.create(form.toInput());
            redirect.addFlashAttribute("notice", "skills.demands.created");
            return "redirect:/skills/demands/" + created.id();
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            model.addAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return form(model, form.edited(), null);
    }

    @GetMapping("/skills/demands/{id}")
    String show(@PathVariable long id, Model model) {
        Demand demand = demands.read(id);
        model.addAttribute("demand", demand);
        model.addAttribute("manage", demands.canManage(demand));
        return "skills/demand";
    }

    @GetMapping("/skills/demands/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Demand demand = demands.read(id);
        if (!demands.canManage(demand)) {
            throw new AccessDeniedException("demand of another organisation");
        }
        return form(model, DemandForm.of(demand), demand);
    }

    @PostMapping("/skills/demands/{id}")
    String update(@PathVariable long id, @ModelAttribute DemandForm form, Model model, Locale locale, RedirectAttributes redirect) {
        Demand demand = demands.read(id);
        if (!form.saving()) {
            ExpertWebController.searches(model, form.action(), form.skillQuery(), form.occupationQuery(), taxonomy, locale);
            return form(model, form.edited(), demand);
        }
        try {
            demands.update(id, form.toInput());
            redirect.addFlashAttribute("notice", "skills.demands.saved");
            return "redirect:/skills/demands/" + id;
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            model.addAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return form(model, form.edited(), demand);
    }

    @PostMapping("/skills/demands/{id}/publish")
    String publish(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        try {
            demands.publish(id);
            redirect.addFlashAttribute("notice", "skills.demands.published");
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return "redirect:/skills/demands/" + id;
    }

    @PostMapping("/skills/demands/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
        try {
            demands.close(id, reason);
            redirect.addFlashAttribute("notice", "skills.demands.closed");
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return "redirect:/skills/demands/" + id;
    }

    @GetMapping("/skills/demands/{id}/matches")
    String matches(@PathVariable long id, Model model) {
        Demand demand = demands.read(id);
        model.addAttribute("demand", demand);
        model.addAttribute("matches", matching.forDemand(id, 20));
        model.addAttribute("missions", missions.ofDemand(id));
        return "skills/matches";
    }

    @PostMapping("/skills/demands/{id}/propose")
    String propose(@PathVariable long id, @RequestParam long expertId, Locale locale, RedirectAttributes redirect) {
        try {
            Mission mission = missions.propose(id, expertId);
            redirect.addFlashAttribute("notice", "skills.missions.proposed");
            return "redirect:/skills/missions/" + mission.id();
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
            return "redirect:/skills/demands/" + id + "/matches";
        }
    }

    private String form(Model model, DemandForm form, Demand demand) {
        model.addAttribute("form", form);
        model.addAttribute("demand", demand);
        model.addAttribute("contributions", ContributionKind.values());
        model.addAttribute("placeModes", PlaceMode.values());
        model.addAttribute("occupation", form.occupationUri() == null ? null : taxonomy.find(form.occupationUri()).orElse(null));
        model.addAttribute("skillConcepts", ProfileForm.nz(form.skillUri()).stream()
                .map(uri -> taxonomy.find(uri).orElse(null)).toList());
        return "skills/demand-form";
    }
}
