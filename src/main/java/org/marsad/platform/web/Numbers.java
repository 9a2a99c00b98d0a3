package org.marsad.platform.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers and amounts as the reader writes them (20 410 in French, 20,410 in English), without inventing
 * decimals the value does not have. Bean {@code @num} in templates.
 */
@Component("num")
public class Numbers {

    public String format(Number value) {
        if (value == null) {
            return "";
        }
        BigDecimal decimal = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        decimal = decimal.stripTrailingZeros();
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(Math.max(0, decimal.scale()));
        format.setMinimumFractionDigits(Math.max(0, decimal.scale()));
        return format.format(decimal);
    }

    /** An amount with its ISO 4217 code: "1 975 000 USD". */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        return format(amount) + (currency == null ? "" : " " + Currency.getInstance(currency).getCurrencyCode());
    }

    private static Locale locale() {
        Locale locale = LocaleContextHolder.getLocale();
        // Arabic pages in Morocco write Western digits; the JDK's "ar" locale would switch to Arabic-Indic digits.
        return "ar".equals(locale.getLanguage()) ? Locale.forLanguageTag("ar-MA-u-nu-latn") : locale;
    }
}
