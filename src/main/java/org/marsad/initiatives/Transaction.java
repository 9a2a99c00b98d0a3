package org.marsad.initiatives;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.marsad.platform.LocalizedText;

/** An IATI transaction: a commitment, disbursement or expenditure on a date. */
public record Transaction(TransactionType type, LocalDate date, BigDecimal amount, String currency,
        LocalizedText description) {
}
