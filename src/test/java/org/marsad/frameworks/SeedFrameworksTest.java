package org.marsad.frameworks;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The seeded frameworks are complete and each element points at its passage. */
@MarsadIntegrationTest
class SeedFrameworksTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FrameworksApi frameworks;

    @Test
    void theMobilityPartnershipHasItsFourObjectivesSixSectionsAndFortySixPoints() {
        List<FrameworkNode> nodes = frameworks.nodes("MP2013");
        assertThat(nodes.stream().filter(n -> n.kind() == NodeKind.OBJECTIVE)).hasSize(4);
        assertThat(nodes.stream().filter(n -> n.kind() == NodeKind.SECTION)).hasSize(6);
        List<FrameworkNode> points = nodes.stream().filter(n -> n.kind() == NodeKind.POINT).toList();
        assertThat(points).hasSize(46);
        for (int i = 1; i <= 46; i++) {
            String code = "MP2013." + i;
            FrameworkNode point = points.stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
            assertThat(point.number()).isEqualTo(Integer.toString(i));
            assertThat(point.parentCode()).startsWith("MP2013.S");
            assertThat(point.text().fr()).as(code).isNotBlank();
            assertThat(point.title().fr()).isNotBlank();
            assertThat(point.title().en()).isNotBlank();
            assertThat(point.title().ar()).isNotBlank();
            assertThat(point.sources()).as(code).isNotEmpty();
            assertThat(point.sources().getFirst().document()).isEqualTo("000_730cb28217dd8238.txt");
        }
    }

    @Test
    void pointThirtySevenQuotesTheDeclarationAndCitesItsLines() throws Exception {
        mvc.perform(get("/api/v1/frameworks/MP2013/nodes/MP2013.37"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.node.text.fr", containsString("connaissance scientifique des phénomènes migratoires")))
                .andExpect(jsonPath("$.node.sources[0].locator", containsString("37")))
                .andExpect(jsonPath("$.node.sources[0].fromLine").value(559))
                .andExpect(jsonPath("$.ancestors[0].code").value("MP2013.S5"))
                .andExpect(jsonPath("$.links[*].to.code", hasItem("GCM.1")));
    }

    @Test
    void theGlobalCompactHasTwentyThreeObjectivesWithOfficialFrenchAndEnglishTitles() {
        List<FrameworkNode> objectives = frameworks.nodes("GCM");
        assertThat(objectives).hasSize(23);
        assertThat(objectives).allSatisfy(o -> {
            assertThat(o.title().fr()).isNotBlank();
            assertThat(o.title().en()).isNotBlank();
        });
        assertThat(objectives.stream().map(FrameworkNode::code)).containsExactly(
                IntStream.rangeClosed(1, 23).mapToObj(i -> "GCM." + i).toArray(String[]::new));
        assertThat(objectives.get(0).title().en()).isEqualTo("Collect and utilize accurate and disaggregated data as a basis for evidence-based policies");
    }

    @Test
    void moroccosReportsUnderGcmObjectivesCiteItsStatement() throws Exception {
        mvc.perform(get("/api/v1/frameworks/GCM/nodes/GCM.4"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reports[0].reporter").value("MA"))
                .andExpect(jsonPath("$.reports[0].text.fr", containsString("régularisation")))
                .andExpect(jsonPath("$.reports[0].sources[0].document").value("004_08719c9c0e6f2db6.txt"));
    }

    @Test
    void sniaProgrammeNineHasItsThreeSpecificObjectivesAndSaysWhatIsMissing() throws Exception {
        mvc.perform(get("/api/v1/frameworks/SNIA/nodes/SNIA.P9"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.node.title.fr", containsString("Coopération et partenariats internationaux")))
                .andExpect(jsonPath("$.children[*].code", hasItem("SNIA.OSP17")))
                .andExpect(jsonPath("$.children[*].code", hasItem("SNIA.OSP18")))
                .andExpect(jsonPath("$.children[*].code", hasItem("SNIA.OSP19")));
        Framework snia = frameworks.get("SNIA");
        assertThat(snia.complete()).isFalse();
        assertThat(snia.gaps().fr()).isNotBlank();
    }

    @Test
    void lawZeroTwoZeroThreeIsInForceAsReportedIn2009() {
        Framework law = frameworks.get("LAW.02-03");
        assertThat(law.kind()).isEqualTo(FrameworkKind.LAW);
        assertThat(law.status()).isEqualTo(FrameworkStatus.IN_FORCE);
        assertThat(law.statusReportedOn().year()).isEqualTo(2009);
        assertThat(law.sources()).isNotEmpty();
    }

    @Test
    void readmissionAndLabourAgreementsCarryTheirYearAndParties() {
        List<Framework> all = frameworks.list();
        List<Framework> readmission = all.stream().filter(f -> f.kind() == FrameworkKind.READMISSION_AGREEMENT).toList();
        List<Framework> labour = all.stream().filter(f -> f.kind() == FrameworkKind.LABOUR_AGREEMENT).toList();
        assertThat(readmission).isNotEmpty();
        assertThat(labour).isNotEmpty();
        assertThat(readmission).anySatisfy(f -> assertThat(f.parties()).contains("MA", "ES"));
        assertThat(labour).anySatisfy(f -> {
            assertThat(f.parties()).contains("MA", "FR");
            assertThat(f.dates().signed().value()).isEqualTo("1963");
        });
    }

    @Test
    void unknownFrameworkOrNodeIsA404Problem() throws Exception {
        mvc.perform(get("/api/v1/frameworks/NOPE"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.instance").value("/api/v1/frameworks/NOPE"));
        mvc.perform(get("/api/v1/frameworks/MP2013/nodes/GCM.1")).andExpect(status().isNotFound());
    }
}
