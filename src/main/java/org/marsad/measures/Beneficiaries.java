package org.marsad.measures;

import org.marsad.platform.LocalizedText;

/** How many people a measure reaches: a range when the source gives numbers, and the source's own words. */
public record Beneficiaries(Integer min, Integer max, LocalizedText text) {
}
