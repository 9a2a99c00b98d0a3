package org.marsad.observatory;

import java.util.List;

/** A dataset with everything needed to read or feed it: structure, codelists, sources and counts. */
public record DatasetDetail(Dataset dataset, DatasetSummary summary, List<Codelist> codelists, List<Source> sources) {
}
