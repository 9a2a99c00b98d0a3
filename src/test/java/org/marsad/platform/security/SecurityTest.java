package org.marsad.platform.security;

import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MarsadIntegrationTest
class SecurityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    WebApplicationContext context;

    @Autowired
    TestUsers users;

    @Autowired
    UserAccounts accounts;

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndSecurityHeaders() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", allOf(containsString("script-src 'self'"),
                        containsString("frame-ancestors 'none'"), not(containsString("unsafe-inline")), not(containsString("unsafe-eval")))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
    }

    @Test
    void theFirstAdminSignsInWithTheConfiguredPasswordAndItIsStoredHashed() throws Exception {
        mvc.perform(formLogin("/login").user("admin").password("test-admin-password"))
                .andExpect(redirectedUrl("/"));
        UserAccount admin = new UserRepositoryProbe(accounts).find("admin");
        assertThat(admin.passwordHash()).startsWith("{argon2}").doesNotContain("test-admin-password");
    }

    @Test
    void repeatedFailedSignInsLockTheAccountEvenForTheRightPassword() throws Exception {
        MarsadPrincipal user = users.create(Role.EXPERT);
        for (int i = 0; i < 3; i++) {
            mvc.perform(formLogin("/login").user(user.username()).password("wrong-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(user.username()).password(TestUsers.PASSWORD)).andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/language").param("lang", "ar")).andExpect(status().isForbidden());
        mvc.perform(post("/language").param("lang", "ar").with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void anonymousReadersGetNoSessionAndTheirFormsCarryATokenCheckedAgainstItsCookie() throws Exception {
        // Anonymous for sure: MockMvc signs a request in with whatever identity this thread still holds.
        TestSecurityContextHolder.clearContext();
        // Spring Security's csrf() test helper, used by other tests on this shared context, puts a session-backed
        // token repository into the CSRF filter for good: the application's own is put back for this test.
        var probe = get("/scoreboards/GCM").buildRequest(context.getServletContext());
        CsrfTokenRepository before = WebTestUtils.getCsrfTokenRepository(probe);
        WebTestUtils.setCsrfTokenRepository(probe, SecurityConfiguration.csrfTokens());
        try {
            anonymousPageAndForm();
        }
        finally {
            WebTestUtils.setCsrfTokenRepository(probe, before);
        }
    }

    private void anonymousPageAndForm() throws Exception {
        Cookie first = anonymousReader(null);
        // A second reader gets the page kept from the first read, with a cookie and token of their own...
        Cookie second = anonymousReader(null);
        assertThat(second.getValue()).isNotEqualTo(first.getValue());
        // ...and a reader who comes back with their cookie keeps it: the page's new token goes with it.
        anonymousReader(first);
    }

    private Cookie anonymousReader(Cookie had) throws Exception {
        var read = get("/scoreboards/GCM");
        if (had != null) {
            read.cookie(had);
        }
        var page = mvc.perform(read).andExpect(status().isOk()).andReturn();
        // No session for someone who only reads: the token of the page's forms lives in a cookie of its own.
        assertThat(page.getRequest().getSession(false)).isNull();
        assertThat(page.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).noneMatch(c -> c.startsWith("SESSION="));
        if (had != null) {
            assertThat(page.getResponse().getCookie("XSRF-TOKEN")).isNull();
        }
        var cookie = had != null ? had : page.getResponse().getCookie("XSRF-TOKEN");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page.getResponse().getContentAsString());
        assertThat(matcher.find()).isTrue();
        String token = matcher.group(1);

        mvc.perform(post("/language").param("lang", "en").param("_csrf", token).cookie(cookie))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/language").param("lang", "en").param("_csrf", token)).andExpect(status().isForbidden());
        mvc.perform(post("/language").param("lang", "en").param("_csrf", "forged").cookie(cookie))
                .andExpect(status().isForbidden());
        return cookie;
    }

    @Test
    void theLanguageSwitchNeverRedirectsOffSite() throws Exception {
        mvc.perform(post("/language").param("lang", "en").param("back", "//evil.example/x").with(csrf()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/language").param("lang", "en").param("back", "/frameworks?q=visa").with(csrf()))
                .andExpect(redirectedUrl("/frameworks?q=visa"));
    }

    @Test
    void personalAccessTokensAuthenticateUntilRevokedAndAreStoredHashed() throws Exception {
        MarsadPrincipal user = users.create(Role.COORDINATOR);
        String body = mvc.perform(post("/api/v1/me/tokens").with(as(user)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"script\", \"validDays\": 30}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret", startsWith("mrs_")))
                .andReturn().getResponse().getContentAsString();
        String secret = body.replaceAll("(?s).*\"secret\":\"([^\"]+)\".*", "$1");
        long id = Long.parseLong(body.replaceAll("(?s).*\"token\":\\{\"id\":(\\d+).*", "$1"));

        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(user.username()));
        mvc.perform(get("/api/v1/me/tokens").with(as(user)))
                .andExpect(jsonPath("$[0].name").value("script"))
                .andExpect(jsonPath("$[0].lastUsedAt").exists())
                .andExpect(jsonPath("$[0].secret").doesNotExist());

        mvc.perform(delete("/api/v1/me/tokens/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
                .andExpect(status().isOk()).andExpect(jsonPath("$.revokedAt").exists());
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")));
    }

    @Test
    void aBearerClientNeedsNoCsrfTokenButAnUnknownTokenIsRefused() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String token = users.token(coordinator);
        mvc.perform(post("/api/v1/crosswalk").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/organisations").header(HttpHeaders.AUTHORIZATION, "Bearer mrs_forged"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anonymousReadsPublishedDataButCannotWriteOrSeeAdministration() throws Exception {
        mvc.perform(get("/api/v1/frameworks")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/users")).andExpect(status().isUnauthorized());
        mvc.perform(get("/admin/users")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
    }

    @Test
    void onlyAdminsManageUsersAndTheAuditLogIsForAdminsAndCoordinators() throws Exception {
        mvc.perform(get("/api/v1/users").with(as(users.create(Role.COORDINATOR)))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit").with(as(users.create(Role.COORDINATOR)))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit").with(as(users.create(Role.FOCAL_POINT, "IOM")))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").with(as(users.create(Role.DATA_STEWARD)))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users").with(as(users.create(Role.ADMIN))).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"Bad Name\", \"displayName\": \"\", \"password\": \"short\", \"roles\": [\"FOCAL_POINT\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("username", "displayName", "password", "organisationId")));
    }

    /** Reads a stored user (hash included) the way the sign-in does. */
    record UserRepositoryProbe(UserAccounts accounts) {
        UserAccount find(String username) {
            var principal = accounts.loadUserByUsername(username);
            return new UserAccount(principal.id(), principal.username(), principal.displayName(), null,
                    principal.getPassword(), principal.roles(), principal.organisationId(), principal.language(),
                    principal.enabled(), 0, null, null);
        }
    }
}
