package org.marsad.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.marsad.platform.Language;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What every page's layout needs, as the bean {@code @layout} in templates: the language and its direction,
 * the menu, the signed-in user, the current address. A bean rather than model attributes so that error pages
 * rendered outside a controller get the same layout.
 */
@Component("layout")
public class Layout {

    private final List<NavigationLink> navigation;

    Layout(ObjectProvider<NavigationLink> navigation) {
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationLink::order)).toList();
    }

    public Language language() {
        return Language.of(LocaleContextHolder.getLocale());
    }

    public String dir() {
        return language().rightToLeft() ? "rtl" : "ltr";
    }

    public Language[] languages() {
        return Language.values();
    }

    public List<NavigationLink> navigation() {
        return navigation;
    }

    public MarsadPrincipal me() {
        return CurrentUser.get().orElse(null);
    }

    public boolean can(String... roles) {
        return CurrentUser.get().map(u -> {
            for (String role : roles) {
                if (u.has(Role.valueOf(role))) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }

    /** The text in the reader's language, with a note of the language it is really in. */
    public LocalizedText.Resolved text(LocalizedText value) {
        return value == null ? new LocalizedText.Resolved("", language(), false) : value.resolve(language());
    }

    /** Path and query of the current page, for the language switch to come back to. */
    public String here() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            Object original = request.getAttribute("jakarta.servlet.error.request_uri");
            String uri = original instanceof String s ? s : request.getRequestURI();
            String query = original == null ? request.getQueryString() : null;
            return uri + (query == null ? "" : "?" + query);
        }
        return "/";
    }

    public boolean active(String path) {
        String here = here();
        return path.equals("/") ? here.equals("/") : here.startsWith(path);
    }

    public Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
