package org.marsad.measures;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Creating, editing, withdrawing and exporting measures through the API, and what the service refuses. */
@MarsadIntegrationTest
class MeasuresApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    static String body(String code, String implementers, String extra) {
        return """
                {"code": "%s", "title": {"fr": "Mesure de test %s", "en": "Test measure"}, "phase": "RETURN",
                 "models": ["SKILLS_RECOGNITION"], "targetGroups": ["RETURNEES"], "implementers": [%s],
                 "evaluation": "NOT_EVALUATED", "start": "2016", "end": "2019",
                 "budgetAmount": 250000.50, "budgetCurrency": "EUR", "beneficiariesMin": 40, "beneficiariesMax": 60
                 %s}
                """.formatted(code, code, implementers, extra);
    }

    static String freshCode() {
        return "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void aCoordinatorAddsAMeasureAndTheGapItFillsCloses() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String code = freshCode();
        mvc.perform(post("/api/v1/measures").with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(code, "\"MA-OFPPT\"", """
                                , "points": [{"node": "MP2013.6", "basis": "PROPOSED", "rationale": {"fr": "Validation des compétences au retour"}}]
                                """)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.implementers[0].code").value("MA-OFPPT"))
                .andExpect(jsonPath("$.budget.amount").value(250000.50))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(get("/api/v1/measures/gaps"))
                .andExpect(jsonPath("$.cells[?(@.phase == 'RETURN' && @.model == 'SKILLS_RECOGNITION')].measures[*]", hasItem(code)))
                .andExpect(jsonPath("$.points[?(@.node.code == 'MP2013.6')].measures[*]", hasItem(code)));
        mvc.perform(get("/api/v1/measures/" + code + "/history"))
                .andExpect(jsonPath("$.items[0].action").value("CREATE"))
                .andExpect(jsonPath("$.items[0].actor").value(coordinator.username()));
        withdraw(coordinator, code);
    }

    @Test
    void aFocalPointEditsItsOrganisationsMeasureAndIsRefusedAnotherOne() throws Exception {
        MarsadPrincipal admin = users.create(Role.ADMIN);
        String iomMeasure = freshCode();
        String gizMeasure = freshCode();
        create(admin, iomMeasure, "\"IOM\"");
        create(admin, gizMeasure, "\"DE-GIZ\"");
        MarsadPrincipal iom = users.create(Role.FOCAL_POINT, "IOM");
        mvc.perform(put("/api/v1/measures/" + iomMeasure).with(as(iom)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(iomMeasure, "\"OIM\"", ", \"evaluation\": \"ONGOING\", \"version\": 1")
                                .replace("\"evaluation\": \"NOT_EVALUATED\", ", "")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evaluation").value("ONGOING"))
                .andExpect(jsonPath("$.implementers[0].code").value("IOM"))
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(put("/api/v1/measures/" + gizMeasure).with(as(iom)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(gizMeasure, "\"DE-GIZ\"", ", \"version\": 1")))
                .andExpect(status().isForbidden());
        // Nor may it hand its own measure over to another organisation.
        mvc.perform(put("/api/v1/measures/" + iomMeasure).with(as(iom)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(iomMeasure, "\"DE-GIZ\"", ", \"version\": 2")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("implementers"));
        // It may create a measure of its own organisation, not of another.
        mvc.perform(post("/api/v1/measures").with(as(iom)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body(freshCode(), "\"MA-ANAPEC\"", ""))).andExpect(status().isForbidden());
        String own = freshCode();
        mvc.perform(post("/api/v1/measures").with(as(iom)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body(own, "\"IOM\"", ""))).andExpect(status().isCreated());
        for (String code : new String[] {iomMeasure, gizMeasure, own}) {
            withdraw(admin, code);
        }
    }

    @Test
    void badInputIsRefusedFieldByFieldAndChangesNothing() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String code = freshCode();
        mvc.perform(post("/api/v1/measures").with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "%s", "title": {"en": "No French"}, "phase": "LATER", "models": ["NOT_A_MODEL"],
                                 "targetGroups": ["ALIENS"], "implementers": ["NOBODY-KNOWN"], "evaluation": "DONE",
                                 "start": "2019", "end": "2018-05", "budgetAmount": -5, "budgetCurrency": "EURO",
                                 "beneficiariesMin": 50, "beneficiariesMax": 10,
                                 "points": [{"node": "MP2013.99", "basis": "STATED", "rationale": {"fr": "x"}}],
                                 "findings": [{"kind": "OPINION", "text": {}}],
                                 "sources": [{"document": "003_69d073076bc9812c.txt", "locator": "x", "fromLine": 1, "toLine": 2, "quote": "not in the document"}]}
                                """.formatted(code)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("title.fr")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("phase")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("models[0]")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("targetGroups[0]")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("implementers[0]")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("evaluation")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("end")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("budgetAmount")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("budgetCurrency")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("beneficiariesMax")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("points[0].node")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("points[0].sources")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("findings[0].kind")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("findings[0].text")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("sources[0]")));
        mvc.perform(get("/api/v1/measures/" + code)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/measures").with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(code, "\"IOM\"", ", \"budgetCurrency\": \"XXX\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("budgetCurrency"));
        mvc.perform(post("/api/v1/measures").with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + code + "\", \"budgetAmount\": \"lots\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aMeasureLinksPartnerInitiativesByCodeOrIdentifierAndRefusesUnknownOnes() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        mvc.perform(post("/api/v1/measures").with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(freshCode(), "\"IOM\"", ", \"initiatives\": [\"SNIA-PRJ-002\", \"XM-NO-SUCH-INITIATIVE\"]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("initiatives[1]"))
                .andExpect(jsonPath("$.errors[0].message").value("Initiative inconnue."));
        String code = freshCode();
        mvc.perform(post("/api/v1/measures").with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(code, "\"IOM\"", ", \"initiatives\": [\"SNIA-PRJ-002\"]")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.initiatives[0]").value("XM-DAC-918-SNIA-PRJ-002"));
        mvc.perform(get("/measures/" + code)).andExpect(status().isOk())
                .andExpect(content().string(containsString("SNIA-PRJ-002")))
                .andExpect(content().string(containsString("/initiatives/")));
    }

    @Test
    void aStaleVersionIsAConflictAndAWithdrawnMeasureKeepsItsReason() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String code = freshCode();
        create(coordinator, code, "\"IOM\"");
        mvc.perform(put("/api/v1/measures/" + code).with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body(code, "\"IOM\"", ", \"version\": 1"))).andExpect(status().isOk());
        mvc.perform(put("/api/v1/measures/" + code).with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(code, "\"IOM\"", ", \"version\": 1")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        mvc.perform(post("/api/v1/measures/" + code + "/withdrawal").with(as(coordinator)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"recorded twice\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.withdrawn").value(true))
                .andExpect(jsonPath("$.withdrawnReason").value("recorded twice"))
                .andExpect(jsonPath("$.withdrawnBy").value(coordinator.username()));
        mvc.perform(get("/api/v1/measures/" + code)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/measures").param("q", code)).andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void theCsvExportNeutralisesFormulasAndTheXlsxExportOpens() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String code = freshCode();
        mvc.perform(post("/api/v1/measures").with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body(code, "\"IOM\"", "").replace("\"Mesure de test " + code + "\"",
                        "\"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\""))).andExpect(status().isCreated());
        String csv = mvc.perform(get("/api/v1/measures/export.csv").param("q", code))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"measures.csv\""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
        assertThat(csv).doesNotContain(",=HYPERLINK");
        String all = mvc.perform(get("/api/v1/measures/export.csv").param("q", "MISMES"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(all.lines().count()).isEqualTo(10);
        assertThat(all).contains("MISMES-3,3,").contains("1975000,USD");
        byte[] xlsx = mvc.perform(get("/api/v1/measures/export.xlsx").param("q", "MISMES"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(9);
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("MISMES-3");
            assertThat(sheet.getRow(3).getCell(12).getNumericCellValue()).isEqualTo(1975000.0);
        }
        withdraw(coordinator, code);
    }

    private void create(MarsadPrincipal user, String code, String implementers) throws Exception {
        mvc.perform(post("/api/v1/measures").with(as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body(code, implementers, ""))).andExpect(status().isCreated());
    }

    /** Test measures are withdrawn afterwards so that they do not change what other tests count. */
    private void withdraw(MarsadPrincipal user, String code) throws Exception {
        MarsadPrincipal coordinator = user.hasAny(Role.COORDINATOR, Role.ADMIN) ? user : users.create(Role.COORDINATOR);
        mvc.perform(post("/api/v1/measures/" + code + "/withdrawal").with(as(coordinator)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"test done\"}")).andExpect(status().isOk());
    }
}
