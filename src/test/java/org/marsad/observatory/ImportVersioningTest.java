package org.marsad.observatory;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Corrections add vintages and never overwrite; re-importing a file changes nothing; two sources never collide. */
@MarsadIntegrationTest
class ImportVersioningTest {

    static final String HEADER = "REF_AREA,SEX,DATA_SOURCE,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n";

    @Autowired
    ObservatoryFixtures fixtures;

    @Autowired
    ObservatoryApi observatory;

    @Autowired
    JdbcClient jdbc;

    private OffsetDateTime databaseNow() {
        return jdbc.sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single();
    }

    @Test
    void asOfReturnsTheValueBeforeACorrection() {
        String dataset = fixtures.areaBySex();
        fixtures.importCsv(dataset, HEADER + "MA,F,CONSULATES,2007,100,P\n", ImportMode.ALL_OR_NOTHING, null);
        OffsetDateTime between = databaseNow();
        ImportJob correction = fixtures.importCsv(dataset, HEADER + "MA,F,CONSULATES,2007,120,A\n", ImportMode.ALL_OR_NOTHING, null);
        assertThat(correction.corrected()).isEqualTo(1);
        assertThat(correction.inserted()).isZero();

        Observation now = observatory.data(dataset, DataQuery.key("MA.F")).series().getFirst().at("2007");
        assertThat(now.value()).isEqualByComparingTo("120");
        assertThat(now.status()).isEqualTo(ObsStatus.A);
        Observation then = observatory.data(dataset, DataQuery.key("MA.F").withAsOf(between)).series().getFirst().at("2007");
        assertThat(then.value()).isEqualByComparingTo("100");
        assertThat(then.status()).isEqualTo(ObsStatus.P);
        assertThat(then.validTo()).isNotNull();
        assertThat(observatory.data(dataset, DataQuery.key("MA.F").withAsOf(between.minusYears(1))).series()).isEmpty();
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        String dataset = fixtures.areaBySex();
        String file = HEADER + "MA,F,CONSULATES,2007,100,A\nMA,M,CONSULATES,2007,90,A\nMA,F,CONSULATES,2008,101,E\n";
        ImportJob first = fixtures.importCsv(dataset, file, ImportMode.ALL_OR_NOTHING, null);
        assertThat(first.inserted()).isEqualTo(3);
        long vintages = vintages(dataset);
        ImportJob again = fixtures.importCsv(dataset, file, ImportMode.ALL_OR_NOTHING, null);
        assertThat(again.status()).isEqualTo(ImportStatus.DONE);
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(again.inserted() + again.corrected()).isZero();
        assertThat(vintages(dataset)).isEqualTo(vintages);
    }

    @Test
    void aDuplicateIdenticalToTheStoredValueIsStillReported() {
        String dataset = fixtures.areaBySex();
        fixtures.importCsv(dataset, HEADER + "MA,F,CONSULATES,2007,100,A\n", ImportMode.ALL_OR_NOTHING, null);
        ImportJob job = fixtures.importCsv(dataset, HEADER + "MA,F,CONSULATES,2007,100,A\nMA,F,CONSULATES,2007,100,A\n",
                ImportMode.ALL_OR_NOTHING, null);
        assertThat(job.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(fixtures.as(fixtures.steward(), () -> observatory.importErrors(job.id(), 10, 0)))
                .extracting(ImportJob.Error::reason).containsOnly("observatory.import.reason.duplicate");
    }

    @Test
    void twoSourcesForTheSameKeyAndPeriodLiveSideBySide() {
        String dataset = fixtures.areaBySex();
        fixtures.importCsv(dataset, HEADER + "_T,_T,MAE,2011,3500000,A\n_T,_T,MCMREAM,2011,4500000,A\n", ImportMode.ALL_OR_NOTHING, null);
        DataResult both = observatory.data(dataset, DataQuery.key("_T._T"));
        assertThat(both.series()).extracting(SeriesData::source).containsExactly("MAE", "MCMREAM");
        assertThat(observatory.data(dataset, DataQuery.key("_T._T").withSources(List.of("MCMREAM"))).series())
                .singleElement().satisfies(s -> assertThat(s.at("2011").value()).isEqualByComparingTo("4500000"));
    }

    @Test
    void aDeleteRowWithdrawsTheValueWhichStaysInThePast() {
        String dataset = fixtures.areaBySex();
        String structure = "MARSAD:" + dataset + "(1.0)";
        fixtures.importCsv(dataset, HEADER + "MA,F,CONSULATES,2007,100,A\n", ImportMode.ALL_OR_NOTHING, null);
        OffsetDateTime before = databaseNow();
        ImportJob withdrawal = fixtures.importCsv(dataset, "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,SEX,DATA_SOURCE,TIME_PERIOD,OBS_VALUE\n"
                + "dataflow," + structure + ",D,MA,F,CONSULATES,2007,-\n", ImportMode.ALL_OR_NOTHING, null);
        assertThat(withdrawal.withdrawn()).isEqualTo(1);
        assertThat(observatory.data(dataset, DataQuery.all()).series()).isEmpty();
        assertThat(observatory.data(dataset, DataQuery.all().withAsOf(before)).series()).hasSize(1);
    }

    @Test
    void anImportIsAudited() {
        String dataset = fixtures.areaBySex();
        ImportJob job = fixtures.importCsv(dataset, HEADER + "MA,F,CONSULATES,2007,100,A\n", ImportMode.ALL_OR_NOTHING, null);
        assertThat(jdbc.sql("SELECT count(*) FROM platform.audit_event WHERE entity_type = 'dataset' AND entity_id = :d AND action = 'IMPORT'")
                .param("d", dataset).query(Long.class).single()).isEqualTo(1);
        assertThat(job.createdBy()).isEqualTo(fixtures.steward().username());
    }

    private long vintages(String dataset) {
        return jdbc.sql("""
                SELECT count(*) FROM observatory.observation o JOIN observatory.series s ON s.id = o.series_id
                JOIN observatory.dataset d ON d.id = s.dataset_id WHERE d.code = :code
                """).param("code", dataset).query(Long.class).single();
    }
}
