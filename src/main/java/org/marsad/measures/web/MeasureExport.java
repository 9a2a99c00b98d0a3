package org.marsad.measures.web;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.marsad.measures.Measure;
import org.marsad.measures.Party;
import org.marsad.measures.PointLink;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.export.Csv;
import org.marsad.platform.export.Xlsx;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The inventory as a table: one row per measure, texts in the reader's language, codes as codes. */
@Component
class MeasureExport {

    static final List<String> COLUMNS = List.of("code", "number", "title", "phase", "models", "targetGroups",
            "implementers", "funders", "funding", "start", "end", "duration", "budgetAmount", "budgetCurrency",
            "budgetText", "beneficiariesMin", "beneficiariesMax", "beneficiariesText", "activities", "evaluation",
            "points", "initiatives", "sources");

    private final MessageSource messages;

    MeasureExport(MessageSource messages) {
        this.messages = messages;
    }

    void csv(List<Measure> measures, Locale locale, OutputStream out) {
        Csv.write(out, header(locale), rows(measures, locale));
    }

    void xlsx(List<Measure> measures, Locale locale, OutputStream out) {
        Xlsx.write(out, messages.getMessage("measures.title", null, locale), header(locale), rows(measures, locale));
    }

    private List<String> header(Locale locale) {
        return COLUMNS.stream().map(c -> messages.getMessage("measures.export." + c, null, c, locale)).toList();
    }

    private List<List<?>> rows(List<Measure> measures, Locale locale) {
        List<List<?>> rows = new ArrayList<>();
        for (Measure m : measures) {
            rows.add(Arrays.asList(
                    m.code(),
                    m.number(),
                    text(m.title(), locale),
                    messages.getMessage("measures.phase." + m.phase(), null, locale),
                    String.join("; ", m.models()),
                    String.join("; ", m.targetGroups()),
                    m.implementers().stream().map(Party::code).collect(Collectors.joining("; ")),
                    m.funders().stream().map(Party::code).collect(Collectors.joining("; ")),
                    text(m.funding(), locale),
                    m.start() == null ? null : m.start().value(),
                    m.end() == null ? null : m.end().value(),
                    text(m.duration(), locale),
                    m.budget().amount(),
                    m.budget().currency(),
                    text(m.budget().text(), locale),
                    m.beneficiaries().min(),
                    m.beneficiaries().max(),
                    text(m.beneficiaries().text(), locale),
                    m.activities().stream().map(a -> text(a, locale)).collect(Collectors.joining("; ")),
                    messages.getMessage("measures.evaluation." + m.evaluation(), null, locale),
                    m.points().stream().map(PointLink::node).map(n -> n.code()).collect(Collectors.joining("; ")),
                    String.join("; ", m.initiatives()),
                    m.sources().stream().map(s -> s.documentCode() + " " + s.locator() + " (l. " + s.fromLine() + "-" + s.toLine() + ")")
                            .collect(Collectors.joining("; "))));
        }
        return rows;
    }

    private static String text(LocalizedText t, Locale locale) {
        return t == null ? null : t.get(locale);
    }
}
