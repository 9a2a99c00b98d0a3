package org.marsad.measures;

import org.junit.jupiter.api.Test;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inventory as the ETF report gives it: Table 2.1, the detail tables, annex 1 and chapter 4. */
@MarsadIntegrationTest
class SeedMeasuresTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theNineMeasuresOfTable21AreThereInOrderWithTheirPhases() throws Exception {
        mvc.perform(get("/api/v1/measures").param("q", "").param("size", "20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.code =~ /MISMES-.*/)].number", contains(1, 2, 3, 4, 5, 6, 7, 8, 9)));
        mvc.perform(get("/api/v1/measures").param("phase", "PRE_DEPARTURE").param("q", "MISMES"))
                .andExpect(jsonPath("$.items[*].code", contains("MISMES-1", "MISMES-2", "MISMES-3")));
        mvc.perform(get("/api/v1/measures").param("phase", "DURING").param("q", "MISMES"))
                .andExpect(jsonPath("$.items[*].code", contains("MISMES-4", "MISMES-5", "MISMES-6", "MISMES-7", "MISMES-8")));
        mvc.perform(get("/api/v1/measures").param("phase", "RETURN").param("q", "MISMES"))
                .andExpect(jsonPath("$.items[*].code", contains("MISMES-9")));
    }

    @Test
    void avrrIsOneMeasureGroupingItsFiveProgrammesEachWithItsImplementer() throws Exception {
        mvc.perform(get("/api/v1/measures/MISMES-9"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.programmes", hasSize(5)))
                .andExpect(jsonPath("$.programmes[*].implementer.code",
                        contains("IOM", "FR-OFII", "FR-CLUB-FRANCE-MAROC", "IT-CEFA", "BE-CARITAS")))
                .andExpect(jsonPath("$.models", hasItem("AVRR")))
                .andExpect(jsonPath("$.evaluation").value("NOT_EVALUATED"));
    }

    @Test
    void detailTablesGiveImplementerFunderDurationBudgetAndBeneficiaries() throws Exception {
        mvc.perform(get("/api/v1/measures/MISMES-3"))
                .andExpect(jsonPath("$.implementers[*].code", contains("MA-ANAPEC", "DE-GIZ", "WB")))
                .andExpect(jsonPath("$.funders[*].code", contains("MENA-TF")))
                .andExpect(jsonPath("$.budget.amount").value(1975000))
                .andExpect(jsonPath("$.budget.currency").value("USD"))
                .andExpect(jsonPath("$.beneficiaries.min").value(100))
                .andExpect(jsonPath("$.beneficiaries.max").value(150))
                .andExpect(jsonPath("$.start").value("2015"))
                .andExpect(jsonPath("$.end").value("2018"))
                .andExpect(jsonPath("$.activities", hasSize(3)));
        mvc.perform(get("/api/v1/measures/MISMES-7"))
                .andExpect(jsonPath("$.budget.amount").value(4877481))
                .andExpect(jsonPath("$.budget.currency").value("EUR"))
                .andExpect(jsonPath("$.funders[0].code").value("NL"));
        // E-Bosla's table gives "400 000" without a currency: no amount is invented, the text says so.
        mvc.perform(get("/api/v1/measures/MISMES-2"))
                .andExpect(jsonPath("$.budget.amount").doesNotExist())
                .andExpect(jsonPath("$.budget.text.fr").value("400 000 (devise non précisée dans le tableau)"))
                .andExpect(jsonPath("$.beneficiaries.min").value(45));
    }

    @Test
    void everyMeasureCitesTheTableAndEveryFindingItsPassage() throws Exception {
        mvc.perform(get("/api/v1/measures").param("q", "MISMES").param("size", "20"))
                .andExpect(jsonPath("$.items[*].sources[0].document", everyItem(org.hamcrest.Matchers.is("003_69d073076bc9812c.txt"))))
                .andExpect(jsonPath("$.items[*].findings[*].sources[0].quote", everyItem(not(org.hamcrest.Matchers.emptyString()))))
                .andExpect(jsonPath("$.items[*].evaluation", hasItem("EVALUATED")));
    }

    @Test
    void chapterFourLinksMeasuresToPartnershipPoints() throws Exception {
        mvc.perform(get("/api/v1/measures").param("node", "MP2013.22").param("q", "MISMES"))
                .andExpect(jsonPath("$.items[*].code", containsInAnyOrder("MISMES-4", "MISMES-5", "MISMES-6", "MISMES-7")));
        mvc.perform(get("/api/v1/measures/MISMES-6"))
                .andExpect(jsonPath("$.points[0].node.code").value("MP2013.22"))
                .andExpect(jsonPath("$.points[0].basis").value("STATED"))
                .andExpect(jsonPath("$.points[0].sources[0].quote").value("contribution à la promotion et au développement du portail Maghribcom"));
    }

    @Test
    void theReferenceListsHoldTheElevenEtfModels() throws Exception {
        mvc.perform(get("/api/v1/measures/reference"))
                .andExpect(jsonPath("$.models", hasSize(11)))
                .andExpect(jsonPath("$.models[0].code").value("JOB_MATCHING"))
                .andExpect(jsonPath("$.models[10].code").value("WELFARE_FUNDS"))
                .andExpect(jsonPath("$.phases", contains("PRE_DEPARTURE", "DURING", "RETURN", "CROSS_PHASE")))
                .andExpect(jsonPath("$.targetGroups.length()").value(greaterThanOrEqualTo(10)));
    }

    @Test
    void theGapMatrixShowsTheEmptyCellsTheReportPointsAt() throws Exception {
        mvc.perform(get("/api/v1/measures/gaps"))
                .andExpect(status().isOk())
                // Recognition of skills, resource centres and welfare funds: no measure at all.
                .andExpect(jsonPath("$.modelsWithoutMeasure", hasItem("SKILLS_RECOGNITION")))
                .andExpect(jsonPath("$.modelsWithoutMeasure", hasItem("RESOURCE_CENTRES")))
                .andExpect(jsonPath("$.modelsWithoutMeasure", hasItem("WELFARE_FUNDS")))
                .andExpect(jsonPath("$.phasesWithoutMeasure", contains("CROSS_PHASE")))
                .andExpect(jsonPath("$.targetGroupsWithoutMeasure", hasItem("STUDENTS")))
                .andExpect(jsonPath("$.targetGroupsWithoutMeasure", hasItem("REGULARISED_MIGRANTS")))
                // Information and protection in destination countries during migration: expected, empty.
                .andExpect(jsonPath("$.cells[?(@.phase == 'DURING' && @.model == 'DESTINATION_INFO_PROTECTION')].count", contains(0)))
                .andExpect(jsonPath("$.cells[?(@.phase == 'DURING' && @.model == 'DESTINATION_INFO_PROTECTION')].expected", contains(true)))
                .andExpect(jsonPath("$.cells[?(@.phase == 'DURING' && @.model == 'SKILLS_CAPITALISATION')].count", contains(4)))
                // Point 6 (recognition of qualifications), which chapter 4 relates to support during migration, has no measure.
                .andExpect(jsonPath("$.points[?(@.node.code == 'MP2013.6')].measures[*]", hasSize(0)))
                .andExpect(jsonPath("$.points[?(@.node.code == 'MP2013.22')].measures[*]", hasItem("MISMES-7")))
                .andExpect(jsonPath("$.cube", hasSize(4 * 11 * 10)));
        mvc.perform(get("/api/v1/measures/gaps").param("targetGroup", "WOMEN"))
                .andExpect(jsonPath("$.cells[?(@.phase == 'PRE_DEPARTURE' && @.model == 'PRE_DEPARTURE_TRAINING')].measures[*]",
                        containsInAnyOrder("MISMES-1", "MISMES-2")));
        mvc.perform(get("/api/v1/measures/gaps").param("targetGroup", "NOBODY"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("targetGroup"));
    }
}
