package org.marsad.skills.demands;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.skills.SkillsFixtures;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.hamcrest.Matchers.hasItems;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Demands through the API: an institution's own, their lifecycle, and bad input. */
@MarsadIntegrationTest
class DemandsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SkillsFixtures fx;

    @Autowired
    TestUsers users;

    @Autowired
    JsonMapper json;

    @Test
    void anInstitutionWritesPublishesAndClosesItsDemandWhichIsItsOrganisations() throws Exception {
        MarsadPrincipal institution = users.create(Role.INSTITUTION, "MA-ENCG-SETTAT");
        MarsadPrincipal other = users.create(Role.INSTITUTION, "MA-UM5");
        MarsadPrincipal expert = users.create(Role.EXPERT);
        DemandInput input = fx.demandInput(List.of(fx.skill("biotechnology")), List.of(fx.skill("nanotechnology")), List.of());
        String created = mvc.perform(post("/api/v1/skills/demands").with(as(institution)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(input)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.organisationCode").value("MA-ENCG-SETTAT"))
                .andExpect(jsonPath("$.skills[0].essential").value(true))
                .andExpect(jsonPath("$.skills[1].essential").value(false))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();

        mvc.perform(get("/api/v1/skills/demands/" + id).with(as(expert))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/skills/demands/" + id + "/publish").with(as(other))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/skills/demands/" + id + "/publish").with(as(institution))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(get("/api/v1/skills/demands/" + id).with(as(expert))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/skills/demands/" + id)).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/v1/skills/demands/" + id).with(as(other)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(input))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/skills/demands/" + id + "/publish").with(as(institution))).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/skills/demands/" + id + "/close").with(as(institution)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"\"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/skills/demands/" + id + "/close").with(as(institution)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Expert trouvé.\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closeReason").value("Expert trouvé."));
        mvc.perform(put("/api/v1/skills/demands/" + id).with(as(institution)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(input))).andExpect(status().isConflict());
    }

    @Test
    void badInputIsRefusedFieldByField() throws Exception {
        MarsadPrincipal institution = users.create(Role.INSTITUTION, "MA-UM5");
        DemandInput bad = new DemandInput(null, LocalizedText.of("<b>Titre</b>", null, null), LocalizedText.of("x".repeat(5001), null, null),
                "EXPERTISE_MISSION", "NOT_A_SECTOR", "http://data.europa.eu/esco/skill/61bef658-d7f9-4759-b1b0-0f9cb3bc581a",
                List.of(new DemandInput.SkillInput("http://data.europa.eu/esco/occupation/not-there", true)),
                List.of(new DemandInput.LanguageInput("fr", "D1", true)), null, null, "2031-13-01", "2031-01-10", 0,
                "ON_SITE", null, "MA-99", false, false, "12,345", "XYZ", 0, null);
        mvc.perform(post("/api/v1/skills/demands").with(as(institution)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(bad)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("title.fr", "description.fr", "sector", "occupationUri",
                        "skills[0].uri", "languages[0].minLevel", "startDate", "durationDays", "region", "honorarium",
                        "honorariumCurrency", "expertsWanted")));
        mvc.perform(post("/api/v1/skills/demands").with(as(users.create(Role.INSTITUTION))).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(fx.demandInput(List.of(fx.skill("biotechnology")), List.of(), List.of()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("organisationId"));
        mvc.perform(post("/api/v1/skills/demands").with(as(users.create(Role.EXPERT))).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(fx.demandInput(List.of(), List.of(), List.of())))).andExpect(status().isForbidden());
    }
}
