package org.marsad.observatory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded tables, as the documents give them: the published derived figures are reproduced from the stored
 * counts within their rounding, and where the documents disagree with themselves the check says so.
 */
@MarsadIntegrationTest
class SeedDatasetsTest {

    @Autowired
    ObservatoryApi observatory;

    private BigDecimal derived(String dataset, String key, String source, Derivation derivation, String period) {
        DataResult result = observatory.data(dataset, DataQuery.key(key).withSources(List.of(source)).withDerive(Set.of(derivation)));
        assertThat(result.series()).hasSize(1);
        return result.series().getFirst().derivedAt(derivation, period).value();
    }

    @Test
    void reproducesTheAverageAnnualGrowthOfMoroccansInSpain1993To2007() {
        BigDecimal growth = derived("MRE_STOCK", "ES", "CONSULATES", Derivation.GROWTH_LINEAR, "2007");
        assertThat(growth.setScale(1, RoundingMode.HALF_UP)).isEqualByComparingTo("52.2");
        assertThat(derived("MRE_STOCK", "_T", "CONSULATES", Derivation.GROWTH_LINEAR, "2007").setScale(1, RoundingMode.HALF_UP))
                .isEqualByComparingTo("8.1");
    }

    @Test
    void reproducesTheAverageAnnualGrowthOfEmigrationFlowsToSpain1998To2007() {
        BigDecimal growth = derived("EMIGRATION_FLOWS", "ES", "OECD", Derivation.GROWTH_LINEAR, "2007");
        assertThat(growth.setScale(1, RoundingMode.HALF_UP)).isEqualByComparingTo("63.7");
    }

    @Test
    void everyPublishedFigureOfTheCarimTablesAgreesWithItsRecomputation() {
        for (String dataset : List.of("MRE_STOCK", "EMIGRATION_FLOWS", "REMITTANCES", "IRREGULAR_MIGRATION")) {
            DatasetCheck check = observatory.check(dataset);
            assertThat(check.figures()).as(dataset).isNotEmpty();
            assertThat(check.figures()).as(dataset)
                    .filteredOn(f -> f.status() != CheckStatus.NOT_COMPUTABLE)
                    .allSatisfy(f -> assertThat(f.status()).as(f.seriesKey() + " " + f.kind() + " " + f.period()).isEqualTo(CheckStatus.MATCH));
        }
    }

    @Test
    void theCheckFlagsTheDeHaasTotalsThatAreNotTheSumOfTheirCountries() {
        DatasetCheck check = observatory.check("MRE_STOCK");
        assertThat(check.totals()).filteredOn(t -> t.status() == CheckStatus.MISMATCH)
                .extracting(DatasetCheck.TotalCheck::source, DatasetCheck.TotalCheck::period)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("DEHAAS2014", "2005"),
                        org.assertj.core.groups.Tuple.tuple("DEHAAS2014", "2012"));
        assertThat(check.totals()).filteredOn(t -> t.source().equals("CONSULATES") && t.rule().complete())
                .allSatisfy(t -> assertThat(t.status()).isEqualTo(CheckStatus.MATCH));
    }

    @Test
    void aFigureThatCannotBeRecomputedIsSaidSo() {
        DatasetCheck check = observatory.check("REMITTANCES");
        assertThat(check.figures()).filteredOn(f -> f.period().equals("2012"))
                .singleElement().satisfies(f -> {
                    assertThat(f.status()).isEqualTo(CheckStatus.NOT_COMPUTABLE);
                    assertThat(f.qualifier()).isEqualTo(Qualifier.AT_LEAST);
                });
    }

    @Test
    void theTotalOfMoroccansAbroadComesFromSeveralSourcesThatDisagree() {
        Comparison comparison = observatory.compare("MRE_STOCK", "_T", List.of(), null, null);
        assertThat(comparison.rows()).extracting(Comparison.Row::source)
                .contains("CONSULATES", "MAE", "MCMREAM", "ETF2015");
        assertThat(comparison.rows()).filteredOn(r -> r.source().equals("MAE")).singleElement()
                .satisfies(r -> assertThat(r.values().get("2011").value()).isEqualByComparingTo("3500000"));
        assertThat(comparison.rows()).filteredOn(r -> r.source().equals("MCMREAM")).singleElement()
                .satisfies(r -> assertThat(r.values().get("2012").value()).isEqualByComparingTo("4500000"));
        assertThat(comparison.sources()).allSatisfy(s -> assertThat(s.definition().fr()).isNotBlank());
    }

    @Test
    void everySeededValueCitesItsPassageAndApproximationsAreFlagged() {
        for (DatasetSummary summary : observatory.catalogue(null, null)) {
            if (!summary.code().matches("[A-Z_]+") || summary.code().startsWith("T_") || summary.code().startsWith("RT_")) {
                continue;
            }
            DataResult all = observatory.data(summary.code(), DataQuery.all());
            assertThat(all.series()).as(summary.code()).isNotEmpty();
            all.series().forEach(s -> s.observations().forEach(o -> assertThat(o.citation()).as(summary.code() + " " + s.key()).isNotNull()));
        }
        DataResult residents = observatory.data("FOREIGN_RESIDENTS", DataQuery.key("FR._T.PS"));
        assertThat(residents.series().getFirst().at("2008").qualifier()).isEqualTo(Qualifier.ABOUT);
        DataResult total = observatory.data("FOREIGN_RESIDENTS", DataQuery.key("_T._T.PS"));
        assertThat(total.series().getFirst().at("2008").qualifier()).isEqualTo(Qualifier.MORE_THAN);
    }

    @Test
    void theCatalogueFindsDatasetsByWordsAndTheme() {
        assertThat(observatory.catalogue("réfugiés", null)).extracting(DatasetSummary::code).contains("REFUGEES");
        assertThat(observatory.catalogue(null, "REMITTANCES")).extracting(DatasetSummary::code)
                .contains("REMITTANCES", "REMITTANCE_COST").doesNotContain("REFUGEES");
    }
}
