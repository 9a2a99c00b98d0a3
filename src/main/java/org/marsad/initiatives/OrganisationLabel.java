package org.marsad.initiatives;

import org.marsad.platform.LocalizedText;

/**
 * An organisation as an initiative names it: a registered organisation (id and code), or, for data imported from
 * IATI files, only an IATI reference and a name.
 */
public record OrganisationLabel(Long id, String code, String ref, LocalizedText name) {

    public boolean registered() {
        return id != null;
    }

    /** The code when registered, else the IATI reference, else the name: what lists and exports show. */
    public String label() {
        if (code != null) {
            return code;
        }
        if (ref != null && !ref.isBlank()) {
            return ref;
        }
        return name == null ? "" : name.resolve(org.marsad.platform.Language.FR).text();
    }
}
