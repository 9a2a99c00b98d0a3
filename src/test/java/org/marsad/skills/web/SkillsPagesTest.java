package org.marsad.skills.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.skills.SkillsFixtures;
import org.marsad.skills.demands.Demand;
import org.marsad.skills.missions.MissionInput;
import org.marsad.skills.missions.MissionAction;
import org.marsad.skills.missions.MissionsApi;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every page of the skills module, for each kind of reader (anonymous, expert, institution, administrator), in French,
 * Arabic and English: it answers 200, in the right language and direction, with no raw message key, and the pages
 * that show ESCO data carry the attribution. (The site-wide crawler reaches only a few of these pages: the sub-pages
 * of /skills share one pattern, and some belong to experts only.)
 */
@MarsadIntegrationTest
class SkillsPagesTest {

    private static final Pattern RAW_KEY = Pattern.compile("\\?\\?[^?\\s<]+\\?\\?");
    private static final String ATTRIBUTION = "This service uses the ESCO classification of the European Commission.";

    @Autowired
    MockMvc mvc;

    @Autowired
    SkillsFixtures fx;

    @Autowired
    TestUsers users;

    @Autowired
    MissionsApi missions;

    @Test
    void everySkillsPageAnswersInEveryLanguageForEveryReader() throws Exception {
        String skill = fx.skill("biotechnology");
        SkillsFixtures.Expert expert = fx.expert(List.of(skill), List.of("PROFILE", "MATCHING", "CONTACT"));
        MarsadPrincipal institution = fx.institution("MA-UM5-FSR", SkillsFixtures.unique("pages") + "@example.org");
        Demand demand = fx.publishedDemand(institution, List.of(skill), List.of());
        long mission = fx.as(institution, () -> missions.propose(demand.id(), expert.profile().id())).id();
        fx.as(institution, () -> missions.act(mission, MissionAction.CONTACT, MissionInput.note("Bonjour")));
        MarsadPrincipal admin = users.create(Role.ADMIN);

        List<String> everyone = List.of("/skills", "/skills/taxonomy", "/skills/taxonomy?q=biotechnologie&type=skill",
                "/skills/taxonomy/concept?uri=" + skill, "/skills/taxonomy/concept?uri=" + fx.occupation("biologist"),
                "/skills/networks", "/skills/networks/NET-MED-BIO", "/skills/outcomes");
        List<String> signedIn = List.of("/skills/demands", "/skills/demands/" + demand.id(), "/skills/missions",
                "/skills/missions/" + mission, "/skills/notifications");
        List<String> expertOnly = List.of("/skills/me", "/skills/me/edit", "/skills/me/matches");
        List<String> institutionOnly = List.of("/skills/demands/new", "/skills/demands/" + demand.id() + "/edit",
                "/skills/demands/" + demand.id() + "/matches", "/skills/experts/" + expert.profile().id());
        List<String> adminOnly = List.of("/skills/admin/notifications", "/skills/admin/notifications?state=QUEUED");

        for (String language : List.of("fr", "ar", "en")) {
            check(null, language, concat(everyone, List.of("/skills/register")));
            check(expert.user(), language, concat(everyone, signedIn, expertOnly));
            check(institution, language, concat(everyone, signedIn, institutionOnly));
            check(admin, language, concat(everyone, signedIn, institutionOnly, adminOnly));
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    @Test
    void aDemandFormKeepsEachLanguageWithItsLevelAndWhetherItIsRequired() throws Exception {
        MarsadPrincipal institution = fx.institution("MA-UM5-FSR", SkillsFixtures.unique("languages") + "@example.org");
        Demand demand = fx.publishedDemand(institution, List.of(fx.skill("biotechnology")), List.of());
        // A search (not a save) shows the form again as it was sent.
        String html = mvc.perform(post("/skills/demands/" + demand.id()).with(as(institution)).with(csrf())
                        .param("action", "searchSkill").param("skillQuery", "")
                        .param("languageCode", "fr", "ar").param("languageLevel", "B2", "C1")
                        .param("languageRequired", "true", "false"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String languages = html.substring(html.indexOf("id=\"languages\""), html.indexOf("</fieldset>", html.indexOf("id=\"languages\"")));
        // Two rows for the languages sent and one to add another, each with its three choices.
        assertThat(Pattern.compile("name=\"languageRequired\"").matcher(languages).results().count()).isEqualTo(3);
        assertThat(Pattern.compile("<option value=\"(\\w+)\" selected=\"selected\">").matcher(languages).results()
                .map(m -> m.group(1)).toList()).containsExactly("fr", "B2", "true", "ar", "C1", "false", "B2");
        // An expert's profile form has no such choice.
        SkillsFixtures.Expert expert = fx.expert(List.of(fx.skill("biotechnology")), List.of("PROFILE"));
        String profile = mvc.perform(get("/skills/me/edit").with(as(expert.user()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(profile).contains("id=\"languages\"").contains("data-testid=\"new-language\"")
                .doesNotContain("languageRequired");
    }

    private void check(MarsadPrincipal user, String language, List<String> urls) throws Exception {
        for (String url : urls) {
            var request = get(url).cookie(new Cookie("marsad-lang", language));
            if (user != null) {
                request.with(as(user));
            }
            MvcResult result = mvc.perform(request).andReturn();
            String who = (user == null ? "anonymous" : user.username()) + " " + language + " " + url;
            assertThat(result.getResponse().getStatus()).as(who).isEqualTo(200);
            String html = result.getResponse().getContentAsString();
            Matcher raw = RAW_KEY.matcher(html);
            assertThat(raw.find()).as(who + " shows a raw key").isFalse();
            assertThat(html).as(who).contains("<html lang=\"" + language + "\" dir=\"" + ("ar".equals(language) ? "rtl" : "ltr") + "\"");
            if (url.contains("taxonomy") || url.contains("/me") || url.contains("/demands/") || url.contains("/missions/")
                    || url.contains("/experts/")) {
                assertThat(html).as(who + " shows ESCO data: attribution").contains(ATTRIBUTION);
            }
        }
    }
}
