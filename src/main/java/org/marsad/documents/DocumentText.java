package org.marsad.documents;

import java.util.List;

/** A document as the reader shows it: its passages, each with its numbered lines. */
public record DocumentText(DocumentSummary document, List<Passage> passages) {

    public record Passage(int seq, int fromLine, int toLine, List<Line> lines) {

        public boolean overlaps(Integer from, Integer to) {
            return from != null && to != null && fromLine <= to && toLine >= from;
        }
    }

    public record Line(int number, String text) {

        public boolean within(Integer from, Integer to) {
            return from != null && to != null && number >= from && number <= to;
        }
    }
}
