package org.marsad.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.marsad.platform.Language;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.UserAccounts;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The language switch: a small form on every page. The choice is kept in a cookie and in the user's profile. */
@Controller
class LanguageController {

    private final LocaleResolver localeResolver;
    private final UserAccounts accounts;

    LanguageController(LocaleResolver localeResolver, UserAccounts accounts) {
        this.localeResolver = localeResolver;
        this.accounts = accounts;
    }

    @PostMapping("/language")
    String switchLanguage(@RequestParam(required = false) String lang, @RequestParam(required = false) String back,
            HttpServletRequest request, HttpServletResponse response) {
        Language.fromCode(lang).ifPresent(language -> {
            localeResolver.setLocale(request, response, language.locale());
            CurrentUser.get().ifPresent(user -> accounts.setLanguage(user.id(), language));
        });
        return "redirect:" + safeLocalPath(back);
    }

    /** Only a path on this site: never an absolute or protocol-relative URL (no open redirect). */
    static String safeLocalPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
                || back.contains("\r") || back.contains("\n")) {
            return "/";
        }
        return back;
    }
}
