package org.marsad.initiatives;

import java.util.Locale;
import java.util.Optional;

/** IATI BudgetType codelist: the budget as first agreed, or as revised. */
public enum BudgetType {
    ORIGINAL(1),
    REVISED(2);

    private final int code;

    BudgetType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<BudgetType> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        for (BudgetType type : values()) {
            if (v.equals(String.valueOf(type.code)) || v.toUpperCase(Locale.ROOT).equals(type.name())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
