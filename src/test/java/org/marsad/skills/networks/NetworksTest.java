package org.marsad.skills.networks;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.skills.SkillsFixtures;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The six Maghribcom networks, membership, and announcements that reach the members who consented. */
@MarsadIntegrationTest
class NetworksTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SkillsFixtures fx;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSixNetworksOfTheReportAreSeededWithTheirSource() throws Exception {
        mvc.perform(get("/api/v1/skills/networks"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItems("NET-DE", "NET-US", "NET-CA", "NET-FR-1", "NET-FR-2", "NET-MED-BIO")))
                .andExpect(jsonPath("$[?(@.code == 'NET-MED-BIO')].kind").value(hasItems("THEMATIC")))
                .andExpect(jsonPath("$[0].sources[0].document").value("003_69d073076bc9812c.txt"));
    }

    @Test
    void expertsJoinAndLeaveAndAnnouncementsReachOnlyMembersWhoConsented() throws Exception {
        SkillsFixtures.Expert listening = fx.expert(List.of(fx.skill("biotechnology")), List.of("PROFILE", "NETWORKS"));
        SkillsFixtures.Expert quiet = fx.expert(List.of(fx.skill("biotechnology")), List.of("PROFILE"));
        for (SkillsFixtures.Expert e : List.of(listening, quiet)) {
            mvc.perform(post("/api/v1/skills/networks/NET-MED-BIO/membership").with(as(e.user()))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.member").value(true));
        }
        mvc.perform(post("/api/v1/skills/networks/NET-MED-BIO/membership").with(as(quiet.user()))).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/skills/networks/NET-MED-BIO/membership").with(as(users.create(Role.INSTITUTION, "MA-UM5"))))
                .andExpect(status().isForbidden());

        String title = SkillsFixtures.unique("Rencontre");
        mvc.perform(post("/api/v1/skills/networks/NET-MED-BIO/announcements").with(as(listening.user()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\",\"body\":\"y\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/skills/networks/NET-MED-BIO/announcements").with(as(users.create(Role.COORDINATOR)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"" + title + "\",\"body\":\"Rencontre à Rabat le 12 mars.\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.recipients").isNumber());
        assertThat(notified(listening, title)).isEqualTo(1);
        assertThat(notified(quiet, title)).isZero();

        mvc.perform(delete("/api/v1/skills/networks/NET-MED-BIO/membership").with(as(listening.user()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.member").value(false));
        mvc.perform(delete("/api/v1/skills/networks/NET-MED-BIO/membership").with(as(listening.user()))).andExpect(status().isConflict());
    }

    private long notified(SkillsFixtures.Expert e, String title) {
        return jdbc.sql("SELECT count(*) FROM skills.notification WHERE recipient_id = :u AND kind = 'announcement' AND subject LIKE :t")
                .param("u", e.user().id()).param("t", "%" + title + "%").query(Long.class).single();
    }
}
