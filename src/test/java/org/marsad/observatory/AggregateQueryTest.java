package org.marsad.observatory;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marsad.observatory.internal.DatasetRepository;
import org.marsad.observatory.internal.ObservationRepository;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Sums over dimensions come back in codelist order and period order, whatever order the database hands the rows in. */
@MarsadIntegrationTest
class AggregateQueryTest {

    static final String HEADER = "REF_AREA,SEX,DATA_SOURCE,TIME_PERIOD,OBS_VALUE\n";

    // Deliberately shuffled: neither the areas, the sexes nor the periods come in the order the answer must give.
    static final String FILE = HEADER + """
            MA,F,CONSULATES,2009,9
            FR,M,CONSULATES,2008,80
            ES,F,CONSULATES,2007,7
            BE,M,CONSULATES,2009,900
            FR,F,CONSULATES,2007,70
            MA,M,CONSULATES,2007,3
            ES,M,CONSULATES,2009,90
            BE,F,CONSULATES,2008,800
            FR,F,CONSULATES,2009,700
            ES,F,CONSULATES,2008,8
            MA,F,CONSULATES,2008,2
            BE,M,CONSULATES,2007,600
            """;

    @Autowired
    ObservatoryFixtures fixtures;

    @Autowired
    ObservatoryApi observatory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DatasetRepository datasets;

    @Autowired
    ObservationRepository observations;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aSumOverOneDimensionListsItsSeriesInCodelistOrderAndItsPeriodsInTimeOrder() {
        String dataset = fixtures.areaBySex();
        fixtures.importCsv(dataset, FILE, ImportMode.ALL_OR_NOTHING, null);
        List<String> areaOrder = observatory.codelist("CL_AREA").codes().stream().map(Codelist.Code::code)
                .filter(List.of("BE", "ES", "FR", "MA")::contains).toList();

        DataResult byArea = observatory.data(dataset, DataQuery.all().withGroupBy(List.of("REF_AREA")));

        assertThat(byArea.aggregated()).isTrue();
        assertThat(byArea.series()).extracting(s -> s.dimensions().getFirst().code()).containsExactlyElementsOf(areaOrder);
        assertThat(byArea.periods()).containsExactly("2007", "2008", "2009");
        SeriesData france = byArea.series().stream().filter(s -> s.key().equals("FR.")).findFirst().orElseThrow();
        assertThat(france.observations()).extracting(Observation::period).containsExactly("2007", "2008", "2009");
        assertThat(france.observations()).extracting(o -> o.value().intValue()).containsExactly(70, 80, 700);
    }

    @Test
    void theSameAggregateAskedTwiceOrFromThePastAnswersInTheSameOrder() {
        String dataset = fixtures.areaBySex();
        fixtures.importCsv(dataset, FILE, ImportMode.ALL_OR_NOTHING, null);
        OffsetDateTime now = jdbc.sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single();
        DataQuery bySexAndArea = DataQuery.all().withGroupBy(List.of("SEX", "REF_AREA"));

        List<String> first = keysAndPeriods(observatory.data(dataset, bySexAndArea));
        List<String> again = keysAndPeriods(observatory.data(dataset, bySexAndArea));
        // asOf always sums the observations themselves, never the summary: the other path must order the same way.
        List<String> past = keysAndPeriods(observatory.data(dataset, bySexAndArea.withAsOf(now)));

        assertThat(first).hasSize(12).isEqualTo(again).isEqualTo(past);
    }

    @Test
    void theSummaryOfALargeDatasetAnswersExactlyAsItsObservationsDo() {
        String dataset = fixtures.areaBySex();
        // Totals (_T) are published figures, not parts: neither path may add them to the sums.
        fixtures.importCsv(dataset, FILE + "_T,M,CONSULATES,2008,5000\nFR,_T,CONSULATES,2009,6000\n", ImportMode.ALL_OR_NOTHING, null);
        List<DataQuery> queries = List.of(DataQuery.all().withGroupBy(List.of("SEX", "REF_AREA")),
                DataQuery.all().withGroupBy(List.of("REF_AREA")),
                DataQuery.all().withGroupBy(List.of("SEX")).withPeriods("2008", "2009"));
        int id = datasets.id(dataset).orElseThrow();
        assertThat(datasets.summaryFresh(id)).isFalse();
        List<List<String>> fromObservations = queries.stream().map(q -> keysAndPeriods(observatory.data(dataset, q))).toList();

        // What the importer does in the background for datasets of 100,000 values or more.
        new TransactionTemplate(transactions).executeWithoutResult(t -> {
            OffsetDateTime changed = datasets.dataChangedAt(id);
            observations.rebuildSummary(id, 2, List.of("_T", "_T"));
            datasets.summaryBuilt(id, changed);
        });
        assertThat(datasets.summaryFresh(id)).isTrue();
        List<List<String>> fromSummary = queries.stream().map(q -> keysAndPeriods(observatory.data(dataset, q))).toList();

        assertThat(fromSummary).isEqualTo(fromObservations);
        // Men first: the order of the sex codelist.
        assertThat(fromSummary.get(2)).containsExactly(".M|CONSULATES|2008=80", ".M|CONSULATES|2009=990",
                ".F|CONSULATES|2008=810", ".F|CONSULATES|2009=709");
    }

    private static List<String> keysAndPeriods(DataResult result) {
        return result.series().stream()
                .flatMap(s -> s.observations().stream().map(o -> s.key() + "|" + s.source() + "|" + o.period() + "=" + o.value().intValue()))
                .toList();
    }
}
