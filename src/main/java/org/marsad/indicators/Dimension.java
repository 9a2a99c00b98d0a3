package org.marsad.indicators;

import java.math.BigDecimal;
import java.util.List;

/**
 * A disaggregation of a target or actual value by one dimension (IATI name/value pairs: sex, nationality,
 * region…). When {@code breakdown} is true the items are parts of the whole and add up to the value they break
 * down; otherwise they are figures "of which" the source gives only some.
 */
public record Dimension(String name, boolean breakdown, List<Item> items) {

    public record Item(String label, BigDecimal value) {
    }
}
