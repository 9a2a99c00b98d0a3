package org.marsad.indicators;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.marsad.documents.DocumentsApi;
import org.marsad.platform.PageQuery;
import org.marsad.platform.SourceCitation;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The result figures the documents state, as indicators with their passages. */
@MarsadIntegrationTest
class SeedIndicatorsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    IndicatorsApi indicators;

    @Autowired
    DocumentsApi documents;

    @Test
    void everySeededValueCitesAPassageWhoseQuoteIsThere() {
        List<IndicatorSummary> all = indicators.search(null, null, null, new PageQuery(0, 200)).items().stream()
                .filter(i -> !i.code().startsWith("TEST-")).toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(50);
        for (IndicatorSummary summary : all) {
            Indicator indicator = indicators.get(summary.code());
            assertThat(indicator.nodes()).as(summary.code()).isNotEmpty();
            assertThat(indicator.periods()).as(summary.code()).isNotEmpty();
            for (Period period : indicator.periods()) {
                if (!"seed".equals(period.enteredBy())) {
                    continue;
                }
                assertThat(period.sources()).as(summary.code() + " " + period.label()).isNotEmpty();
                for (SourceCitation source : period.sources()) {
                    assertThat(source.quote()).isNotBlank();
                    assertThatCode(() -> documents.verify(source)).as(summary.code()).doesNotThrowAnyException();
                }
            }
        }
    }

    @Test
    void foreignStudentsScholarshipsAndTheQuotaOfTheSniaReport() throws Exception {
        mvc.perform(get("/api/v1/indicators/FOREIGN-STUDENTS/values"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.periods[0].start").value("2017"))
                .andExpect(jsonPath("$.periods[0].end").value("2018"))
                .andExpect(jsonPath("$.periods[0].actual").value(20410))
                .andExpect(jsonPath("$.periods[0].sources[0].document").value("001_de66a9b74a95ff1f.txt"));
        mvc.perform(get("/api/v1/indicators/FOREIGN-STUDENTS-SCHOLARSHIPS")).andExpect(jsonPath("$.periods[0].actual").value(8225));
        // The 5 % quota was reached: target met, green.
        mvc.perform(get("/api/v1/indicators/FOREIGN-STUDENTS-QUOTA"))
                .andExpect(jsonPath("$.measure").value("PERCENTAGE"))
                .andExpect(jsonPath("$.periods[0].target").value(5))
                .andExpect(jsonPath("$.status").value("GREEN"));
    }

    @Test
    void smugglingNetworksDismantledIn2018AndBefore() throws Exception {
        mvc.perform(get("/api/v1/indicators/SMUGGLING-NETWORKS-DISMANTLED/values"))
                .andExpect(jsonPath("$.periods[*].start", contains("2000", "2018")))
                .andExpect(jsonPath("$.periods[1].actual").value(122))
                .andExpect(jsonPath("$.periods[0].approximate").value(true));
        mvc.perform(get("/api/v1/indicators").param("node", "SNIA.TRAFFICKING"))
                .andExpect(jsonPath("$.items[*].code", hasItem("SMUGGLING-NETWORKS-DISMANTLED")))
                .andExpect(jsonPath("$.items[*].code", hasItem("SNIA-TRAFFICKING-VICTIMS")));
    }

    @Test
    void fincomeMissionsPerPeriodAndSeasonalWorkersPerYear() throws Exception {
        mvc.perform(get("/api/v1/indicators/FINCOME-EXPERTISE-ACTIONS/values"))
                .andExpect(jsonPath("$.periods[*].actual", contains(69, 194)));
        mvc.perform(get("/api/v1/indicators/FINCOME-EXPERTS-MOBILISED")).andExpect(jsonPath("$.periods[0].actual").value(420));
        mvc.perform(get("/api/v1/indicators/SEASONAL-WORKERS-SELECTED-SPAIN/values"))
                .andExpect(jsonPath("$.periods[*].start", contains("2008", "2011", "2014")))
                .andExpect(jsonPath("$.periods[*].actual", contains(13600, 6800, 2180)));
        mvc.perform(get("/api/v1/indicators/MAGHRIBCOM-USERS")).andExpect(jsonPath("$.periods[0].actual").value(41000));
    }

    @Test
    void the2014RegularisationKeepsApplicationsAndRegularisationsAsCounts() throws Exception {
        mvc.perform(get("/api/v1/indicators/REGULARISATION-APPLICATIONS-2014")).andExpect(jsonPath("$.periods[0].actual").value(27000));
        mvc.perform(get("/api/v1/indicators/REGULARISED-MIGRANTS-2014")).andExpect(jsonPath("$.periods[0].actual").value(18000));
    }

    @Test
    void aPublishedBreakdownAddsUpAndAPartialOneIsMarkedAsSuch() throws Exception {
        mvc.perform(get("/api/v1/indicators/MIGRANTS-APPREHENDED/values"))
                .andExpect(jsonPath("$.periods[1].actual").value(14449))
                .andExpect(jsonPath("$.periods[1].actualDimensions[0].breakdown").value(true))
                .andExpect(jsonPath("$.periods[1].actualDimensions[0].items[*].value", contains(6619, 7830)))
                .andExpect(jsonPath("$.periods[1].actualDimensions[1].breakdown").value(false));
    }

    @Test
    void statusIsComputedFromTargetAndActual() throws Exception {
        // About 10 young professionals placed a year against a target of 100.
        mvc.perform(get("/api/v1/indicators/JEUNES-PROFESSIONNELS-PLACEMENTS"))
                .andExpect(jsonPath("$.status").value("RED"));
        // A target without an actual value has no status.
        mvc.perform(get("/api/v1/indicators/HIJRA-WA-HIMAYA-CHILDREN"))
                .andExpect(jsonPath("$.periods[0].target").value(2000))
                .andExpect(jsonPath("$.status").doesNotExist());
        mvc.perform(get("/api/v1/indicators").param("node", "MP2013.5"))
                .andExpect(jsonPath("$.items[?(@.code == 'JEUNES-PROFESSIONNELS-PLACEMENTS')].status", contains("RED")));
    }

    @Test
    void anUnknownNodeIsAFieldErrorAndAnUnknownIndicatorA404() throws Exception {
        mvc.perform(get("/api/v1/indicators").param("node", "MP2013.999"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("node"));
        mvc.perform(get("/api/v1/indicators/NO-SUCH-INDICATOR")).andExpect(status().isNotFound());
    }
}
