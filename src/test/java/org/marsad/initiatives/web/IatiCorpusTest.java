package org.marsad.initiatives.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The official IATI 2.03 test files (a copy under {@code src/test/resources/iati/2.03/activity-tests}): every
 * should-pass file is previewed and imported; every should-fail file is refused with problems that say where
 * (line, element) and changes nothing.
 */
@MarsadIntegrationTest
class IatiCorpusTest {

    static final String CORPUS = "classpath:iati/2.03/activity-tests/";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    MarsadPrincipal coordinator;

    @BeforeEach
    void signIn() {
        coordinator = users.create(Role.COORDINATOR);
    }

    static Stream<Resource> shouldPass() throws IOException {
        return files("should-pass");
    }

    static Stream<Resource> shouldFail() throws IOException {
        return files("should-fail");
    }

    private static Stream<Resource> files(String folder) throws IOException {
        Resource[] all = new PathMatchingResourcePatternResolver().getResources(CORPUS + folder + "/**/*");
        return Arrays.stream(all).filter(Resource::isReadable).filter(r -> r.getFilename() != null && !r.getFilename().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shouldPass")
    void everyShouldPassFileImports(Resource file) throws Exception {
        String body = mvc.perform(post("/api/v1/initiatives/iati-imports").with(as(coordinator)).with(csrf())
                        .param("fileName", file.getFilename())
                        .contentType(MediaType.APPLICATION_XML).content(file.getContentAsByteArray()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.preview.activities", not(empty())))
                .andReturn().getResponse().getContentAsString();
        String id = body.replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        mvc.perform(post("/api/v1/initiatives/iati-imports/" + id + "/apply").with(as(coordinator)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.preview.appliedAt").exists());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shouldFail")
    void everyShouldFailFileIsRefusedWithLineAndElementAndChangesNothing(Resource file) throws Exception {
        long initiatives = count("initiatives.initiative");
        long imports = count("initiatives.iati_import");
        mvc.perform(post("/api/v1/initiatives/iati-imports").with(as(coordinator)).with(csrf())
                        .param("fileName", file.getFilename())
                        .contentType(MediaType.APPLICATION_XML).content(file.getContentAsByteArray()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", not(empty())))
                .andExpect(jsonPath("$.errors[*].message", everyItem(matchesPattern("(?s)(Ligne|Line) \\d+.*"))));
        assertThat(count("initiatives.initiative")).isEqualTo(initiatives);
        assertThat(count("initiatives.iati_import")).isEqualTo(imports);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
