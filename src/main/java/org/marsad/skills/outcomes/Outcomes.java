package org.marsad.skills.outcomes;

import java.util.List;

/**
 * The outcome figures of the skills programme: totals, the conversion funnel from published demands to evaluated
 * missions (each rate computed from the stored counts), and the same counts by country of residence, sector,
 * institution and region. Counts only: no person can be told apart.
 */
public record Outcomes(Totals totals, List<Step> funnel, List<Row> byCountry, List<Row> bySector, List<Row> byInstitution,
        List<Row> byRegion, List<CountryCount> expertsByCountry) {

    public record Totals(long experts, long syntheticExperts, long demandsPublished, long syntheticDemands,
            long missions, long syntheticMissions, Double averageRatingInstitutions, Double averageRatingExperts) {
    }

    /** A step of the funnel: its count, and its share of the previous step in percent (null for the first). */
    public record Step(String step, long count, Double percentOfPrevious) {
    }

    /** How many experts live in a country. */
    public record CountryCount(String country, long experts) {
    }

    /** Counts for one value of a dimension (a country code, a sector, an organisation code, a region code). */
    public record Row(String key, long demands, long matches, long proposed, long contacted, long accepted, long completed,
            long evaluated) {
    }
}
