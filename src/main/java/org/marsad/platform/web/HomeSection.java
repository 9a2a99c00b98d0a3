package org.marsad.platform.web;

import java.util.function.LongSupplier;

/**
 * A tile of the home page, contributed by a module as a bean: what it holds (message keys), how much of it,
 * and where to start.
 */
public record HomeSection(String titleKey, String descriptionKey, String path, LongSupplier count, int order) {
}
