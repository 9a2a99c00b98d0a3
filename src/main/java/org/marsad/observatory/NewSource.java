package org.marsad.observatory;

import org.marsad.platform.LocalizedText;

/** A source to register; {@code organisation} is a code of the organisation registry when kind is ORGANISATION. */
public record NewSource(String code, SourceKind kind, String organisation, LocalizedText name, LocalizedText definition) {
}
