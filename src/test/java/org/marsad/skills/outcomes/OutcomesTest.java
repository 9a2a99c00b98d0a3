package org.marsad.skills.outcomes;

import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.skills.SkillsFixtures;
import org.marsad.skills.demands.Demand;
import org.marsad.skills.missions.MissionAction;
import org.marsad.skills.missions.MissionInput;
import org.marsad.skills.missions.MissionsApi;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The outcome figures: open to anyone as counts, computed from stored events, exported safely. */
@MarsadIntegrationTest
class OutcomesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SkillsFixtures fx;

    @Autowired
    MissionsApi missions;

    @Autowired
    OutcomesApi outcomes;

    @Test
    void aContactedAndAcceptedMissionMovesTheFunnelAndTheBreakdowns() {
        Outcomes before = outcomes.outcomes();
        String skill = fx.skill("biotechnology");
        SkillsFixtures.Expert expert = fx.expert(fx.profile("Funnel", "CA", List.of(skill), null),
                List.of("PROFILE", "MATCHING", "CONTACT"));
        MarsadPrincipal institution = fx.institution("MA-CNRST", SkillsFixtures.unique("cnrst") + "@example.org");
        Demand demand = fx.publishedDemand(institution, List.of(skill), List.of());
        long mission = fx.as(institution, () -> missions.propose(demand.id(), expert.profile().id())).id();
        fx.as(institution, () -> missions.act(mission, MissionAction.CONTACT, MissionInput.note("Bonjour")));
        fx.as(expert.user(), () -> missions.act(mission, MissionAction.ACCEPT, MissionInput.none()));

        Outcomes after = outcomes.outcomes();
        for (String step : List.of("demands", "matches", "proposed", "contacted", "accepted")) {
            assertThat(count(after, step)).as(step).isEqualTo(count(before, step) + 1);
        }
        assertThat(count(after, "completed")).isEqualTo(count(before, "completed"));
        assertThat(after.funnel().get(3).percentOfPrevious())
                .isEqualTo(Math.round(1000.0 * count(after, "contacted") / count(after, "proposed")) / 10.0);
        Outcomes.Row canada = after.byCountry().stream().filter(r -> r.key().equals("CA")).findFirst().orElseThrow();
        assertThat(canada.accepted()).isGreaterThanOrEqualTo(1);
        assertThat(after.byInstitution()).anySatisfy(r -> assertThat(r.key()).isEqualTo("MA-CNRST"));
        assertThat(after.byRegion()).anySatisfy(r -> assertThat(r.key()).isEqualTo("MA-04"));
        assertThat(after.bySector()).anySatisfy(r -> assertThat(r.key()).isEqualTo("BIOTECHNOLOGY"));
    }

    private static long count(Outcomes o, String step) {
        return o.funnel().stream().filter(s -> s.step().equals(step)).findFirst().orElseThrow().count();
    }

    @Test
    void anyoneReadsTheFiguresAndExportsThemAsCsvAndXlsx() throws Exception {
        mvc.perform(get("/api/v1/skills/stats")).andExpect(status().isOk())
                .andExpect(jsonPath("$.funnel[0].step").value("demands"))
                .andExpect(jsonPath("$.totals.experts").isNumber());
        String csv = mvc.perform(get("/api/v1/skills/stats/export.csv").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("\"Dimension\",\"Code\",\"Label\",\"Published demands\"");
        byte[] xlsx = mvc.perform(get("/api/v1/skills/stats/export.xlsx")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Set<String> parts = new HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                parts.add(e.getName());
            }
        }
        assertThat(parts).contains("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml");
    }

    @Test
    void aCellThatASpreadsheetWouldReadAsAFormulaIsNeutralised() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(Csv.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(Csv.cell("-2")).isEqualTo("\"'-2\"");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(Csv.cell("Rabat, \"Maroc\"")).isEqualTo("\"Rabat, \"\"Maroc\"\"\"");
        assertThat(Csv.cell(42L)).isEqualTo("42");
        assertThat(Xlsx.column(0)).isEqualTo("A");
        assertThat(Xlsx.column(26)).isEqualTo("AA");
    }
}
