package org.marsad.measures;

import org.marsad.platform.LocalizedText;

/** An organisation of the registry as a measure names it: its code and name. */
public record Party(String code, LocalizedText name) {

    public String href() {
        return "/organisations/" + code;
    }
}
