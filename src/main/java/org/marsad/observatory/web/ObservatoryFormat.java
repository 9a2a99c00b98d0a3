package org.marsad.observatory.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.marsad.observatory.Observation;
import org.marsad.observatory.ObsStatus;
import org.marsad.observatory.PeriodBasis;
import org.marsad.observatory.SeriesData;
import org.marsad.platform.Language;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Numbers and observation marks as the observatory's pages show them, bean {@code @obs} in templates. */
@Component("obs")
public class ObservatoryFormat {

    static final int DERIVED_DECIMALS = 2;

    /** A number in the reader's language, with the decimals it was given (Latin digits in Arabic, as in Morocco). */
    public String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(numberLocale());
        int scale = Math.max(0, Math.min(6, value.stripTrailingZeros().scale()));
        format.setMinimumFractionDigits(Math.max(0, Math.min(6, value.scale())));
        format.setMaximumFractionDigits(Math.max(scale, Math.min(6, value.scale())));
        return format.format(value);
    }

    /** A derived figure, rounded for reading (the API gives it in full). */
    public String derived(BigDecimal value) {
        return value == null ? "" : number(value.setScale(DERIVED_DECIMALS, RoundingMode.HALF_UP));
    }

    /** The marks of an observation: its qualifier sign, and letters for estimate, provisional, forecast, undated. */
    public List<String> marks(Observation o) {
        List<String> marks = new ArrayList<>();
        if (o == null) {
            return marks;
        }
        if (o.status() != ObsStatus.A) {
            marks.add(o.status().name());
        }
        if (o.periodBasis() == PeriodBasis.DOCUMENT_DATE) {
            marks.add("D");
        }
        return marks;
    }

    /** The dimension values that tell this series apart from the others of a result, in the reader's language. */
    public String name(SeriesData series, List<SeriesData> all) {
        List<String> parts = new ArrayList<>();
        Language language = Language.of(LocaleContextHolder.getLocale());
        for (int i = 0; i < series.dimensions().size(); i++) {
            int position = i;
            String code = series.dimensions().get(i).code();
            boolean varies = all.stream().anyMatch(s -> !s.dimensions().get(position).code().equals(code));
            if (varies || series.dimensions().size() == 1) {
                parts.add(series.dimensions().get(i).label().resolve(language).text());
            }
        }
        return parts.isEmpty() ? series.key() : String.join(" · ", parts);
    }

    private static Locale numberLocale() {
        Locale locale = LocaleContextHolder.getLocale();
        return "ar".equals(locale.getLanguage()) ? Locale.forLanguageTag("ar-MA-u-nu-latn") : locale;
    }
}
