package org.marsad.initiatives.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.marsad.initiatives.IatiSchemaValidator;
import org.marsad.initiatives.Initiative;
import org.marsad.initiatives.InitiativeInput;
import org.marsad.initiatives.InitiativesApi;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** IATI out and in: every export validates against the official schema; imports preview, then apply all or nothing. */
@MarsadIntegrationTest
class IatiExportImportTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    InitiativesApi initiatives;

    @Test
    void theExportOfEverySeededInitiativeValidatesAgainstTheOfficialSchema() throws Exception {
        byte[] xml = export("", null);
        assertThat(IatiSchemaValidator.problems(xml)).isEmpty();
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml").contains("<iati-activities version=\"2.03\"")
                .contains("<iati-identifier>XM-DAC-918-MP2013-P1-001</iati-identifier>")
                .contains("vocabulary-uri=\"urn:marsad:framework-nodes\" code=\"MP2013.1\"");
        // A total stated without a period (SNIA: 35 M€) is an outgoing commitment, not an invented annual budget.
        assertThat(text).contains("<value currency=\"EUR\" value-date=\"2018-01-01\">35000000</value>");
    }

    @Test
    void theExportFiltersByReportingOrganisationAndValidates() throws Exception {
        String text = new String(export("?reportingOrg=ES", null), StandardCharsets.UTF_8);
        assertThat(IatiSchemaValidator.problems(text.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(text).contains("<reporting-org ref=\"XM-DAC-50\"").doesNotContain("<reporting-org ref=\"XM-DAC-918\"");
        HttpResponse<String> unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/initiatives/iati.xml?reportingOrg=NOBODY")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("reportingOrg");
    }

    @Test
    void internalInitiativesAreExportedOnlyToThoseWhoMaySeeThem() throws Exception {
        MarsadPrincipal focal = users.create(Role.FOCAL_POINT, "IOM");
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        InitiativeInput input = new InitiativeInput(code, "IOM", LocalizedText.of("Projet interne", null, null), null, "2",
                "INTERNAL", List.of(new InitiativeInput.ParticipationInput("IOM", "4")),
                new InitiativeInput.DatesInput("2024-03", "2026", "2024-04-15", null),
                List.of(new InitiativeInput.BudgetInput("ORIGINAL", "2024-01-01", "2024-12-31", "1000", "USD")),
                List.of(new InitiativeInput.TransactionInput("DISBURSEMENT", "2024-05-01", "250.75", "USD", null)),
                List.of("MA-04"), List.of(), List.of("WOMEN"), List.of("GCM.7"), List.of(), null, null, null, null);
        org.marsad.initiatives.Acting.as(focal, () -> initiatives.create(input));
        assertThat(new String(export("?reportingOrg=IOM", null), StandardCharsets.UTF_8)).doesNotContain(code);
        byte[] own = export("?reportingOrg=IOM", users.token(focal));
        assertThat(IatiSchemaValidator.problems(own)).isEmpty();
        assertThat(new String(own, StandardCharsets.UTF_8)).contains("XM-DAC-47066-" + code)
                .contains("<transaction-type code=\"3\"/>").contains("<location ref=\"MA-04\">")
                .contains("code=\"WOMEN\"").contains("iso-date=\"2024-03-01\"").contains("iso-date=\"2026-12-31\"");
    }

    @Test
    void anImportUpdatesByIdentifierAfterAPreviewAndTheHistoryShowsIt() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String identifier = "XM-DAC-47066-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String created = id(mvc.perform(post("/api/v1/initiatives/iati-imports").with(as(coordinator)).with(csrf())
                        .contentType(MediaType.APPLICATION_XML)
                        .content(activity(identifier, "Soutien au master MISOCO", "2", "2019-01-01", "2019-12-31", "100000", "EUR", "4")))
                .andExpect(jsonPath("$.preview.activities[0].action").value("CREATE"))
                .andReturn().getResponse().getContentAsString());
        mvc.perform(post("/api/v1/initiatives/iati-imports/" + created + "/apply").with(as(coordinator)).with(csrf()))
                .andExpect(status().isOk());
        Initiative before = initiatives.get(identifier, null);
        assertThat(before.code()).isEqualTo(identifier);
        String file = activity(before.identifier(), "Soutien au master MISOCO (titre révisé)", "3", "2020-01-01", "2020-12-31",
                "120000", "EUR", "1");
        String preview = mvc.perform(post("/api/v1/initiatives/iati-imports").with(as(coordinator)).with(csrf())
                        .param("fileName", "update.xml").contentType(MediaType.APPLICATION_XML).content(file))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.preview.updates").value(1))
                .andExpect(jsonPath("$.preview.activities[0].action").value("UPDATE"))
                .andExpect(jsonPath("$.preview.activities[0].changes[*].field", hasItem("title.fr")))
                .andExpect(jsonPath("$.preview.activities[0].changes[*].field", hasItem("status")))
                .andReturn().getResponse().getContentAsString();
        assertThat(initiatives.get(before.id()).title().fr()).isEqualTo(before.title().fr());
        String id = id(preview);
        mvc.perform(post("/api/v1/initiatives/iati-imports/" + id + "/apply").with(as(coordinator)).with(csrf()))
                .andExpect(status().isOk());
        Initiative after = initiatives.get(before.id());
        assertThat(after.title().fr()).isEqualTo("Soutien au master MISOCO (titre révisé)");
        assertThat(after.liveLinks()).extracting(l -> l.nodeCode()).containsExactly("MP2013.37");
        assertThat(after.budgets()).hasSize(1);
        mvc.perform(get("/api/v1/initiatives/" + before.id() + "/history"))
                .andExpect(jsonPath("$[0].kind").value("IMPORT"))
                .andExpect(jsonPath("$[0].recordedBy").value(coordinator.username()))
                .andExpect(jsonPath("$[0].comment.fr", containsString("update.xml")));
        mvc.perform(post("/api/v1/initiatives/iati-imports/" + id + "/apply").with(as(coordinator)).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void aPreviewThatNoLongerMatchesTheDataCannotBeApplied() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String identifier = "XM-DAC-47066-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String first = id(mvc.perform(post("/api/v1/initiatives/iati-imports").with(as(coordinator)).with(csrf())
                        .contentType(MediaType.APPLICATION_XML)
                        .content(activity(identifier, "Premier", "1", "2020-01-01", "2020-12-31", "10", "EUR", "4")))
                .andExpect(jsonPath("$.preview.creates").value(1)).andReturn().getResponse().getContentAsString());
        String second = id(mvc.perform(post("/api/v1/initiatives/iati-imports").with(as(coordinator)).with(csrf())
                        .contentType(MediaType.APPLICATION_XML)
                        .content(activity(identifier, "Premier", "1", "2020-01-01", "2020-12-31", "10", "EUR", "4")))
                .andReturn().getResponse().getContentAsString());
        mvc.perform(post("/api/v1/initiatives/iati-imports/" + first + "/apply").with(as(coordinator)).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/initiatives/iati-imports/" + second + "/apply").with(as(coordinator)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].message", containsString("aperçu")));
        assertThat(initiatives.findByIdentifier(identifier)).isPresent();
    }

    @Test
    void valuesThatBreakMarsadsRulesAreRefusedWithTheirLineAndNothingChanges() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String identifier = "XM-DAC-47066-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String bad = activity(identifier, "Budget trop long", "2", "2020-01-01", "2021-06-30", "-10", "EURO", "4");
        mvc.perform(post("/api/v1/initiatives/iati-imports").with(as(coordinator)).with(csrf())
                        .contentType(MediaType.APPLICATION_XML).content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("/iati-activities/iati-activity[1]/budget[1]")))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("un an au plus"))))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("négatif"))))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("EURO"))));
        assertThat(initiatives.findByIdentifier(identifier)).isEmpty();
    }

    @Test
    void aFileWithADoctypeIsRefusedSoNoExternalEntityIsEverRead() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE iati-activities [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <iati-activities version="2.03"><iati-activity><iati-identifier>&secret;</iati-identifier></iati-activity></iati-activities>
                """;
        mvc.perform(post("/api/v1/initiatives/iati-imports").with(as(coordinator)).with(csrf())
                        .contentType(MediaType.APPLICATION_XML).content(xxe))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("DOCTYPE")))
                .andExpect(jsonPath("$.errors[0].message", org.hamcrest.Matchers.not(containsString("root:"))));
    }

    @Test
    void aFocalPointImportsOnlyTheirOrganisationsActivities() throws Exception {
        MarsadPrincipal giz = users.create(Role.FOCAL_POINT, "DE-GIZ");
        String identifier = "XM-DAC-47066-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        mvc.perform(post("/api/v1/initiatives/iati-imports").with(as(giz)).with(csrf())
                        .contentType(MediaType.APPLICATION_XML)
                        .content(activity(identifier, "De l'OIM", "1", "2020-01-01", "2020-12-31", "10", "EUR", "4")))
                .andExpect(status().isForbidden());
        MarsadPrincipal iom = users.create(Role.FOCAL_POINT, "IOM");
        mvc.perform(post("/api/v1/initiatives/iati-imports").with(as(iom)).with(csrf())
                        .contentType(MediaType.APPLICATION_XML)
                        .content(activity(identifier, "De l'OIM", "1", "2020-01-01", "2020-12-31", "10", "EUR", "4")))
                .andExpect(status().isCreated());
    }

    /** One IATI activity reported by IOM, with one organisation in the given role, one budget, one node tag. */
    static String activity(String identifier, String title, String status, String start, String end, String amount,
            String currency, String role) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <iati-activities version="2.03">
                  <iati-activity last-updated-datetime="2024-05-01T10:00:00Z" xml:lang="fr">
                    <iati-identifier>%s</iati-identifier>
                    <reporting-org ref="XM-DAC-47066" type="40"><narrative>OIM</narrative></reporting-org>
                    <title><narrative>%s</narrative></title>
                    <description><narrative>Description.</narrative></description>
                    <participating-org ref="XM-DAC-47066" role="%s"><narrative>OIM</narrative></participating-org>
                    <activity-status code="%s"/>
                    <activity-date type="1" iso-date="2019-09-01"/>
                    <tag vocabulary="99" vocabulary-uri="urn:marsad:framework-nodes" code="MP2013.37"/>
                    <budget type="1">
                      <period-start iso-date="%s"/>
                      <period-end iso-date="%s"/>
                      <value currency="%s" value-date="%s">%s</value>
                    </budget>
                  </iati-activity>
                </iati-activities>
                """.formatted(identifier, title, role, status, start, end, currency, start, amount);
    }

    private byte[] export(String query, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/initiatives/iati.xml" + query));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
        return response.body();
    }

    private static String id(String json) {
        return json.replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }
}
