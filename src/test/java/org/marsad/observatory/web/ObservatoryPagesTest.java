package org.marsad.observatory.web;

import org.junit.jupiter.api.Test;
import org.marsad.observatory.ObservatoryFixtures;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The observatory's pages: what the public reads, the fragments htmx asks for, and who may import. */
@MarsadIntegrationTest
class ObservatoryPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    ObservatoryFixtures fixtures;

    @Test
    void theExplorerShowsValuesWithTheirPassageAndTheSourcesBelow() throws Exception {
        mvc.perform(get("/observatory/datasets/MRE_STOCK").param("key", "ES").header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"data-table\"")))
                .andExpect(content().string(containsString("65\u202F847")))
                .andExpect(content().string(containsString("/documents/002_4571ce2f16081695?from=40&amp;to=40")))
                .andExpect(content().string(containsString("data-testid=\"source-notes\"")))
                .andExpect(content().string(containsString("data-chart-url=\"/api/v1/observatory/data/MRE_STOCK/ES\"")));
    }

    @Test
    void htmxGetsOnlyTheResults() throws Exception {
        mvc.perform(get("/observatory/datasets/MRE_STOCK").param("REF_AREA", "FR").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"results\"")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/observatory").param("q", "transferts").header("HX-Request", "true"))
                .andExpect(content().string(containsString("REMITTANCES")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void aBadQueryOnAPageIsShownAsAnErrorNotAFailure() throws Exception {
        mvc.perform(get("/observatory/datasets/MRE_STOCK").param("startPeriod", "twenty"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"form-errors\"")));
    }

    @Test
    void onlyWritersReachTheImportPages() throws Exception {
        String dataset = fixtures.areaBySex();
        mvc.perform(get("/observatory/datasets/{code}/import", dataset)).andExpect(redirectedUrl("/login"));
        MarsadPrincipal focal = users.create(Role.FOCAL_POINT, "IOM");
        mvc.perform(get("/observatory/datasets/{code}/import", dataset).with(as(focal))).andExpect(status().isForbidden());
        mvc.perform(multipart("/observatory/datasets/{code}/import", dataset)
                        .file(new MockMultipartFile("file", "a.csv", "text/csv", "x".getBytes())).with(as(focal)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/observatory/datasets/{code}/import", dataset).with(as(fixtures.steward())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"import-form\"")));
        mvc.perform(get("/observatory/imports")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void anUploadGoesToTheBackgroundAndItsPageCanBeComeBackTo() throws Exception {
        String dataset = fixtures.areaBySex();
        String location = mvc.perform(multipart("/observatory/datasets/{code}/import", dataset)
                        .file(new MockMultipartFile("file", "a.csv", "text/csv",
                                "REF_AREA,SEX,DATA_SOURCE,TIME_PERIOD,OBS_VALUE\nMA,F,CONSULATES,2007,10\n".getBytes()))
                        .param("mode", "ALL_OR_NOTHING").with(as(fixtures.steward())).with(csrf()))
                .andExpect(redirectedUrlPattern("/observatory/imports/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(as(fixtures.steward()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"import-status\"")));
        mvc.perform(get(location).header("HX-Request", "true").with(as(fixtures.steward()))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void anUploadWithoutAFileSaysSo() throws Exception {
        String dataset = fixtures.areaBySex();
        mvc.perform(multipart("/observatory/datasets/{code}/import", dataset).with(as(fixtures.steward())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"form-errors\"")));
    }

}
