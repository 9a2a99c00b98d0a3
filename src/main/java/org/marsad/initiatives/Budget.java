package org.marsad.initiatives;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An IATI budget: original or revised, for a period of at most a year, in an ISO 4217 currency. Documents often
 * state only a total ("35 millions d'euros"): such a budget has no period ({@link #stated()}), and no annual
 * period is invented for it.
 */
public record Budget(BudgetType type, LocalDate periodStart, LocalDate periodEnd, BigDecimal amount, String currency) {

    /** A total stated without a period. */
    public boolean stated() {
        return periodStart == null;
    }
}
