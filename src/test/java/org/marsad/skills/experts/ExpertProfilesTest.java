package org.marsad.skills.experts;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.platform.security.UserAccounts;
import org.marsad.skills.SkillsFixtures;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Registration, bad input, what institutions see, "download my data" and erasure, through the API. */
@MarsadIntegrationTest
class ExpertProfilesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SkillsFixtures fx;

    @Autowired
    JsonMapper json;

    @Autowired
    TestUsers users;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ExpertsApi experts;

    @Autowired
    JdbcClient jdbc;

    private String body(Object value) {
        return json.writeValueAsString(value);
    }

    private Registration registration(String username, List<String> consents, ExpertInput profile) {
        return new Registration(username, SkillsFixtures.PASSWORD, username + "@example.org", "fr", consents, profile);
    }

    @Test
    void anExpertRegistersWithoutAnAccountButOnlyWithConsentToKeepTheProfile() throws Exception {
        String username = SkillsFixtures.unique("signup");
        ExpertInput profile = fx.profile("Samira Test", "FR", List.of(fx.skill("biotechnology")), null);
        mvc.perform(post("/api/v1/skills/experts").contentType(MediaType.APPLICATION_JSON)
                        .content(body(registration(username, List.of("MATCHING"), profile))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("consents")));
        assertThat(accounts.exists(username)).isFalse();

        mvc.perform(post("/api/v1/skills/experts").contentType(MediaType.APPLICATION_JSON)
                        .content(body(registration(username, List.of("PROFILE", "MATCHING"), profile))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.displayName").value("Samira Test"))
                .andExpect(jsonPath("$.consents", hasItems("PROFILE", "MATCHING")))
                .andExpect(jsonPath("$.skills[0].concept.label.en").value("biotechnology"));
        MarsadPrincipal created = accounts.loadUserByUsername(username);
        assertThat(created.roles()).containsExactly(Role.EXPERT);
        assertThat(created.organisationId()).isNull();
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
        String username = SkillsFixtures.unique("bad");
        ExpertInput profile = new ExpertInput("Bad Input", "FR", "<script>alert(1)</script>", List.of("MA"), "DOCTORATE", null,
                null, 10, List.of(), List.of(), "x".repeat(2001),
                List.of(new ExpertInput.LanguageInput("fr", "B3")),
                List.of(new ExpertInput.SkillInput("http://data.europa.eu/esco/skill/not-a-concept", "EXPERT")), List.of(),
                List.of(new ExpertInput.WindowInput("2031-02-30", "2031-03-10")), List.of(), null);
        mvc.perform(post("/api/v1/skills/experts").contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content(body(registration(username, List.of("PROFILE"), profile))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItems("city", "summary", "languages[0].level", "skills[0].uri",
                        "availability[0].from")))
                .andExpect(jsonPath("$.errors[?(@.field == 'languages[0].level')].message").value(hasItem("\"B3\" is not a CEFR level (A1, A2, B1, B2, C1, C2 or native).")))
                .andExpect(jsonPath("$.errors[?(@.field == 'city')].message").value(hasItem("HTML markup or code is not accepted: write plain text.")));
        assertThat(accounts.exists(username)).isFalse();
    }

    @Test
    void textIsShownEscapedOnThePages() throws Exception {
        SkillsFixtures.Expert e = fx.expert(fx.profile("O'Brien & \"Co\"", "FR", List.of(fx.skill("biotechnology")), null),
                List.of("PROFILE"));
        String html = mvc.perform(get("/skills/me").with(as(e.user()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("O&#39;Brien &amp; &quot;Co&quot;").doesNotContain("O'Brien & \"Co\"");
    }

    @Test
    void anInstitutionSeesOnlyWhatTheExpertChoseToShowAndNothingWithoutConsent() throws Exception {
        SkillsFixtures.Expert shown = fx.expert(List.of(fx.skill("biotechnology")), List.of("PROFILE", "MATCHING"));
        SkillsFixtures.Expert hidden = fx.expert(List.of(fx.skill("biotechnology")), List.of("PROFILE"));
        MarsadPrincipal institution = users.create(Role.INSTITUTION, "MA-UM5");
        long id = shown.profile().id();

        mvc.perform(get("/api/v1/skills/experts/" + id).with(as(institution)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.restricted").value(true))
                .andExpect(jsonPath("$.displayName").doesNotExist())
                .andExpect(jsonPath("$.email").doesNotExist())
                .andExpect(jsonPath("$.city").doesNotExist())
                .andExpect(jsonPath("$.consents").doesNotExist())
                .andExpect(jsonPath("$.country").value("FR"))
                .andExpect(jsonPath("$.skills[0].concept.label.en").value("biotechnology"));
        mvc.perform(put("/api/v1/skills/experts/" + id + "/visibility").with(as(shown.user()))
                        .contentType(MediaType.APPLICATION_JSON).content(body(List.of("NAME", "EMAIL"))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/skills/experts/" + id).with(as(institution)))
                .andExpect(jsonPath("$.displayName").value(shown.profile().displayName()))
                .andExpect(jsonPath("$.email").value(shown.email()))
                .andExpect(jsonPath("$.city").doesNotExist());

        mvc.perform(get("/api/v1/skills/experts/" + hidden.profile().id()).with(as(institution))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/skills/experts/" + id).with(as(hidden.user()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/skills/experts/" + id)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/skills/experts/" + id).with(as(shown.user())))
                .andExpect(jsonPath("$.restricted").value(false))
                .andExpect(jsonPath("$.email").value(shown.email()));
    }

    @Test
    void onlyTheExpertChangesTheirProfileAndAStaleVersionIsRefused() throws Exception {
        SkillsFixtures.Expert e = fx.expert(List.of(fx.skill("biotechnology")), List.of("PROFILE"));
        ExpertInput change = fx.profile("Nouveau nom", "DE", List.of(fx.skill("nanotechnology")), null);
        ExpertInput versioned = withVersion(change, e.profile().version());
        mvc.perform(put("/api/v1/skills/experts/" + e.profile().id()).with(as(users.create(Role.EXPERT)))
                .contentType(MediaType.APPLICATION_JSON).content(body(versioned))).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/skills/experts/" + e.profile().id()).with(as(e.user()))
                        .contentType(MediaType.APPLICATION_JSON).content(body(versioned)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.country").value("DE"))
                .andExpect(jsonPath("$.skills[0].concept.label.en").value("nanotechnology"));
        mvc.perform(put("/api/v1/skills/experts/" + e.profile().id()).with(as(e.user()))
                .contentType(MediaType.APPLICATION_JSON).content(body(versioned))).andExpect(status().isConflict());
    }

    @Test
    void downloadMyDataGivesTheProfileConsentHistoryMissionsAndNotificationsAsJson() throws Exception {
        SkillsFixtures.Expert e = fx.expert(List.of(fx.skill("biotechnology")), List.of("PROFILE", "MATCHING", "CONTACT"));
        mvc.perform(put("/api/v1/skills/experts/" + e.profile().id() + "/consents").with(as(e.user()))
                .contentType(MediaType.APPLICATION_JSON).content(body(List.of("MATCHING")))).andExpect(status().isOk())
                .andExpect(jsonPath("$.consents", hasItems("PROFILE", "MATCHING")));
        mvc.perform(get("/api/v1/skills/experts/" + e.profile().id() + "/export").with(as(e.user())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andExpect(jsonPath("$.profile.displayName").value(e.profile().displayName()))
                .andExpect(jsonPath("$.profile.email").value(e.email()))
                .andExpect(jsonPath("$.consentHistory[?(@.purpose == 'CONTACT')].withdrawnAt").isNotEmpty())
                .andExpect(jsonPath("$.missions").isArray())
                .andExpect(jsonPath("$.notifications").isArray());
        mvc.perform(get("/api/v1/skills/experts/" + e.profile().id() + "/export").with(as(users.create(Role.INSTITUTION, "MA-UM5"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void erasureRemovesThePersonalDataAndTheAuditKeepsThatItHappenedWithoutTheData() throws Exception {
        SkillsFixtures.Expert e = fx.expert(fx.profile("Nadia Effacement", "BE", List.of(fx.skill("biotechnology")), null),
                List.of("PROFILE", "MATCHING"));
        long id = e.profile().id();
        mvc.perform(put("/api/v1/skills/experts/" + id).with(as(e.user())).contentType(MediaType.APPLICATION_JSON)
                .content(body(withVersion(fx.profile("Nadia Effacement", "BE", List.of(fx.skill("nanotechnology")), null),
                        e.profile().version())))).andExpect(status().isOk());

        mvc.perform(delete("/api/v1/skills/experts/" + id).with(as(e.user()))).andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/skills/experts/" + id).with(as(users.admin()))).andExpect(status().isNotFound());
        var account = accounts.find(e.user().id()).orElseThrow();
        assertThat(account.username()).isEqualTo("erased-" + e.user().id());
        assertThat(account.email()).isNull();
        assertThat(account.displayName()).doesNotContain("Nadia");
        assertThat(account.enabled()).isFalse();
        String audit = jdbc.sql("SELECT string_agg(audit_event::text, ' ') FROM platform.audit_event").query(String.class).single();
        assertThat(audit).doesNotContain("Nadia Effacement").doesNotContain(e.email()).doesNotContain(e.user().username());
        List<Map<String, Object>> entries = jdbc.sql("""
                SELECT action, before, after FROM platform.audit_event WHERE entity_type = 'skills.expert' AND entity_id = :id
                """).param("id", Long.toString(id)).query().listOfRows();
        assertThat(entries).extracting(r -> r.get("action")).contains("CREATE", "UPDATE", "ERASE");
        assertThat(entries).allSatisfy(r -> {
            assertThat(r.get("before")).isNull();
            assertThat(r.get("after")).isNull();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM skills.consent WHERE expert_id = :id").param("id", id).query(Long.class).single())
                .isZero();
    }

    static ExpertInput withVersion(ExpertInput i, int version) {
        return new ExpertInput(i.displayName(), i.country(), i.city(), i.nationalities(), i.educationLevel(),
                i.educationField(), i.occupationUri(), i.yearsExperience(), i.sectors(), i.contributions(), i.summary(),
                i.languages(), i.skills(), i.freeSkills(), i.availability(), i.visibleFields(), version);
    }
}
