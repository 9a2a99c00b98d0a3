package org.marsad.organisations;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MarsadIntegrationTest
class OrganisationsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Test
    void theElevenSignatoriesAreRegisteredWithTheirAnnexCodes() throws Exception {
        String[][] codes = {{"UE", "EU"}, {"BE", "BE"}, {"DE", "DE"}, {"ES", "ES"}, {"FR", "FR"}, {"IT", "IT"},
                {"NL", "NL"}, {"PT", "PT"}, {"SE", "SE"}, {"UK", "GB"}};
        for (String[] c : codes) {
            mvc.perform(get("/api/v1/organisations").param("q", c[0]))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].code").value(c[1]));
        }
        mvc.perform(get("/api/v1/organisations/MA")).andExpect(jsonPath("$.type").value("STATE"));
    }

    @Test
    void acronymsInOtherLanguagesFindTheSameOrganisation() throws Exception {
        String[][] aliases = {{"OIM", "IOM"}, {"HCR", "UNHCR"}, {"PNUD", "UNDP"}, {"oim", "IOM"}, {"MCMREAM", "MA-MDCMREAM"}};
        for (String[] a : aliases) {
            mvc.perform(get("/api/v1/organisations").param("q", a[0]))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].code").value(a[1]));
        }
    }

    @Test
    void searchIgnoresAccentsAndFiltersByType() throws Exception {
        mvc.perform(get("/api/v1/organisations").param("q", "entraide nationale"))
                .andExpect(jsonPath("$.items[*].code", hasItem("MA-EN")));
        mvc.perform(get("/api/v1/organisations").param("type", "UN_AGENCY").param("size", "200"))
                .andExpect(jsonPath("$.total").value(greaterThanOrEqualTo(8)))
                .andExpect(jsonPath("$.items[*].type", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("UN_AGENCY"))));
    }

    @Test
    void everyOrganisationCitesTheDocumentThatNamesIt() throws Exception {
        mvc.perform(get("/api/v1/organisations/MA-ANAPEC"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sources[0].document").exists())
                .andExpect(jsonPath("$.sources[0].fromLine").isNumber())
                .andExpect(jsonPath("$.aliases[*].value", hasItem("ANAPEC")));
    }

    @Test
    void aCoordinatorCreatesAnOrganisationAndTheAuditLogKeepsIt() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String code = "TEST-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        mvc.perform(post("/api/v1/organisations").with(as(coordinator)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "%s", "type": "NGO", "country": "MA",
                                 "name": {"fr": "Association test", "en": "Test association", "ar": "جمعية اختبار"},
                                 "aliases": [{"value": "ATST", "lang": "fr", "kind": "ACRONYM"}]}
                                """.formatted(code)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(get("/api/v1/organisations").param("q", "atst")).andExpect(jsonPath("$.items[0].code").value(code));
        mvc.perform(get("/api/v1/audit").param("entityType", "organisation").param("entityId", code).with(as(coordinator)))
                .andExpect(jsonPath("$.items[0].action").value("CREATE"))
                .andExpect(jsonPath("$.items[0].actor").value(coordinator.username()));
    }

    @Test
    void invalidInputIsRefusedFieldByFieldAndChangesNothing() throws Exception {
        MarsadPrincipal admin = users.create(Role.ADMIN);
        mvc.perform(post("/api/v1/organisations").with(as(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "bad code!", "country": "XX", "website": "javascript:alert(1)",
                                 "name": {"en": "No French name"}, "aliases": [{"value": "", "kind": "ACRONYM"}]}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("type")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("country")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("website")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name.fr")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("aliases[0].value")));
        mvc.perform(get("/api/v1/organisations").param("q", "No French name")).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aStaleVersionIsAConflictNotALostUpdate() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String code = "TEST-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String body = """
                {"code": "%s", "type": "NGO", "name": {"fr": "Version %s"}, "version": %d}
                """;
        mvc.perform(post("/api/v1/organisations").with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(code, "1", 0))).andExpect(status().isCreated());
        mvc.perform(put("/api/v1/organisations/" + code).with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(code, "2", 1))).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        mvc.perform(put("/api/v1/organisations/" + code).with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(code, "3", 1)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        mvc.perform(get("/api/v1/organisations/" + code)).andExpect(jsonPath("$.name.fr").value("Version 2"));
    }

    @Test
    void onlyAdminsAndCoordinatorsWrite() throws Exception {
        String body = """
                {"code": "TEST-DENIED", "type": "NGO", "name": {"fr": "Refusée"}}
                """;
        mvc.perform(post("/api/v1/organisations").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        for (Role role : new Role[] {Role.FOCAL_POINT, Role.DATA_STEWARD, Role.EXPERT, Role.INSTITUTION, Role.PLACEMENT_OFFICER}) {
            mvc.perform(post("/api/v1/organisations").with(as(users.create(role, role == Role.FOCAL_POINT ? "IOM" : null)))
                            .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.status").value(403));
        }
        mvc.perform(get("/api/v1/organisations/TEST-DENIED")).andExpect(status().isNotFound());
    }

    @Test
    void withdrawingKeepsTheRecordAndItsReason() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String code = "TEST-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        mvc.perform(post("/api/v1/organisations").with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\": \"" + code + "\", \"type\": \"NGO\", \"name\": {\"fr\": \"À retirer\"}}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/organisations/" + code + "/withdrawal").with(as(coordinator)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/organisations/" + code + "/withdrawal").with(as(coordinator)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Doublon\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.withdrawn").value(true))
                .andExpect(jsonPath("$.withdrawnReason").value("Doublon"));
        mvc.perform(get("/api/v1/organisations/" + code)).andExpect(status().isOk());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor csrf() {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
    }
}
