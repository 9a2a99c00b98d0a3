package org.marsad.observatory;

import java.util.List;
import java.util.Optional;

import org.marsad.platform.LocalizedText;

/** The allowed codes of a dimension, with their labels and one hierarchy (each code's parent). */
public record Codelist(String code, LocalizedText name, LocalizedText description, List<Code> codes) {

    public Optional<Code> find(String code) {
        return codes.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public LocalizedText label(String code) {
        return find(code).map(Code::label).orElse(LocalizedText.french(code));
    }

    /** A code: ISO alpha-2 for countries (with its alpha-3), or a code of Marsad's or SDMX's ({@code _T} total). */
    public record Code(String code, LocalizedText label, LocalizedText description, String parent, String alpha3) {
    }
}
