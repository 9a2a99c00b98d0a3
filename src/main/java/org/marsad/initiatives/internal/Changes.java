package org.marsad.initiatives.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.marsad.initiatives.Budget;
import org.marsad.initiatives.HistoryEntry.FieldChange;
import org.marsad.initiatives.OrganisationLabel;
import org.marsad.initiatives.Participation;
import org.marsad.initiatives.Transaction;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;

/** The fields that differ between two states, each as text before → after: what the history page shows. */
public final class Changes {

    private Changes() {
    }

    public static List<FieldChange> between(State before, State after) {
        List<FieldChange> changes = new ArrayList<>();
        text(changes, "title", before == null ? null : before.title(), after.title());
        text(changes, "description", before == null ? null : before.description(), after.description());
        add(changes, "status", before, after, s -> s.status().name());
        add(changes, "visibility", before, after, s -> s.visibility().name());
        add(changes, "reportingOrganisation", before, after,
                s -> s.reportingOrganisation() == null ? null : s.reportingOrganisation().label());
        add(changes, "participations", before, after, s -> join(s.participations(), Changes::participation));
        add(changes, "dates.plannedStart", before, after, s -> value(s.dates().plannedStart()));
        add(changes, "dates.plannedEnd", before, after, s -> value(s.dates().plannedEnd()));
        add(changes, "dates.actualStart", before, after, s -> value(s.dates().actualStart()));
        add(changes, "dates.actualEnd", before, after, s -> value(s.dates().actualEnd()));
        add(changes, "budgets", before, after, s -> join(s.budgets(), Changes::budget));
        add(changes, "transactions", before, after, s -> join(s.transactions(), Changes::transaction));
        add(changes, "regions", before, after, s -> join(s.regions(), Function.identity()));
        add(changes, "places", before, after, s -> join(s.places(), Function.identity()));
        add(changes, "targetGroups", before, after, s -> join(s.targetGroups(), Enum::name));
        add(changes, "nodes", before, after, s -> join(s.nodes(), Function.identity()));
        add(changes, "sources", before, after, s -> join(s.sources(), Changes::source));
        return changes;
    }

    public static List<String> fields(List<FieldChange> changes) {
        return changes.stream().map(c -> c.field().replaceAll("\\.(fr|ar|en)$", "")).distinct().toList();
    }

    private static void text(List<FieldChange> changes, String field, LocalizedText before, LocalizedText after) {
        LocalizedText b = before == null ? LocalizedText.of(null, null, null) : before;
        LocalizedText a = after == null ? LocalizedText.of(null, null, null) : after;
        compare(changes, field + ".fr", b.fr(), a.fr());
        compare(changes, field + ".en", b.en(), a.en());
        compare(changes, field + ".ar", b.ar(), a.ar());
    }

    private static void add(List<FieldChange> changes, String field, State before, State after, Function<State, String> get) {
        compare(changes, field, before == null ? null : get.apply(before), get.apply(after));
    }

    private static void compare(List<FieldChange> changes, String field, String before, String after) {
        String b = before == null || before.isEmpty() ? null : before;
        String a = after == null || after.isEmpty() ? null : after;
        if (!Objects.equals(b, a)) {
            changes.add(new FieldChange(field, b, a));
        }
    }

    private static <T> String join(List<T> values, Function<T, String> text) {
        return values.stream().map(text).collect(Collectors.joining("; "));
    }

    private static String value(PartialDate d) {
        return d == null ? null : d.value();
    }

    static String participation(Participation p) {
        OrganisationLabel o = p.organisation();
        return o.label() + " (" + p.role().name() + ")";
    }

    static String budget(Budget b) {
        return b.type().name() + " " + (b.stated() ? "—" : b.periodStart() + "/" + b.periodEnd()) + " "
                + b.amount().toPlainString() + " " + b.currency();
    }

    static String transaction(Transaction t) {
        return t.type().name() + " " + t.date() + " " + t.amount().toPlainString() + " " + t.currency();
    }

    static String source(SourceCitation c) {
        return c.documentCode() + " " + c.locator() + " l. " + c.fromLine() + "–" + c.toLine();
    }
}
