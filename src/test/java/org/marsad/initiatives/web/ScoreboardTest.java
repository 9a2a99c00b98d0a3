package org.marsad.initiatives.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.marsad.initiatives.Acting;
import org.marsad.initiatives.InitiativeInput;
import org.marsad.initiatives.InitiativesApi;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The scoreboard API, page and exports, on the seeded partnership annex. */
@MarsadIntegrationTest
class ScoreboardTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    InitiativesApi initiatives;

    @Test
    void theMobilityPartnershipScoreboardGivesSectionsPointsCountsAndGaps() throws Exception {
        mvc.perform(get("/api/v1/scoreboards/MP2013").param("asOf", "2013-03-25"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.initiatives").value(105))
                .andExpect(jsonPath("$.totals.byStatus.PIPELINE").value(60))
                .andExpect(jsonPath("$.groups.length()").value(6))
                .andExpect(jsonPath("$.groups[0].node.code").value("MP2013.S1"))
                .andExpect(jsonPath("$.groups[0].rows[?(@.node.code == 'MP2013.4')].counts.initiatives").value(7))
                .andExpect(jsonPath("$.groups[0].rows[?(@.node.code == 'MP2013.11')].gap").value(true))
                .andExpect(jsonPath("$.gaps[*].code", hasItem("MP2013.11")))
                .andExpect(jsonPath("$.matrix.partners[*].code", hasItem("EU")))
                .andExpect(jsonPath("$.groups[0].rows[?(@.node.code == 'MP2013.4')].items.length()").value(0));
        mvc.perform(get("/api/v1/scoreboards/MP2013").param("asOf", "2013-03-25").param("items", "3"))
                .andExpect(jsonPath("$.groups[0].rows[?(@.node.code == 'MP2013.4')].items.length()").value(3))
                .andExpect(jsonPath("$.groups[0].rows[?(@.node.code == 'MP2013.4')].more").value(4))
                .andExpect(jsonPath("$.groups[0].rows[?(@.node.code == 'MP2013.4')].items[0].code").value("MP2013-P1-004"));
    }

    @Test
    void filtersNarrowTheScoreboardAndGapsFollowThem() throws Exception {
        mvc.perform(get("/api/v1/scoreboards/MP2013").param("partner", "UE").param("asOf", "2013-03-25"))
                .andExpect(jsonPath("$.totals.initiatives").value(39))
                .andExpect(jsonPath("$.matrix.partners[*].code", hasItem("EU")))
                .andExpect(jsonPath("$.gaps[*].code", hasItem("MP2013.12")));
        mvc.perform(get("/api/v1/scoreboards/MP2013").param("section", "MP2013.S2").param("asOf", "2013-03-25"))
                .andExpect(jsonPath("$.groups.length()").value(1))
                .andExpect(jsonPath("$.groups[0].node.code").value("MP2013.S2"));
        mvc.perform(get("/api/v1/scoreboards/MP2013").param("node", "MP2013.15").param("status", "2").param("asOf", "2013-03-25"))
                .andExpect(jsonPath("$.totals.initiatives").value(2))
                .andExpect(jsonPath("$.groups[0].rows.length()").value(1));
        mvc.perform(get("/api/v1/scoreboards/MP2013").param("targetGroup", "UNACCOMPANIED_MINORS"))
                .andExpect(jsonPath("$.gaps[*].code", hasItem("MP2013.1")))
                .andExpect(jsonPath("$.gaps[*].code", not(hasItem("MP2013.18"))));
        mvc.perform(get("/api/v1/scoreboards/MP2013").param("q", "Frontex"))
                .andExpect(jsonPath("$.groups[1].rows[?(@.node.code == 'MP2013.15')].counts.initiatives").value(3));
        mvc.perform(get("/api/v1/scoreboards/MP2013").param("status", "7").param("section", "MP2013.S9")
                        .param("asOf", "31/03/2015").param("items", "999"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("status", "section", "asOf", "items")));
        // The page says the same, every bad filter at once, each message linking to its field.
        String page = mvc.perform(get("/scoreboards/MP2013").param("node", "MP2013.999").param("partner", "NOBODY")
                        .param("region", "MA-99"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String field : List.of("node", "partner", "region")) {
            assertThat(page).contains("href=\"#" + field + "\"").contains("id=\"" + field + "\"");
        }
        mvc.perform(get("/api/v1/scoreboards/MP2013/export").param("format", "pdf").param("region", "MA-99"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("format", "region")));
        mvc.perform(get("/api/v1/scoreboards/NOPE")).andExpect(status().isNotFound());
    }

    @Test
    void theGlobalCompactAndSniaScoreboardsShowTheirObjectivesAndProgrammes() throws Exception {
        mvc.perform(get("/api/v1/scoreboards/GCM"))
                .andExpect(jsonPath("$.groups.length()").value(1))
                .andExpect(jsonPath("$.groups[0].rows.length()").value(23))
                .andExpect(jsonPath("$.gaps[*].code", hasItem("GCM.2")));
        mvc.perform(get("/api/v1/scoreboards/SNIA"))
                .andExpect(jsonPath("$.groups[*].node.code", hasItem("SNIA.P9")))
                .andExpect(jsonPath("$.groups[?(@.node.code == 'SNIA.P9')].initiatives").value(26))
                .andExpect(jsonPath("$.gaps[*].code", hasItem("SNIA.OSP19")));
    }

    @Test
    void thePageIsPrintableAndLinksItsExports() throws Exception {
        String html = mvc.perform(get("/scoreboards/MP2013").param("asOf", "2015-03-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("data-testid=\"gap-MP2013.11\"").contains("MP2013-S15-001")
                .contains("/api/v1/scoreboards/MP2013/export?format=csv&amp;").contains("format=xlsx")
                .contains("class=\"print-only\"").contains("/css/marsad.css");
        String css = mvc.perform(get("/css/marsad.css")).andReturn().getResponse().getContentAsString();
        assertThat(css).contains("@media print").contains(".no-print");
        String fragment = mvc.perform(get("/scoreboards/MP2013").param("partner", "ES").header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html").contains("scoreboard-results");
    }

    @Test
    void pagesAndListsKeptBetweenWritesShowAWriteAtOnce() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // Read first, so that the page, its fragment and the list are kept from before the write.
        String before = mvc.perform(get("/scoreboards/GCM").param("node", "GCM.21")).andReturn().getResponse().getContentAsString();
        mvc.perform(get("/scoreboards/GCM").param("node", "GCM.21").header("HX-Request", "true")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/initiatives").param("node", "GCM.21").param("size", "200")).andExpect(status().isOk());
        assertThat(before).doesNotContain(code);

        var created = Acting.as(coordinator, () -> initiatives.create(new InitiativeInput(code, "IOM",
                LocalizedText.french("Retour et réintégration"), null, "2", "PUBLIC",
                List.of(new InitiativeInput.ParticipationInput("IOM", "2")), null, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of("GCM.21"), List.of(), null, null, null, null)));

        assertThat(mvc.perform(get("/scoreboards/GCM").param("node", "GCM.21")).andReturn().getResponse().getContentAsString())
                .contains("sb-item-" + code);
        assertThat(mvc.perform(get("/scoreboards/GCM").param("node", "GCM.21").header("HX-Request", "true"))
                .andReturn().getResponse().getContentAsString()).contains("sb-item-" + code).doesNotContain("<html");
        mvc.perform(get("/api/v1/initiatives").param("node", "GCM.21").param("size", "200"))
                .andExpect(jsonPath("$.items[?(@.code == '" + code + "')].status").value("IMPLEMENTATION"));

        Acting.as(coordinator, () -> initiatives.changeStatus(created.id(), new org.marsad.initiatives.StatusChange("4",
                null, LocalizedText.french("Terminé."), created.version())));
        mvc.perform(get("/api/v1/initiatives").param("node", "GCM.21").param("size", "200"))
                .andExpect(jsonPath("$.items[?(@.code == '" + code + "')].status").value("CLOSED"));
        mvc.perform(get("/api/v1/scoreboards/GCM").param("node", "GCM.21"))
                .andExpect(jsonPath("$.totals.byStatus.CLOSED").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
    }

    @Test
    void aKeptPageShowsEachReaderTheirOwnMenuAndFormToken() throws Exception {
        MarsadPrincipal focal = users.create(Role.FOCAL_POINT, "ES");
        // Anonymous for sure: MockMvc signs a request in with whatever identity this thread still holds.
        TestSecurityContextHolder.clearContext();
        String anonymous = mvc.perform(get("/scoreboards/SNIA")).andExpect(status().isOk())
                .andExpect(header().string("Content-Language", "fr"))
                .andReturn().getResponse().getContentAsString();
        String again = mvc.perform(get("/scoreboards/SNIA")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String signedIn = mvc.perform(get("/scoreboards/SNIA").with(TestUsers.as(focal))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String signedInAgain = mvc.perform(get("/scoreboards/SNIA").with(TestUsers.as(focal))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String other = mvc.perform(get("/scoreboards/SNIA").with(TestUsers.as(coordinator))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String anonymousAfter = mvc.perform(get("/scoreboards/SNIA")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        // The same scoreboard for all, its filters and its gaps included...
        for (String page : List.of(anonymous, again, signedIn, signedInAgain, other, anonymousAfter)) {
            assertThat(page).contains("data-testid=\"sb-summary\"").contains("data-testid=\"scoreboard-filters\"")
                    .contains("name=\"_csrf\"").doesNotContain("MarsadFormToken");
        }
        // ...in each reader's own layout,
        for (String page : List.of(signedIn, signedInAgain)) {
            assertThat(page).contains(">" + focal.displayName() + "<").doesNotContain("data-testid=\"sign-in\"");
        }
        assertThat(other).contains(">" + coordinator.displayName() + "<").doesNotContain(">" + focal.displayName() + "<")
                .contains("/admin/audit");
        assertThat(signedIn).doesNotContain("/admin/audit");
        assertThat(anonymousAfter).contains("data-testid=\"sign-in\"").doesNotContain("data-testid=\"user-name\"");
        // with a form token of its own in every answer (masked afresh each time, the kept page's too).
        assertThat(formToken(again)).isNotEqualTo(formToken(anonymous));
        assertThat(formToken(anonymousAfter)).isNotEqualTo(formToken(again));
        assertThat(formToken(signedInAgain)).isNotEqualTo(formToken(signedIn));
        // The kept page is written without the templates' indentation.
        assertThat(again).doesNotContain("\n    <li");
    }

    @Test
    void theHomePageCountsPublicInitiativesAndAWriteShowsAtOnce() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        long before = homeCount();
        Acting.as(coordinator, () -> initiatives.create(new InitiativeInput(
                "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "IOM", LocalizedText.french("Accueil"),
                null, "2", "PUBLIC", List.of(new InitiativeInput.ParticipationInput("IOM", "2")), null, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of("GCM.21"), List.of(), null, null, null, null)));
        assertThat(homeCount()).isEqualTo(before + 1);
        Acting.as(coordinator, () -> initiatives.create(new InitiativeInput(
                "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "IOM", LocalizedText.french("Interne"),
                null, "2", "INTERNAL", List.of(new InitiativeInput.ParticipationInput("IOM", "2")), null, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of("GCM.21"), List.of(), null, null, null, null)));
        assertThat(homeCount()).as("an internal initiative is not counted").isEqualTo(before + 1);
    }

    private long homeCount() throws Exception {
        String home = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var matcher = Pattern.compile("href=\"/scoreboards\">\\s*<span class=\"count\">([^<]+)</span>").matcher(home);
        assertThat(matcher.find()).as("the initiatives' tile").isTrue();
        return Long.parseLong(matcher.group(1).replaceAll("\\D", ""));
    }

    private static String formToken(String page) {
        var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("a form token").isTrue();
        return matcher.group(1);
    }

    @Test
    void csvExportDefusesFormulasAndKeepsGaps() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Acting.as(coordinator, () -> initiatives.create(new InitiativeInput(code, "IOM",
                LocalizedText.french("=HYPERLINK(\"http://evil.example\",\"x\")"), null, "2", "PUBLIC",
                List.of(new InitiativeInput.ParticipationInput("IOM", "2")), null, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of("MP2013.46"), List.of(), null, null, null, null)));
        String csv = download("/api/v1/scoreboards/MP2013/export?format=csv&node=MP2013.46", "text/csv");
        assertThat(csv).startsWith("\uFEFF").contains(code).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")
                .doesNotContain(",=HYPERLINK");
        String gaps = download("/api/v1/scoreboards/MP2013/export?format=csv&section=MP2013.S6&asOf=2013-03-25", "text/csv");
        assertThat(gaps.lines().filter(l -> l.startsWith("MP2013.S6,"))).hasSize(9);
    }

    @Test
    void xlsxExportHasOneRowPerNodeAndInitiative() throws Exception {
        byte[] body = mvc.perform(get("/api/v1/scoreboards/MP2013/export").param("format", "xlsx").param("asOf", "2013-03-25"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("marsad-scoreboard-MP2013-2013-03-25.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isIn("Point", "Node", "البند");
            // 105 annex initiatives, point by point, plus one row for each of the 17 points without any.
            assertThat(sheet.getLastRowNum()).isEqualTo(105 + 17);
        }
    }

    private String download(String url, String type) throws Exception {
        return new String(mvc.perform(get(url))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(type))
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
