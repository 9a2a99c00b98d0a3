package org.marsad.platform.seed;

import org.marsad.platform.LocalizedText;

/** A localised text as written in seed files: {@code {fr: …, en: …, ar: …}}. */
public record SeedText(String fr, String en, String ar) {

    public LocalizedText toText() {
        return new LocalizedText(fr, ar, en);
    }

    public static LocalizedText of(SeedText text) {
        return text == null ? new LocalizedText(null, null, null) : text.toText();
    }
}
