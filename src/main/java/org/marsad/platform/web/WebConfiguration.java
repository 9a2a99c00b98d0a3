package org.marsad.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.TreeSet;

import org.marsad.platform.Language;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    static final String LANGUAGE_COOKIE = "marsad-lang";

    /**
     * The chosen language sticks in a cookie (and in the user's profile once signed in); without a choice, the
     * browser's preferred language if Marsad speaks it, else French.
     */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> {
            for (Locale candidate : Collections.list(request.getLocales())) {
                var language = Language.fromCode(candidate.getLanguage());
                if (language.isPresent() && request.getHeader("Accept-Language") != null) {
                    return language.get().locale();
                }
            }
            return Language.FR.locale();
        });
        return resolver;
    }

    /**
     * Thymeleaf's auto-configuration would pass every link of every page through the static resource chain, to add
     * content versions Marsad does not use: one class path lookup per link, a fifth of the server's CPU on pages with
     * hundreds of links (measured on the scoreboards). Registered here disabled, it stays out; version-less webjar
     * URLs are still resolved when the browser requests them.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /**
     * Every module keeps its texts in {@code messages/<module>.properties} (French, the reference) with
     * {@code _ar} and {@code _en} variants; all bundles found on the class path are loaded.
     */
    @Bean
    MessageSource messageSource() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties");
        TreeSet<String> basenames = new TreeSet<>();
        Arrays.stream(resources)
                .map(Resource::getFilename)
                .filter(name -> name != null && !name.matches(".*_[a-z]{2}\\.properties"))
                .forEach(name -> basenames.add("messages/" + name.substring(0, name.length() - ".properties".length())));
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames.toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Locale.FRENCH);
        return source;
    }
}
