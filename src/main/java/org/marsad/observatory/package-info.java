/**
 * The migration observatory: statistical datasets (structures, codelists, sources), series keyed like SDMX,
 * versioned observations with the source in their key, derived figures with documented formulas, the check of
 * published figures against recomputed ones, the comparison of sources, and imports and exports (SDMX-CSV 2.0,
 * CSV, XLSX).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Observatory",
        allowedDependencies = {"platform", "documents", "organisations"})
package org.marsad.observatory;
