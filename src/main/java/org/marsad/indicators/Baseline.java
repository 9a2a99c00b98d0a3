package org.marsad.indicators;

import java.math.BigDecimal;

import org.marsad.platform.LocalizedText;

/** Where an indicator started: the year (when known), the value and a comment. */
public record Baseline(Integer year, BigDecimal value, LocalizedText comment) {
}
