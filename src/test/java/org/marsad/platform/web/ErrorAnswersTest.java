package org.marsad.platform.web;

import org.junit.jupiter.api.Test;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bad requests get a clear problem, never a 500 and never a stack trace. */
@MarsadIntegrationTest
class ErrorAnswersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        mvc.perform(post("/api/v1/crosswalk").with(as(users.create(Role.COORDINATOR))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"from\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").exists())
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void oversizedBodiesAreA413Problem() throws Exception {
        String big = "{\"rationale\": {\"fr\": \"" + "x".repeat(70 * 1024) + "\"}}";
        mvc.perform(post("/api/v1/crosswalk").with(as(users.create(Role.COORDINATOR))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(big))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.status").value(413));
    }

    @Test
    void wrongMediaTypeMethodAndParameterTypesAreClientErrors() throws Exception {
        mvc.perform(post("/api/v1/crosswalk").with(as(users.create(Role.COORDINATOR))).with(csrf())
                        .contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(delete("/api/v1/frameworks").with(as(users.create(Role.COORDINATOR))).with(csrf()))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(get("/api/v1/organisations").param("type", "ALIEN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        mvc.perform(get("/api/v1/organisations").param("page", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void unknownAddressesAreA404PageForBrowsersAndAProblemForClients() throws Exception {
        mvc.perform(get("/nothing/here").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(not(containsString("Whitelabel"))));
        mvc.perform(get("/api/v1/nothing")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/organisations/NOPE")).andExpect(status().isNotFound());
        mvc.perform(get("/documents/nope")).andExpect(status().isNotFound());
    }

    @Test
    void problemsSpeakTheReadersLanguage() throws Exception {
        mvc.perform(get("/api/v1/documents").param("q", "").header("Accept-Language", "ar"))
                .andExpect(jsonPath("$.title").value("طلب غير صالح"))
                .andExpect(jsonPath("$.errors[0].message").value("هذا الحقل إلزامي."));
        mvc.perform(get("/api/v1/documents").param("q", "").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.errors[0].message").value("This field is required."));
    }

    @Test
    void healthIsUpWhenTheDatabaseAnswers() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/frameworks/{code}/nodes/{nodeCode}']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/crosswalk']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/documents']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/organisations']").exists());
    }
}
