package org.marsad.skills.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.marsad.platform.InvalidInputException;
import org.marsad.platform.Language;
import org.marsad.platform.NotFoundException;
import org.marsad.platform.PageQuery;
import org.marsad.platform.Validation;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.Role;
import org.marsad.platform.web.FormErrors;
import org.marsad.skills.ConceptRef;
import org.marsad.skills.experts.ExpertsApi;
import org.marsad.skills.networks.NetworksApi;
import org.marsad.skills.notifications.NotificationState;
import org.marsad.skills.notifications.Notifications;
import org.marsad.skills.outcomes.OutcomesApi;
import org.marsad.skills.taxonomy.Concept;
import org.marsad.skills.taxonomy.ConceptType;
import org.marsad.skills.taxonomy.EscoTaxonomy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The module's front page, the ESCO pages, networks, notifications and the outcomes dashboard. */
@Controller
class SkillsWebController {

    private final OutcomesApi outcomes;
    private final EscoTaxonomy taxonomy;
    private final NetworksApi networks;
    private final Notifications notifications;
    private final FormErrors formErrors;

    SkillsWebController(OutcomesApi outcomes, EscoTaxonomy taxonomy, NetworksApi networks, Notifications notifications,
            FormErrors formErrors) {
        this.outcomes = outcomes;
        this.taxonomy = taxonomy;
        this.networks = networks;
        this.notifications = notifications;
        this.formErrors = formErrors;
    }

    @GetMapping("/skills")
    String index(Model model) {
        model.addAttribute("outcomes", outcomes.outcomes());
        return "skills/index";
    }

    @GetMapping("/skills/taxonomy")
    String taxonomy(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        if (q != null && !q.isBlank()) {
            try {
                Validation v = Validation.start();
                if (q.length() > TaxonomyRestController.MAX_QUERY) {
                    v.reject("q", "validation.maxLength", TaxonomyRestController.MAX_QUERY);
                }
                EscoTaxonomy.Kind kind = TaxonomyRestController.kind(v, type);
                v.throwIfInvalid();
                model.addAttribute("hits", taxonomy.search(q, Language.of(locale), kind, 30));
            }
            catch (InvalidInputException e) {
                model.addAttribute("errors", formErrors.of(e, locale));
            }
        }
        return htmx != null ? "skills/taxonomy :: results" : "skills/taxonomy";
    }

    /** Suggestions for a form's search box: buttons that add a skill or pick an occupation (fragment). */
    @GetMapping("/skills/taxonomy/suggest")
    String suggest(@RequestParam(required = false) String q, @RequestParam(required = false) String skillQuery,
            @RequestParam(required = false) String occupationQuery, @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "addSkill") String name, Model model, Locale locale) {
        if (q == null || q.isBlank()) {
            q = skillQuery != null && !skillQuery.isBlank() ? skillQuery : occupationQuery;
        }
        Validation v = Validation.start();
        EscoTaxonomy.Kind kind = TaxonomyRestController.kind(v, type);
        v.throwIfInvalid();
        boolean ok = q != null && q.strip().length() >= 2 && q.length() <= TaxonomyRestController.MAX_QUERY;
        model.addAttribute("hits", ok ? taxonomy.search(q, Language.of(locale), kind, 10) : List.of());
        model.addAttribute("name", List.of("addSkill", "pickOccupation").contains(name) ? name : "addSkill");
        return "skills/parts :: suggestions";
    }

    @GetMapping("/skills/taxonomy/concept")
    String concept(@RequestParam(required = false) String uri, Model model) {
        Concept c = taxonomy.find(uri).orElseThrow(() -> new NotFoundException("concept", uri));
        model.addAttribute("concept", c);
        model.addAttribute("broader", refs(taxonomy.broader(c.index())));
        model.addAttribute("narrower", refs(taxonomy.narrower(c.index())));
        model.addAttribute("related", refs(taxonomy.related(c.index())));
        boolean occupation = c.type() == ConceptType.OCCUPATION;
        model.addAttribute("essential", occupation ? refs(taxonomy.essentialSkills(c.index())) : List.of());
        model.addAttribute("optional", occupation ? refs(taxonomy.optionalSkills(c.index())) : List.of());
        model.addAttribute("requiredBy", occupation ? List.of() : refs(taxonomy.occupationsRequiring(c.index())));
        model.addAttribute("isco", occupation ? taxonomy.iscoGroup(c.iscoCode()).map(ConceptRef::of).orElse(null) : null);
        return "skills/concept";
    }

    private List<ConceptRef> refs(int[] indexes) {
        return taxonomy.concepts(Arrays.copyOf(indexes, Math.min(indexes.length, 60))).stream().map(ConceptRef::of).toList();
    }

    @GetMapping("/skills/outcomes")
    String outcomes(Model model) {
        model.addAttribute("outcomes", outcomes.outcomes());
        model.addAttribute("labels", outcomes);
        return "skills/outcomes";
    }

    @GetMapping("/skills/networks")
    String networks(Model model) {
        model.addAttribute("networks", networks.list());
        return "skills/networks";
    }

    @GetMapping("/skills/networks/{code}")
    String network(@PathVariable String code, Model model) {
        model.addAttribute("network", networks.get(code));
        model.addAttribute("announcements", networks.announcements(code));
        return "skills/network";
    }

    @PostMapping("/skills/networks/{code}/join")
    String join(@PathVariable String code, Locale locale, RedirectAttributes redirect) {
        return membership(code, true, locale, redirect);
    }

    @PostMapping("/skills/networks/{code}/leave")
    String leave(@PathVariable String code, Locale locale, RedirectAttributes redirect) {
        return membership(code, false, locale, redirect);
    }

    private String membership(String code, boolean join, Locale locale, RedirectAttributes redirect) {
        try {
            if (join) {
                networks.join(code);
            }
            else {
                networks.leave(code);
            }
            redirect.addFlashAttribute("notice", join ? "skills.networks.joined" : "skills.networks.left");
        }
        catch (org.marsad.platform.ConflictException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return "redirect:/skills/networks/" + code;
    }

    @PostMapping("/skills/networks/{code}/announcements")
    String announce(@PathVariable String code, @RequestParam(required = false) String title,
            @RequestParam(required = false) String body, Locale locale, RedirectAttributes redirect) {
        try {
            var a = networks.announce(code, title, body);
            redirect.addFlashAttribute("notice", "skills.networks.announced");
            redirect.addFlashAttribute("recipients", a.recipients());
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e, locale));
        }
        return "redirect:/skills/networks/" + code;
    }

    @GetMapping("/skills/notifications")
    String myNotifications(@RequestParam(required = false) Integer page, Model model) {
        CurrentUser.required();
        model.addAttribute("page", notifications.mine(PageQuery.of(page, 25, 25)));
        model.addAttribute("baseUrl", "/skills/notifications");
        model.addAttribute("everyone", false);
        return "skills/notifications";
    }

    @GetMapping("/skills/admin/notifications")
    String allNotifications(@RequestParam(required = false) String state, @RequestParam(required = false) Integer page,
            Model model) {
        CurrentUser.require(Role.ADMIN);
        Validation v = Validation.start();
        NotificationState s = ExpertsApi.enumValue(v, "state", state, NotificationState.class);
        v.throwIfInvalid();
        model.addAttribute("page", notifications.all(s, PageQuery.of(page, 25, 25)));
        model.addAttribute("baseUrl", "/skills/admin/notifications?state=" + (s == null ? "" : s.name()));
        model.addAttribute("state", s);
        model.addAttribute("states", NotificationState.values());
        model.addAttribute("everyone", true);
        return "skills/notifications";
    }

    @PostMapping("/skills/notifications/{id}/read")
    String read(@PathVariable long id) {
        notifications.markRead(id);
        return "redirect:/skills/notifications";
    }

    @PostMapping("/skills/admin/notifications/{id}/resend")
    String resend(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        try {
            notifications.resend(id);
            redirect.addFlashAttribute("notice", "skills.notifications.resent");
        }
        catch (org.marsad.platform.ConflictException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return "redirect:/skills/admin/notifications";
    }
}
