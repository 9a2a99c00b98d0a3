package org.marsad.measures;

import org.marsad.platform.LocalizedText;

/** A programme grouped under a measure (the AVRR measure groups five), with its implementing organisation. */
public record Programme(LocalizedText name, Party implementer, LocalizedText note) {
}
