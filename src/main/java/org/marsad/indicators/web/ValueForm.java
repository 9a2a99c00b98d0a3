package org.marsad.indicators.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.marsad.indicators.ValueInput;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.Language;
import org.marsad.platform.LocalizedText;

/**
 * The value entry form: one period, its target and actual (or texts for a qualitative indicator), a comment in
 * the reader's language, and at most one disaggregation written as lines {@code label: value}.
 */
record ValueForm(String start, String end, String target, String actual, String actualUpper, String approximate,
        String comment, String actualText, String status, String dimensionName, String dimensionBreakdown,
        String dimensionItems, String reason) {

    static ValueForm empty() {
        return new ValueForm("", "", "", "", "", null, "", "", "", "", null, "", "");
    }

    ValueInput toInput(Locale locale) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        BigDecimal t = decimal("target", target, errors);
        BigDecimal a = decimal("actual", actual, errors);
        BigDecimal upper = decimal("actualUpper", actualUpper, errors);
        List<ValueInput.DimensionInput> dimensions = new ArrayList<>();
        if (dimensionItems != null && !dimensionItems.isBlank()) {
            List<ValueInput.ItemInput> items = new ArrayList<>();
            List<String> lines = dimensionItems.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                int at = Math.max(line.lastIndexOf(':'), line.lastIndexOf('='));
                if (at <= 0) {
                    errors.add(new InvalidInputException.FieldError("dimensionItems", "indicators.itemLine", new Object[] {i + 1}));
                    continue;
                }
                BigDecimal value = decimal("dimensionItems", line.substring(at + 1), errors);
                items.add(new ValueInput.ItemInput(line.substring(0, at).strip(), value));
            }
            dimensions.add(new ValueInput.DimensionInput(dimensionName, dimensionBreakdown != null, items));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Language language = Language.of(locale);
        // In the form, an empty end means a period as long as its start says (a year, a month, a day).
        String periodEnd = end == null || end.isBlank() ? start : end;
        return new ValueInput(start, periodEnd, t, a, upper, approximate != null, null, text(actualText, language), null,
                text(comment, language), status, List.of(), dimensions, List.of(), reason);
    }

    private static LocalizedText text(String value, Language language) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (language) {
            case FR -> LocalizedText.of(value, null, null);
            case AR -> LocalizedText.of(null, value, null);
            case EN -> LocalizedText.of(null, null, value);
        };
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
}
