package org.marsad.observatory;

import java.util.List;

import org.marsad.platform.LocalizedText;

/** A dataset to create: its structure. Observations come by import. */
public record NewDataset(String code, LocalizedText name, LocalizedText description, List<String> themes,
        LocalizedText measure, String unit, Boolean additive, List<NewDimension> dimensions, Boolean published) {

    public record NewDimension(String code, LocalizedText name, String codelist, String total) {
    }
}
