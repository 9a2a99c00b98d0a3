package org.marsad.frameworks;

import org.marsad.platform.LocalizedText;

/** Enough of a node to name and link it. */
public record NodeRef(String code, String frameworkCode, NodeKind kind, String number, LocalizedText title) {

    public String href() {
        return "/frameworks/" + frameworkCode + "/nodes/" + code;
    }
}
