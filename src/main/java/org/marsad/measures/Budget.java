package org.marsad.measures;

import java.math.BigDecimal;

import org.marsad.platform.LocalizedText;

/**
 * A measure's budget: an amount in an ISO 4217 currency when the source gives one, and always the text as the
 * source states it ("Administratif (ANAPEC)", "400 000 (devise non précisée)").
 */
public record Budget(BigDecimal amount, String currency, boolean approximate, LocalizedText text) {
}
