package org.marsad.skills.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.marsad.skills.ConsentPurpose;
import org.marsad.skills.demands.DemandStatus;
import org.marsad.skills.experts.SyntheticExpert;
import org.marsad.skills.taxonomy.EscoTaxonomy;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo population: the FINCOME shares of countries, the fields the report names, the same every time. */
class SyntheticPopulationTest {

    static final EscoTaxonomy ESCO = new EscoTaxonomy();
    static final LocalDate REFERENCE = LocalDate.of(2031, 1, 1);

    /** The report gives France 60, Germany 13, Canada 10, USA 6, Belgium 5, England 5 and others 6: 105 in all. */
    @Test
    void countriesOfResidenceFollowTheFincomeSharesUsedAsWeights() {
        List<SyntheticExpert> experts = new SyntheticPopulation(ESCO, REFERENCE).experts(2100);
        Map<String, Long> byCountry = experts.stream().collect(Collectors.groupingBy(SyntheticExpert::country, Collectors.counting()));
        assertThat(byCountry).containsEntry("FR", 1200L).containsEntry("DE", 260L).containsEntry("CA", 200L)
                .containsEntry("US", 120L).containsEntry("BE", 100L).containsEntry("GB", 100L);
        long others = experts.size() - byCountry.entrySet().stream()
                .filter(e -> List.of("FR", "DE", "CA", "US", "BE", "GB").contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        assertThat(others).isEqualTo(120);
    }

    @Test
    void expertsAreMarkedSyntheticHaveEscoSkillsAndTheSameSeedGivesTheSamePopulation() {
        List<SyntheticExpert> first = new SyntheticPopulation(ESCO, REFERENCE).experts(300);
        List<SyntheticExpert> second = new SyntheticPopulation(ESCO, REFERENCE).experts(300);
        assertThat(first).isEqualTo(second);
        assertThat(first).allSatisfy(e -> {
            assertThat(e.displayName()).startsWith("Expert synthétique ");
            assertThat(e.skills()).isNotEmpty().allSatisfy(s -> assertThat(ESCO.find(s.uri())).isPresent());
            assertThat(ESCO.find(e.occupationUri())).isPresent();
            assertThat(e.consents()).contains(ConsentPurpose.PROFILE);
            assertThat(e.availability()).allSatisfy(w -> assertThat(w.from()).isAfterOrEqualTo(REFERENCE));
        });
        Map<String, Long> fields = first.stream().collect(Collectors.groupingBy(SyntheticExpert::educationField, Collectors.counting()));
        assertThat(fields.keySet()).contains("biotechnologies", "nanotechnologies", "télécommunications",
                "sciences de l’environnement", "management");
    }

    @Test
    void demandsComeFromMoroccanInstitutionsMostlyPublished() {
        var demands = new SyntheticPopulation(ESCO, REFERENCE).demands(100);
        assertThat(demands).hasSize(100).allSatisfy(d -> {
            assertThat(d.organisationCode()).startsWith("MA-");
            assertThat(d.input().title().fr()).isNotBlank();
            assertThat(d.input().title().ar()).isNotBlank();
            assertThat(d.input().description().fr()).contains("synthétique");
            assertThat(d.input().skills()).isNotEmpty();
        });
        Map<DemandStatus, Long> byStatus = demands.stream().collect(Collectors.groupingBy(
                SyntheticPopulation.SyntheticDemand::status, Collectors.counting()));
        assertThat(byStatus.get(DemandStatus.PUBLISHED)).isGreaterThan(70);
        assertThat(byStatus).containsKeys(DemandStatus.DRAFT, DemandStatus.CLOSED);
        assertThat(demands.stream().map(SyntheticPopulation.SyntheticDemand::organisationCode).distinct().count()).isGreaterThan(8);
    }

}
