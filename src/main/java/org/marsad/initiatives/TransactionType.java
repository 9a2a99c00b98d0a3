package org.marsad.initiatives;

import java.util.Locale;
import java.util.Optional;

/** The IATI TransactionType codes Marsad records: outgoing commitment (2), disbursement (3), expenditure (4). */
public enum TransactionType {
    COMMITMENT(2),
    DISBURSEMENT(3),
    EXPENDITURE(4);

    private final int code;

    TransactionType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<TransactionType> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        for (TransactionType type : values()) {
            if (v.equals(String.valueOf(type.code)) || v.toUpperCase(Locale.ROOT).equals(type.name())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
