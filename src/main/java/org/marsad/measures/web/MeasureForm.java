package org.marsad.measures.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.marsad.measures.Measure;
import org.marsad.measures.MeasureInput;
import org.marsad.measures.Party;
import org.marsad.measures.PointLink;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.LocalizedText;

/**
 * The edit form of a measure: its main fields, French texts (titles in the three languages), organisations and
 * initiatives as comma-separated codes, activities one per line. Findings, links to framework nodes, programmes
 * and sources are edited through the API; the form keeps them as they are, and keeps the translations of a text
 * whose French the form did not change.
 */
record MeasureForm(String code, String number, String titleFr, String titleEn, String titleAr, String descriptionFr,
        String phase, List<String> models, List<String> targetGroups, String implementers, String funders,
        String fundingFr, String start, String end, String durationFr, String budgetAmount, String budgetCurrency,
        String budgetTextFr, String beneficiariesMin, String beneficiariesMax, String beneficiariesTextFr,
        String activities, String evaluation, String initiatives, Integer version) {

    static MeasureForm empty() {
        return new MeasureForm("", "", "", "", "", "", "", List.of(), List.of(), "", "", "", "", "", "", "", "", "", "", "",
                "", "", "NOT_EVALUATED", "", null);
    }

    static MeasureForm of(Measure m) {
        return new MeasureForm(m.code(), m.number() == null ? "" : m.number().toString(), m.title().fr(), m.title().en(),
                m.title().ar(), fr(m.description()), m.phase().name(), m.models(), m.targetGroups(),
                String.join(", ", m.implementers().stream().map(Party::code).toList()),
                String.join(", ", m.funders().stream().map(Party::code).toList()), fr(m.funding()),
                m.start() == null ? "" : m.start().value(), m.end() == null ? "" : m.end().value(), fr(m.duration()),
                m.budget().amount() == null ? "" : m.budget().amount().toPlainString(),
                m.budget().currency() == null ? "" : m.budget().currency(), fr(m.budget().text()),
                m.beneficiaries().min() == null ? "" : m.beneficiaries().min().toString(),
                m.beneficiaries().max() == null ? "" : m.beneficiaries().max().toString(), fr(m.beneficiaries().text()),
                String.join("\n", m.activities().stream().map(MeasureForm::fr).toList()), m.evaluation().name(),
                String.join(", ", m.initiatives()), m.version());
    }

    /** The input for the service; {@code existing} supplies what the form does not edit (null when creating). */
    MeasureInput toInput(Measure existing) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        Integer parsedNumber = integer("number", number, errors);
        BigDecimal amount = decimal("budgetAmount", budgetAmount, errors);
        Integer min = integer("beneficiariesMin", beneficiariesMin, errors);
        Integer max = integer("beneficiariesMax", beneficiariesMax, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<LocalizedText> activityTexts = new ArrayList<>();
        List<String> lines = activities == null ? List.of() : activities.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = 0; i < lines.size(); i++) {
            LocalizedText before = existing != null && i < existing.activities().size() ? existing.activities().get(i) : null;
            activityTexts.add(merge(lines.get(i), before));
        }
        return new MeasureInput(
                existing == null ? code : existing.code(),
                parsedNumber,
                LocalizedText.of(titleFr, titleAr, titleEn),
                merge(descriptionFr, existing == null ? null : existing.description()),
                phase,
                models == null ? List.of() : models,
                existing == null ? null : existing.modelsRationale(),
                targetGroups == null ? List.of() : targetGroups,
                split(implementers),
                split(funders),
                merge(fundingFr, existing == null ? null : existing.funding()),
                start,
                end,
                merge(durationFr, existing == null ? null : existing.duration()),
                amount,
                budgetCurrency,
                existing != null && existing.budget().approximate(),
                merge(budgetTextFr, existing == null ? null : existing.budget().text()),
                min,
                max,
                merge(beneficiariesTextFr, existing == null ? null : existing.beneficiaries().text()),
                activityTexts,
                existing == null ? List.of() : existing.programmes().stream()
                        .map(p -> new MeasureInput.ProgrammeInput(p.name(), p.implementer() == null ? null : p.implementer().code(),
                                p.note())).toList(),
                evaluation,
                existing == null ? List.of() : existing.findings().stream()
                        .map(f -> new MeasureInput.FindingInput(f.kind().name(), f.text(), f.sources())).toList(),
                existing == null ? List.of() : existing.points().stream().map(MeasureForm::point).toList(),
                split(initiatives),
                existing == null ? List.of() : existing.sources(),
                version);
    }

    private static MeasureInput.PointInput point(PointLink p) {
        return new MeasureInput.PointInput(p.node().code(), p.basis().name(), p.rationale(), p.sources());
    }

    /** The French text from the form, with the other languages kept if the French did not change. */
    private static LocalizedText merge(String french, LocalizedText before) {
        if (french == null || french.isBlank()) {
            return null;
        }
        if (before != null && french.strip().equals(before.fr())) {
            return before;
        }
        return LocalizedText.french(french);
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Integer integer(String field, String value, List<InvalidInputException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", ""));
        }
        catch (NumberFormatException e) {
            errors.add(new InvalidInputException.FieldError(field, "validation.type", new Object[0]));
            return null;
        }
    }

    private static BigDecimal decimal(String field, String value, List<InvalidInputException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace(',', '.'));
        }
        catch (NumberFormatException e) {
            errors.add(new InvalidInputException.FieldError(field, "validation.type", new Object[0]));
            return null;
        }
    }

    private static String fr(LocalizedText t) {
        return t == null || t.fr() == null ? "" : t.fr();
    }
}
