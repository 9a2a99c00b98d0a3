package org.marsad.skills.matching;

import org.marsad.skills.taxonomy.EscoTaxonomy;

/** One taxonomy for all unit tests of a test JVM: reading the extract takes a second or two. */
final class SharedTaxonomy {

    private static EscoTaxonomy taxonomy;

    private SharedTaxonomy() {
    }

    static synchronized EscoTaxonomy get() {
        if (taxonomy == null) {
            taxonomy = new EscoTaxonomy();
        }
        return taxonomy;
    }
}
