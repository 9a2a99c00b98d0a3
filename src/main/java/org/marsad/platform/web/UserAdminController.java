package org.marsad.platform.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.marsad.platform.ConflictException;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.OrganisationDirectory;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.UserAccounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN's user management: list, create, edit roles and organisation, reset a password. */
@Controller
class UserAdminController {

    private final UserAccounts accounts;
    private final FormErrors formErrors;
    private final ObjectProvider<OrganisationDirectory> organisations;

    UserAdminController(UserAccounts accounts, FormErrors formErrors, ObjectProvider<OrganisationDirectory> organisations) {
        this.accounts = accounts;
        this.formErrors = formErrors;
        this.organisations = organisations;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("users", accounts.list());
        model.addAttribute("organisations", organisationOptions());
        return "admin/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        model.addAttribute("form", new UserForm(null, "", "", "", Set.of(), null, "fr", true));
        return form(model, null);
    }

    @PostMapping("/admin/users")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String email, @RequestParam(required = false) String password,
            @RequestParam(required = false) List<Role> roles, @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) String language, Model model, Locale locale, RedirectAttributes redirect) {
        Set<Role> roleSet = roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        try {
            var created = accounts.create(new UserAccounts.NewUser(username, displayName, email, password, roleSet,
                    organisationId, language));
            redirect.addFlashAttribute("notice", "admin.users.created");
            return "redirect:/admin/users/" + created.id();
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            model.addAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        model.addAttribute("form", new UserForm(null, username, displayName, email, roleSet, organisationId, language, true));
        return form(model, null);
    }

    @GetMapping("/admin/users/{id}")
    String edit(@PathVariable long id, Model model) {
        var user = accounts.get(id);
        model.addAttribute("form", new UserForm(user.id(), user.username(), user.displayName(), user.email(), user.roles(),
                user.organisationId(), user.language(), user.enabled()));
        model.addAttribute("user", user);
        return form(model, id);
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String email, @RequestParam(required = false) List<Role> roles,
            @RequestParam(required = false) Long organisationId, @RequestParam(defaultValue = "false") boolean enabled,
            Model model, Locale locale, RedirectAttributes redirect) {
        Set<Role> roleSet = roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        try {
            accounts.update(id, new UserAccounts.UserUpdate(displayName, email, roleSet, organisationId, enabled));
            redirect.addFlashAttribute("notice", "admin.users.saved");
            return "redirect:/admin/users/" + id;
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        var user = accounts.get(id);
        model.addAttribute("user", user);
        model.addAttribute("form", new UserForm(id, user.username(), displayName, email, roleSet, organisationId,
                user.language(), enabled));
        return form(model, id);
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam(required = false) String password, Model model,
            Locale locale, RedirectAttributes redirect) {
        try {
            accounts.resetPassword(id, password);
            redirect.addFlashAttribute("notice", "admin.users.passwordReset");
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("passwordErrors", formErrors.of(e, locale));
        }
        return "redirect:/admin/users/" + id;
    }

    private String form(Model model, Long id) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("organisations", organisationOptions());
        model.addAttribute("editing", id != null);
        return "admin/user-form";
    }

    private List<OrganisationDirectory.OrganisationRef> organisationOptions() {
        OrganisationDirectory directory = organisations.getIfAvailable();
        return directory == null ? List.of() : directory.all();
    }

    record UserForm(Long id, String username, String displayName, String email, Set<Role> roles, Long organisationId,
            String language, boolean enabled) {
    }
}
