package org.marsad.skills.matching;

import java.util.List;

/**
 * Why an expert got their score, criterion by criterion, in a form that does not depend on a language: each item is
 * a message key with the concepts and values it names, rendered in the reader's language when shown. Stored as is
 * with a mission, so both sides always see the reason the expert was proposed.
 */
public record Explanation(double score, List<Part> parts) {

    /** One criterion: the points it gave, out of how many, whether it applied to this demand, and its details. */
    public record Part(Criterion criterion, double points, double maxPoints, boolean applicable, List<Item> items) {
    }

    /**
     * A detail: {@code key} under {@code skills.match.item.}, the concept it is about (a demand's skill, the
     * occupation), the concept of the expert that covered it ({@code via}), and plain values (levels, years, %).
     */
    public record Item(Kind kind, String key, String concept, String via, List<String> values) {

        public static Item of(Kind kind, String key, String concept, String via, String... values) {
            return new Item(kind, key, concept, via, List.of(values));
        }
    }

    /** What an item says: something that matched, matched in part, is missing, or lowered the score. */
    public enum Kind {
        MATCHED, PARTIAL, MISSING, LOWERED
    }
}
