package org.marsad.platform.web;

import java.util.Locale;

import org.marsad.platform.InvalidInputException;
import org.marsad.platform.OrganisationDirectory;
import org.marsad.platform.security.ApiTokens;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.UserAccounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own pages: profile, password, personal access tokens. */
@Controller
class AccountController {

    private final UserAccounts accounts;
    private final ApiTokens tokens;
    private final FormErrors formErrors;
    private final ObjectProvider<OrganisationDirectory> organisations;

    AccountController(UserAccounts accounts, ApiTokens tokens, FormErrors formErrors,
            ObjectProvider<OrganisationDirectory> organisations) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.formErrors = formErrors;
        this.organisations = organisations;
    }

    @GetMapping("/account")
    String account(Model model) {
        var me = CurrentUser.required();
        model.addAttribute("organisation", me.organisationId() == null || organisations.getIfAvailable() == null ? null
                : organisations.getObject().find(me.organisationId()).orElse(null));
        return "account/profile";
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "account/password";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            accounts.changeOwnPassword(currentPassword, newPassword);
            redirect.addFlashAttribute("notice", "account.password.changed");
            return "redirect:/account";
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
            return "account/password";
        }
    }

    @GetMapping("/account/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.mine());
        return "account/tokens";
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam(required = false) String name, @RequestParam(required = false) Integer validDays,
            Model model, Locale locale) {
        try {
            model.addAttribute("created", tokens.create(name, validDays));
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
            model.addAttribute("name", name);
        }
        model.addAttribute("tokens", tokens.mine());
        return "account/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id);
        redirect.addFlashAttribute("notice", "account.tokens.revoked");
        return "redirect:/account/tokens";
    }
}
