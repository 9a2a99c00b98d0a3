package org.marsad.skills.missions;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.skills.SkillsFixtures;
import org.marsad.skills.demands.Demand;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A mission from proposal to closing, through the API, with the moves that are not allowed refused. */
@MarsadIntegrationTest
class MissionLifecycleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SkillsFixtures fx;

    @Autowired
    JsonMapper json;

    @Autowired
    MissionsApi missions;

    @Autowired
    JdbcClient jdbc;

    private ResultActions act(MarsadPrincipal user, long mission, String action, Object body) throws Exception {
        return mvc.perform(post("/api/v1/skills/missions/" + mission + "/" + action).with(as(user))
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    record Fixture(SkillsFixtures.Expert expert, MarsadPrincipal institution, Demand demand, long mission) {
    }

    private Fixture proposed() throws Exception {
        String biotech = fx.skill("biotechnology");
        SkillsFixtures.Expert expert = fx.expert(List.of(biotech), List.of("PROFILE", "MATCHING", "CONTACT"));
        MarsadPrincipal institution = fx.institution("MA-UM5-FSR", SkillsFixtures.unique("fsr") + "@example.org");
        Demand demand = fx.publishedDemand(institution, List.of(biotech), List.of());
        String answer = mvc.perform(post("/api/v1/skills/missions").with(as(institution)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("demandId", demand.id(), "expertId", expert.profile().id()))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("PROPOSED"))
                .andExpect(jsonPath("$.explanation.parts[0].criterion").value("ESSENTIAL_SKILLS"))
                .andReturn().getResponse().getContentAsString();
        long mission = json.readTree(answer).get("id").asLong();
        return new Fixture(expert, institution, demand, mission);
    }

    @Test
    void aMissionGoesFromProposalToClosingAndBothSidesSeeTheWholeDatedTrail() throws Exception {
        Fixture f = proposed();
        // The expert does not see the shortlist before being contacted.
        mvc.perform(get("/api/v1/skills/missions/" + f.mission()).with(as(f.expert().user()))).andExpect(status().isNotFound());

        act(f.institution(), f.mission(), "contact", MissionInput.note("Nous aimerions votre appui.")).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CONTACTED"));
        act(f.expert().user(), f.mission(), "accept", MissionInput.none()).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ACCEPTED"));
        act(f.institution(), f.mission(), "schedule", new MissionInput(null, SkillsFixtures.FROM.toString(),
                SkillsFixtures.TO.toString(), null, null, null, null, null)).andExpect(jsonPath("$.state").value("SCHEDULED"))
                .andExpect(jsonPath("$.scheduledStart").value(SkillsFixtures.FROM.toString()));
        act(f.expert().user(), f.mission(), "start", MissionInput.none()).andExpect(jsonPath("$.state").value("IN_PROGRESS"));
        act(f.institution(), f.mission(), "complete", MissionInput.none()).andExpect(jsonPath("$.state").value("COMPLETED"));
        MissionInput rating = new MissionInput(null, null, null, 5, 4, 5, true, "Très utile.");
        act(f.institution(), f.mission(), "evaluate", rating).andExpect(jsonPath("$.state").value("COMPLETED"));
        act(f.institution(), f.mission(), "evaluate", rating).andExpect(status().isConflict());
        act(f.expert().user(), f.mission(), "evaluate", rating).andExpect(jsonPath("$.state").value("EVALUATED"));
        act(f.institution(), f.mission(), "close", MissionInput.none()).andExpect(jsonPath("$.state").value("CLOSED"));

        for (MarsadPrincipal side : List.of(f.expert().user(), f.institution())) {
            mvc.perform(get("/api/v1/skills/missions/" + f.mission()).with(as(side)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.trail[*].action", contains("PROPOSE", "CONTACT", "ACCEPT", "SCHEDULE", "START",
                            "COMPLETE", "EVALUATE", "EVALUATE", "CLOSE")))
                    .andExpect(jsonPath("$.trail[1].note").value("Nous aimerions votre appui."))
                    .andExpect(jsonPath("$.trail[*].at").isNotEmpty())
                    .andExpect(jsonPath("$.evaluations.length()").value(2));
        }
        List<String> audited = jdbc.sql("SELECT action FROM platform.audit_event WHERE entity_type = 'skills.mission' AND entity_id = :id ORDER BY id")
                .param("id", Long.toString(f.mission())).query(String.class).list();
        assertThat(audited).containsExactly("PROPOSE", "CONTACT", "ACCEPT", "SCHEDULE", "START", "COMPLETE", "EVALUATE", "EVALUATE", "CLOSE");
    }

    @Test
    void illegalMovesAreRefusedWithAClearMessageAndTheOtherSidesMovesAreForbidden() throws Exception {
        Fixture f = proposed();
        act(f.institution(), f.mission(), "complete", MissionInput.none()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].message").value("Only a mission in progress can be completed."));
        act(f.institution(), f.mission(), "close", MissionInput.none()).andExpect(status().isConflict());
        act(f.institution(), f.mission(), "accept", MissionInput.none()).andExpect(status().isForbidden());
        act(f.institution(), f.mission(), "contact", MissionInput.note("Bonjour")).andExpect(status().isOk());
        act(f.institution(), f.mission(), "contact", MissionInput.note("Encore")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].message").value("Only a mission in the \"proposed\" state can lead to a contact."));
        act(f.expert().user(), f.mission(), "decline", MissionInput.none()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("note")));
        act(f.expert().user(), f.mission(), "decline", MissionInput.note("Indisponible en mars.")).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DECLINED"));
        act(f.expert().user(), f.mission(), "accept", MissionInput.none()).andExpect(status().isConflict());
        act(f.institution(), f.mission(), "cancel", MissionInput.note("trop tard")).andExpect(status().isConflict());
        act(f.institution(), f.mission(), "teleport", MissionInput.none()).andExpect(status().isBadRequest());
    }

    @Test
    void impossibleScheduleDatesAndRatingsAreRefused() throws Exception {
        Fixture f = proposed();
        act(f.institution(), f.mission(), "contact", MissionInput.note("Bonjour")).andExpect(status().isOk());
        act(f.expert().user(), f.mission(), "accept", MissionInput.none()).andExpect(status().isOk());
        act(f.institution(), f.mission(), "schedule", new MissionInput(null, "2031-02-30", "2031-01-01", null, null, null, null, null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("startDate")));
        act(f.institution(), f.mission(), "schedule", new MissionInput(null, "2031-03-10", "2031-03-01", null, null, null, null, null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("endDate")));
    }

    @Test
    void anExpertWhoDidNotConsentToBeContactedCannotBeContacted() throws Exception {
        String biotech = fx.skill("biotechnology");
        SkillsFixtures.Expert expert = fx.expert(List.of(biotech), List.of("PROFILE", "MATCHING"));
        MarsadPrincipal institution = fx.institution("MA-UM5-FSR", SkillsFixtures.unique("fsr") + "@example.org");
        Demand demand = fx.publishedDemand(institution, List.of(biotech), List.of());
        long mission = fx.as(institution, () -> missions.propose(demand.id(), expert.profile().id())).id();
        act(institution, mission, "contact", MissionInput.note("Bonjour")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].message").value("This expert has not consented to being contacted."));
    }

    @Test
    void stalledStepsAreRemindedOnceThroughTheOutbox() throws Exception {
        Fixture f = proposed();
        act(f.institution(), f.mission(), "contact", MissionInput.note("Bonjour")).andExpect(status().isOk());
        OffsetDateTime later = OffsetDateTime.now().plusDays(30);
        int first = missions.remindStalled(later);
        int second = missions.remindStalled(later);
        assertThat(first).isGreaterThanOrEqualTo(1);
        long reminders = jdbc.sql("SELECT count(*) FROM skills.notification WHERE mission_id = :m AND kind = 'reminder.CONTACTED'")
                .param("m", f.mission()).query(Long.class).single();
        assertThat(reminders).isEqualTo(1);
        assertThat(second).isLessThan(first + 1);
        mvc.perform(get("/api/v1/skills/missions/" + f.mission()).with(as(f.expert().user())))
                .andExpect(jsonPath("$.trail[*].action", hasItem("REMIND")));
    }

    @Test
    void afterAnExpertErasesTheirAccountTheInstitutionKeepsTheTrailWithoutTheirWords() throws Exception {
        Fixture f = proposed();
        act(f.institution(), f.mission(), "contact", MissionInput.note("Bonjour")).andExpect(status().isOk());
        act(f.expert().user(), f.mission(), "decline", MissionInput.note("Raison personnelle détaillée")).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/skills/experts/" + f.expert().profile().id()).with(as(f.expert().user())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/skills/missions/" + f.mission()).with(as(f.institution())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.expertErased").value(true))
                .andExpect(jsonPath("$.expertId").doesNotExist())
                .andExpect(jsonPath("$.trail[2].action").value("DECLINE"))
                .andExpect(jsonPath("$.trail[2].note").doesNotExist())
                .andExpect(jsonPath("$.trail[1].note").value("Bonjour"));
    }
}
