package org.marsad.observatory;

import java.util.List;

import org.marsad.platform.LocalizedText;

/** A codelist to create, with its codes. */
public record NewCodelist(String code, LocalizedText name, LocalizedText description, List<NewCode> codes) {

    public record NewCode(String code, LocalizedText label, String parent) {
    }
}
