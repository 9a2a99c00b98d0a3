package org.marsad.frameworks;

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
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MarsadIntegrationTest
class CrosswalkTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    FrameworksApi frameworks;

    @Test
    void seededLinksJoinThePartnershipToTheCompact() throws Exception {
        mvc.perform(get("/api/v1/crosswalk").param("node", "MP2013.37"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].to.code", hasItem("GCM.1")));
        mvc.perform(get("/api/v1/crosswalk").param("node", "MP2013.25"))
                .andExpect(jsonPath("$.items[*].to.code", hasItem("GCM.20")));
    }

    @Test
    void statedLinksCiteTheirStatement() {
        var stated = frameworks.links(null, null, LinkBasis.STATED, false, new org.marsad.platform.PageQuery(0, 200)).items();
        assertThat(stated).isNotEmpty();
        assertThat(stated).allSatisfy(l -> assertThat(l.sources()).isNotEmpty());
    }

    @Test
    void theMatrixCountsLinksPerSectionAndObjective() throws Exception {
        CrosswalkMatrix matrix = frameworks.matrix("MP2013", "GCM");
        assertThat(matrix.rowNodes()).hasSize(6);
        assertThat(matrix.columnNodes()).hasSize(23);
        int section5 = matrix.rowNodes().stream().map(NodeRef::code).toList().indexOf("MP2013.S5");
        assertThat(matrix.count(section5, 0)).as("MP2013.S5 × GCM.1").isGreaterThanOrEqualTo(1);
        int total = 0;
        for (int r = 0; r < matrix.rowNodes().size(); r++) {
            total += matrix.rowTotal(r);
        }
        assertThat(total).isEqualTo(matrix.total());
        mvc.perform(get("/api/v1/crosswalk/matrix")).andExpect(status().isOk())
                .andExpect(jsonPath("$.rowNodes.length()").value(6));
    }

    @Test
    void aCoordinatorAddsALinkAndRemovesItWithAReasonThatStaysOnRecord() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String body = """
                {"from": "MP2013.46", "to": "GCM.22", "relation": "RELATED", "basis": "PROPOSED",
                 "rationale": {"fr": "Lien de test", "en": "Test link"}}
                """;
        String created = mvc.perform(post("/api/v1/crosswalk").with(as(coordinator)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.from.code").value("MP2013.46"))
                .andExpect(jsonPath("$.createdBy").value(coordinator.username()))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));

        mvc.perform(post("/api/v1/crosswalk").with(as(coordinator)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace("\"MP2013.46\", \"to\": \"GCM.22\"", "\"GCM.22\", \"to\": \"MP2013.46\"")))
                .andExpect(status().isConflict());

        mvc.perform(post("/api/v1/crosswalk/" + id + "/removal").with(as(coordinator)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Test terminé\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.removedBy").value(coordinator.username()))
                .andExpect(jsonPath("$.removalReason").value("Test terminé"))
                .andExpect(jsonPath("$.removedAt").exists());

        mvc.perform(get("/api/v1/frameworks/MP2013/nodes/MP2013.46"))
                .andExpect(jsonPath("$.links[*].id", org.hamcrest.Matchers.not(hasItem((int) id))))
                .andExpect(jsonPath("$.removedLinks[*].id", hasItem((int) id)));
        mvc.perform(get("/api/v1/audit").param("entityType", "crosswalk_link").param("actor", coordinator.username())
                        .with(as(coordinator)))
                .andExpect(jsonPath("$.items[0].action").value("REMOVE"))
                .andExpect(jsonPath("$.items[1].action").value("CREATE"));
    }

    @Test
    void badLinksAreRefusedWithTheFieldAtFault() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        mvc.perform(post("/api/v1/crosswalk").with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"MP2013.1\", \"to\": \"MP2013.2\", \"relation\": \"RELATED\", \"basis\": \"PROPOSED\", \"rationale\": {\"fr\": \"x\"}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(post("/api/v1/crosswalk").with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"MP2013.1\", \"to\": \"GCM.99\", \"relation\": \"RELATED\", \"basis\": \"STATED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("to")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("rationale")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("sources")));
        mvc.perform(post("/api/v1/crosswalk").with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"from": "MP2013.1", "to": "GCM.5", "relation": "RELATED", "basis": "STATED",
                                 "rationale": {"fr": "x"},
                                 "sources": [{"document": "000_730cb28217dd8238.txt", "locator": "p", "fromLine": 1, "toLine": 999999}]}
                                """))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sources[0]"));
        mvc.perform(post("/api/v1/crosswalk").with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\": \"MP2013.1\", \"relation\": \"SOMETIMES\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyCoordinatorsAndAdminsEditTheCrosswalk() throws Exception {
        String body = "{\"from\": \"MP2013.46\", \"to\": \"GCM.21\", \"relation\": \"RELATED\", \"basis\": \"PROPOSED\", \"rationale\": {\"fr\": \"x\"}}";
        mvc.perform(post("/api/v1/crosswalk").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        MarsadPrincipal focalPoint = users.create(Role.FOCAL_POINT, "IOM");
        mvc.perform(post("/api/v1/crosswalk").with(as(focalPoint)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/crosswalk/1/removal").with(as(focalPoint)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"no\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/frameworks/MP2013/status")
                        .with(as(focalPoint)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"ENDED\", \"statusReportedOn\": \"2020\", \"version\": 1}"))
                .andExpect(status().isForbidden());
        assertThat(frameworks.get("MP2013").status()).isNotEqualTo(FrameworkStatus.ENDED);
    }

    @Test
    void aCoordinatorRecordsANewStatusWithTheDateOfItsReport() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        Framework before = frameworks.get("CONV.ILO-C97");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/frameworks/CONV.ILO-C97/status")
                        .with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"NOT_RATIFIED\", \"statusReportedOn\": \"2099-01\", \"version\": " + before.version() + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("statusReportedOn"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/frameworks/CONV.ILO-C97/status")
                        .with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"NOT_RATIFIED\", \"statusReportedOn\": \"13/2015\", \"version\": " + before.version() + "}"))
                .andExpect(status().isBadRequest());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/frameworks/CONV.ILO-C97/status")
                        .with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"NOT_RATIFIED\", \"statusReportedOn\": \"2015\", \"version\": " + before.version() + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.statusReportedOn").value("2015"));
    }
}
