package org.marsad.platform;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** ISO 3166 countries named in the reader's language, from the JDK's locale data. Bean {@code @countries}. */
@Component("countries")
public class Countries {

    public String name(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = Locale.of("", code).getDisplayCountry(locale);
        return name.isBlank() ? code : name;
    }

    public String name(String code) {
        return name(code, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    public List<Country> all(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, name(code, locale)))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
    }

    public List<Country> all() {
        return all(org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    public record Country(String code, String name) {
    }
}
