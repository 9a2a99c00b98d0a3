package org.marsad.organisations.web;

import java.util.Locale;

import org.marsad.organisations.OrganisationType;
import org.marsad.organisations.OrganisationsApi;
import org.marsad.platform.ConflictException;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.PageQuery;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.Role;
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

@Controller
class OrganisationWebController {

    private final OrganisationsApi organisations;
    private final FormErrors formErrors;

    OrganisationWebController(OrganisationsApi organisations, FormErrors formErrors) {
        this.organisations = organisations;
        this.formErrors = formErrors;
    }

    @GetMapping("/organisations")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) OrganisationType type,
            @RequestParam(required = false) String country, @RequestParam(required = false) Integer page,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        model.addAttribute("country", country);
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute("counts", organisations.countByType());
        try {
            model.addAttribute("page", organisations.search(q, type, country, PageQuery.of(page, 50, 50)));
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        model.addAttribute("baseUrl", "/organisations?q=" + Urls.encode(q) + "&type=" + (type == null ? "" : type.name())
                + "&country=" + Urls.encode(country));
        return htmx != null ? "organisations/list :: results" : "organisations/list";
    }

    @GetMapping("/organisations/{code}")
    String show(@PathVariable String code, Model model) {
        model.addAttribute("organisation", organisations.get(code));
        model.addAttribute("children", organisations.children(code));
        return "organisations/show";
    }

    @GetMapping("/organisations/new")
    String newForm(Model model) {
        CurrentUser.require(Role.ADMIN, Role.COORDINATOR);
        return form(model, OrganisationForm.empty(), false);
    }

    @PostMapping("/organisations")
    String create(@ModelAttribute OrganisationForm form, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            var created = organisations.create(form.toInput());
            redirect.addFlashAttribute("notice", "organisations.created");
            return "redirect:/organisations/" + created.code();
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            model.addAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return form(model, form, false);
    }

    @GetMapping("/organisations/{code}/edit")
    String editForm(@PathVariable String code, Model model) {
        CurrentUser.require(Role.ADMIN, Role.COORDINATOR);
        return form(model, OrganisationForm.of(organisations.get(code)), true);
    }

    @PostMapping("/organisations/{code}")
    String update(@PathVariable String code, @ModelAttribute OrganisationForm form, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            organisations.update(code, form.toInput());
            redirect.addFlashAttribute("notice", "organisations.saved");
            return "redirect:/organisations/" + code;
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            model.addAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return form(model, form, true);
    }

    @PostMapping("/organisations/{code}/withdrawal")
    String withdraw(@PathVariable String code, @RequestParam(required = false) String reason, Locale locale,
            RedirectAttributes redirect) {
        try {
            organisations.withdraw(code, reason);
            redirect.addFlashAttribute("notice", "organisations.withdrawn");
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return "redirect:/organisations/" + code;
    }

    private String form(Model model, OrganisationForm form, boolean editing) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("types", OrganisationType.values());
        return "organisations/form";
    }

}
