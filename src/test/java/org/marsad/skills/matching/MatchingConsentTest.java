package org.marsad.skills.matching;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.skills.SkillsFixtures;
import org.marsad.skills.demands.Demand;
import org.marsad.skills.experts.ExpertsApi;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Matches through the API: consent filters, explanations in the reader's language, access, reverse matching. */
@MarsadIntegrationTest
class MatchingConsentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SkillsFixtures fx;

    @Autowired
    TestUsers users;

    @Autowired
    ExpertsApi experts;

    /** A skill no other test uses, so that these experts are the only ones matching it. */
    private String rareSkill() {
        return fx.skill("manage musical staff");
    }

    @Test
    void onlyExpertsWhoConsentAppearAndWithdrawingConsentTakesThemOutAtOnce() throws Exception {
        String skill = rareSkill();
        SkillsFixtures.Expert consenting = fx.expert(List.of(skill), List.of("PROFILE", "MATCHING"));
        SkillsFixtures.Expert notConsenting = fx.expert(List.of(skill), List.of("PROFILE"));
        MarsadPrincipal institution = fx.institution("MA-UM5", SkillsFixtures.unique("um5") + "@example.org");
        Demand demand = fx.publishedDemand(institution, List.of(skill), List.of());
        String consentingId = Long.toString(consenting.profile().id());

        mvc.perform(get("/api/v1/skills/demands/" + demand.id() + "/matches?limit=100").with(as(institution)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].expertId").value(hasItem((int) consenting.profile().id())))
                .andExpect(jsonPath("$[*].expertId").value(not(hasItem((int) notConsenting.profile().id()))));

        mvc.perform(put("/api/v1/skills/experts/" + consentingId + "/consents").with(as(consenting.user()))
                .contentType(MediaType.APPLICATION_JSON).content("[]")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/skills/demands/" + demand.id() + "/matches?limit=100").with(as(institution)))
                .andExpect(jsonPath("$[*].expertId").value(not(hasItem((int) consenting.profile().id()))));
    }

    @Test
    void theExplanationComesInTheReadersLanguageAndAddsUpToTheScore() throws Exception {
        String skill = rareSkill();
        SkillsFixtures.Expert expert = fx.expert(List.of(skill), List.of("PROFILE", "MATCHING"));
        MarsadPrincipal institution = fx.institution("MA-UM5", SkillsFixtures.unique("um5") + "@example.org");
        Demand demand = fx.publishedDemand(institution, List.of(skill), List.of());
        String path = "/api/v1/skills/demands/" + demand.id() + "/matches?limit=100";
        String selector = "$[?(@.expertId == " + expert.profile().id() + ")]";
        mvc.perform(get(path).with(as(institution)).header("Accept-Language", "fr"))
                .andExpect(jsonPath(selector + ".explanation[0].label").value(hasItem("Compétences essentielles")))
                .andExpect(jsonPath(selector + ".explanation[0].points").value(hasItem(40.0)))
                .andExpect(jsonPath(selector + ".explanation[3].items[0].text").value(hasItem("français : niveau C2 (demandé : B2)")));
        mvc.perform(get(path).with(as(institution)).header("Accept-Language", "ar"))
                .andExpect(jsonPath(selector + ".explanation[0].label").value(hasItem("الكفاءات الأساسية")));
        mvc.perform(get(path).with(as(institution)).header("Accept-Language", "en"))
                .andExpect(jsonPath(selector + ".explanation[0].label").value(hasItem("Essential skills")))
                .andExpect(jsonPath(selector + ".score").value(hasItem(40.0 + 10 + 4 + 4)));
    }

    @Test
    void matchesAreForTheDemandsInstitutionAndTheExpertSeesTheDemandsThatFitThem() throws Exception {
        String skill = rareSkill();
        SkillsFixtures.Expert expert = fx.expert(List.of(skill), List.of("PROFILE", "MATCHING"));
        MarsadPrincipal institution = fx.institution("MA-UM5", SkillsFixtures.unique("um5") + "@example.org");
        Demand demand = fx.publishedDemand(institution, List.of(skill), List.of());
        mvc.perform(get("/api/v1/skills/demands/" + demand.id() + "/matches").with(as(users.create(Role.INSTITUTION, "MA-HCP"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/skills/demands/" + demand.id() + "/matches").with(as(expert.user()))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/skills/demands/" + demand.id() + "/matches")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/skills/demands/" + demand.id() + "/matches?limit=1000").with(as(institution)))
                .andExpect(status().isBadRequest());

        mvc.perform(get("/api/v1/skills/experts/" + expert.profile().id() + "/matches").with(as(expert.user())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].demandId").value(hasItem((int) demand.id())));
        mvc.perform(get("/api/v1/skills/experts/" + expert.profile().id() + "/matches").with(as(institution)))
                .andExpect(status().isNotFound());
    }
}
