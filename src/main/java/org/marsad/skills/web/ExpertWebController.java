package org.marsad.skills.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.marsad.platform.ConflictException;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.Language;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.UserAccounts;
import org.marsad.platform.web.FormErrors;
import org.marsad.skills.experts.ExpertInput;
import org.marsad.skills.experts.ExpertProfile;
import org.marsad.skills.experts.ExpertsApi;
import org.marsad.skills.experts.Registration;
import org.marsad.skills.matching.MatchingApi;
import org.marsad.skills.taxonomy.EscoTaxonomy;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The expert's pages: sign-up, own profile, privacy (consents and visibility), data download, erasure, fitting demands. */
@Controller
class ExpertWebController {

    private final ExpertsApi experts;
    private final MatchingApi matching;
    private final UserAccounts accounts;
    private final EscoTaxonomy taxonomy;
    private final FormErrors formErrors;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ExpertWebController(ExpertsApi experts, MatchingApi matching, UserAccounts accounts, EscoTaxonomy taxonomy,
            FormErrors formErrors) {
        this.experts = experts;
        this.matching = matching;
        this.accounts = accounts;
        this.taxonomy = taxonomy;
        this.formErrors = formErrors;
    }

    /** The sign-up form as posted. */
    record SignUp(String username, String password, String email, String displayName, String country, String language,
            List<String> consents) {
    }

    @GetMapping("/skills/register")
    String registerForm(Model model) {
        if (CurrentUser.get().isPresent() && !(CurrentUser.has(Role.EXPERT) && experts.myId().isEmpty())) {
            return "redirect:/skills";
        }
        model.addAttribute("form", new SignUp("", "", "", "", "", null, List.of()));
        return "skills/register";
    }

    @PostMapping("/skills/register")
    String register(@ModelAttribute SignUp form, Model model, Locale locale, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            ExpertProfile created = experts.register(new Registration(form.username(), form.password(), form.email(),
                    form.language() == null ? locale.getLanguage() : form.language(), ProfileForm.nz(form.consents()),
                    ExpertInput.minimal(form.displayName(), form.country())));
            if (CurrentUser.get().isEmpty()) {
                signIn(created.userId(), request, response);
            }
            return "redirect:/skills/me/edit?welcome";
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            model.addAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        model.addAttribute("form", new SignUp(form.username(), "", form.email(), form.displayName(), form.country(),
                form.language(), ProfileForm.nz(form.consents())));
        return "skills/register";
    }

    /** Signs the new expert in, as a sign-in form would: a new session id, the security context in the session. */
    private void signIn(long userId, HttpServletRequest request, HttpServletResponse response) {
        String username = accounts.find(userId).orElseThrow().username();
        MarsadPrincipal principal = accounts.loadUserByUsername(username).withoutPassword();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.getSession(true);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
    }

    @GetMapping("/skills/me")
    String me(Model model) {
        CurrentUser.require(Role.EXPERT);
        var profile = experts.mine();
        if (profile.isEmpty()) {
            return "redirect:/skills/register";
        }
        model.addAttribute("profile", profile.get());
        return "skills/me";
    }

    @GetMapping("/skills/me/edit")
    String editForm(Model model) {
        CurrentUser.require(Role.EXPERT);
        ExpertProfile profile = experts.mine().orElse(null);
        if (profile == null) {
            return "redirect:/skills/register";
        }
        return form(model, ProfileForm.of(profile), profile);
    }

    @PostMapping("/skills/me")
    String save(@ModelAttribute ProfileForm form, Model model, Locale locale, RedirectAttributes redirect) {
        CurrentUser.require(Role.EXPERT);
        ExpertProfile profile = experts.mine().orElseThrow(() -> new ConflictException("profile", "skills.experts.noProfile"));
        if (!form.saving()) {
            searches(model, form.action(), form.skillQuery(), form.occupationQuery(), taxonomy, locale);
            return form(model, form.edited(), profile);
        }
        try {
            experts.update(profile.id(), form.toInput());
            redirect.addFlashAttribute("notice", "skills.experts.saved");
            return "redirect:/skills/me";
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            model.addAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return form(model, form.edited(), profile);
    }

    private String form(Model model, ProfileForm form, ExpertProfile profile) {
        model.addAttribute("form", form);
        model.addAttribute("profile", profile);
        model.addAttribute("occupation", form.occupationUri() == null ? null : taxonomy.find(form.occupationUri()).orElse(null));
        model.addAttribute("skillConcepts", ProfileForm.nz(form.skillUri()).stream()
                .map(uri -> taxonomy.find(uri).orElse(null)).toList());
        return "skills/profile-form";
    }

    @PostMapping("/skills/me/privacy")
    String privacy(@RequestParam(required = false) List<String> consents, @RequestParam(required = false) List<String> visibleFields,
            Locale locale, RedirectAttributes redirect) {
        CurrentUser.require(Role.EXPERT);
        ExpertProfile profile = experts.mine().orElseThrow(() -> new ConflictException("profile", "skills.experts.noProfile"));
        try {
            experts.setConsents(profile.id(), ProfileForm.nz(consents));
            experts.setVisibility(profile.id(), ProfileForm.nz(visibleFields));
            redirect.addFlashAttribute("notice", "skills.experts.privacySaved");
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e, locale));
        }
        return "redirect:/skills/me#privacy";
    }

    @PostMapping("/skills/me/mappings")
    String decide(@RequestParam long freeSkillId, @RequestParam String uri, @RequestParam boolean confirm,
            RedirectAttributes redirect) {
        CurrentUser.require(Role.EXPERT);
        ExpertProfile profile = experts.mine().orElseThrow(() -> new ConflictException("profile", "skills.experts.noProfile"));
        experts.decideMapping(profile.id(), freeSkillId, uri, confirm);
        redirect.addFlashAttribute("notice", confirm ? "skills.experts.mappingConfirmed" : "skills.experts.mappingRejected");
        return "redirect:/skills/me#free-skills";
    }

    @PostMapping("/skills/me/delete")
    String delete(@RequestParam(defaultValue = "false") boolean confirm, HttpServletRequest request,
            HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
        CurrentUser.require(Role.EXPERT);
        ExpertProfile profile = experts.mine().orElseThrow(() -> new ConflictException("profile", "skills.experts.noProfile"));
        if (!confirm) {
            redirect.addFlashAttribute("errors", formErrors.of("confirm", "skills.experts.confirmDeletion", locale));
            return "redirect:/skills/me#delete";
        }
        experts.erase(profile.id());
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "redirect:/skills?erased";
    }

    @GetMapping("/skills/me/matches")
    String myMatches(Model model) {
        CurrentUser.require(Role.EXPERT);
        ExpertProfile profile = experts.mine().orElse(null);
        if (profile == null) {
            return "redirect:/skills/register";
        }
        model.addAttribute("profile", profile);
        model.addAttribute("fits", matching.forExpert(profile.id(), 20));
        return "skills/my-matches";
    }

    @GetMapping("/skills/experts/{id}")
    String expert(@PathVariable long id, Model model) {
        ExpertProfile profile = experts.get(id);
        model.addAttribute("profile", profile);
        return "skills/expert";
    }

    /** Without script, the search buttons of a form show the suggestions in the page itself. */
    static void searches(Model model, String action, String skillQuery, String occupationQuery, EscoTaxonomy taxonomy,
            Locale locale) {
        Language language = Language.of(locale);
        if ("searchSkill".equals(action) && skillQuery != null && skillQuery.strip().length() >= 2) {
            model.addAttribute("skillHits", taxonomy.search(skillQuery, language, EscoTaxonomy.Kind.SKILL, 10));
        }
        if ("searchOccupation".equals(action) && occupationQuery != null && occupationQuery.strip().length() >= 2) {
            model.addAttribute("occupationHits", taxonomy.search(occupationQuery, language, EscoTaxonomy.Kind.OCCUPATION, 10));
        }
    }
}
