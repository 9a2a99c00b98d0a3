package org.marsad.initiatives.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.marsad.frameworks.NodeRef;
import org.marsad.initiatives.OrganisationLabel;
import org.marsad.initiatives.Scoreboard;
import org.marsad.platform.Language;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A scoreboard as a flat table for spreadsheets: one row per node and initiative, and one per gap. */
@Component
class ScoreboardExport {

    private final MessageSource messages;

    ScoreboardExport(MessageSource messages) {
        this.messages = messages;
    }

    record Table(List<String> header, List<List<Object>> rows) {
    }

    Table table(Scoreboard scoreboard, Locale locale) {
        Language language = Language.of(locale);
        List<String> header = List.of("section", "node", "node_title", "gap", "code", "iati_identifier", "title",
                "partners", "implementers", "status", "start", "end", "budget", "currency").stream()
                .map(h -> messages.getMessage("initiatives.export." + h, null, h, locale)).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (Scoreboard.Group group : scoreboard.groups()) {
            String section = group.node() == null ? "" : group.node().code();
            for (Scoreboard.Row row : group.rows()) {
                NodeRef node = row.node();
                if (row.items().isEmpty()) {
                    rows.add(new ArrayList<>(List.of(section, node.code(), text(node.title(), language),
                            row.gap() ? yes(locale) : "", "", "", "", "", "", "", "", "", "", "")));
                    continue;
                }
                for (Scoreboard.Item item : row.items()) {
                    List<Object> cells = new ArrayList<>();
                    cells.add(section);
                    cells.add(node.code());
                    cells.add(text(node.title(), language));
                    cells.add("");
                    cells.add(item.code());
                    cells.add(item.identifier());
                    cells.add(text(item.title(), language));
                    cells.add(labels(item.partners()));
                    cells.add(labels(item.implementers()));
                    cells.add(messages.getMessage("initiatives.status." + item.status().name(), null, locale));
                    cells.add(value(item.dates().start()));
                    cells.add(value(item.dates().end()));
                    Map<String, BigDecimal> budget = item.budget();
                    cells.add(budget.size() == 1 ? budget.values().iterator().next() : null);
                    cells.add(String.join("; ", budget.keySet()));
                    rows.add(cells);
                }
            }
        }
        return new Table(header, rows);
    }

    private String yes(Locale locale) {
        return messages.getMessage("initiatives.export.yes", null, locale);
    }

    private static String labels(List<OrganisationLabel> labels) {
        return labels.stream().map(OrganisationLabel::label).collect(Collectors.joining(", "));
    }

    private static String value(PartialDate date) {
        return date == null ? "" : date.value();
    }

    private static String text(LocalizedText text, Language language) {
        return text == null ? "" : text.resolve(language).text();
    }
}
