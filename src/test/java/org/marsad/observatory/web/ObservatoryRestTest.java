package org.marsad.observatory.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.marsad.observatory.ObservatoryFixtures;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The observatory's JSON API as clients see it: queries by SDMX key, formats, problems, and who may write. */
@MarsadIntegrationTest
class ObservatoryRestTest {

    static final String CSV = "REF_AREA,SEX,DATA_SOURCE,TIME_PERIOD,OBS_VALUE\nMA,F,CONSULATES,2007,10\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    ObservatoryFixtures fixtures;

    private MockMultipartFile file(String content) {
        return new MockMultipartFile("file", "data.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anonymousAndFocalPointsCannotImportADataStewardCan() throws Exception {
        String dataset = fixtures.areaBySex();
        mvc.perform(multipart("/api/v1/observatory/datasets/{code}/imports", dataset).file(file(CSV)))
                .andExpect(status().isUnauthorized());
        MarsadPrincipal focal = users.create(Role.FOCAL_POINT, "IOM");
        mvc.perform(multipart("/api/v1/observatory/datasets/{code}/imports", dataset).file(file(CSV)).with(as(focal)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/observatory/datasets/{code}/imports", dataset).contentType("text/csv").content(CSV)
                        .header("Authorization", "Bearer " + users.token(focal)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/observatory/datasets/{code}/imports", dataset).file(file(CSV))
                        .with(as(fixtures.steward())).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/observatory/imports/")))
                .andExpect(jsonPath("$.job.status").value("DONE"))
                .andExpect(jsonPath("$.job.inserted").value(1));
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR, "MA-MDCMREAM");
        mvc.perform(post("/api/v1/observatory/datasets").with(as(focal)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + ObservatoryFixtures.freshCode("X") + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/observatory/imports").with(as(coordinator))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/observatory/imports")).andExpect(status().isUnauthorized());
    }

    @Test
    void anAsyncImportAnswersAtOnceAndCanBeFollowed() throws Exception {
        String dataset = fixtures.areaBySex();
        String location = mvc.perform(multipart("/api/v1/observatory/datasets/{code}/imports", dataset).file(file(CSV))
                        .param("async", "true").with(as(fixtures.steward())).with(csrf()))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getHeader("Location");
        long deadline = System.nanoTime() + 60_000_000_000L;
        String state = "";
        while (System.nanoTime() < deadline && !state.contains("\"DONE\"")) {
            state = mvc.perform(get(location).with(as(fixtures.steward()))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            Thread.onSpinWait();
        }
        assertThat(state).contains("\"status\":\"DONE\"");
    }

    @Test
    void rowErrorsComeWithLineColumnValueAndReasonInTheReadersLanguage() throws Exception {
        String dataset = fixtures.areaBySex();
        mvc.perform(multipart("/api/v1/observatory/datasets/{code}/imports", dataset)
                        .file(file("REF_AREA,SEX,DATA_SOURCE,TIME_PERIOD,OBS_VALUE\nMA,F,CONSULATES,2007,10\nXX,F,CONSULATES,2007,1\n"))
                        .param("mode", "ACCEPT_VALID").header("Accept-Language", "en")
                        .with(as(fixtures.steward())).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.job.rowsRejected").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("REF_AREA"))
                .andExpect(jsonPath("$.errors[0].value").value("XX"))
                .andExpect(jsonPath("$.errors[0].message").value("Code not in codelist CL_AREA."));
    }

    @Test
    void keysTakeWildcardsAlternativesAndAll() throws Exception {
        mvc.perform(get("/api/v1/observatory/data/MRE_STOCK/ES+FR").param("source", "CONSULATES"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.series", hasSize(2)))
                .andExpect(jsonPath("$.series[*].key", hasItem("ES")));
        mvc.perform(get("/api/v1/observatory/data/REMITTANCES/.USD_M"))
                .andExpect(jsonPath("$.series", hasSize(6)));
        mvc.perform(get("/api/v1/observatory/data/REMITTANCES/all").param("startPeriod", "2008").param("endPeriod", "2011"))
                .andExpect(jsonPath("$.periods[0]").value("2008"))
                .andExpect(jsonPath("$.periods[-1:]", hasItem("2011")));
        mvc.perform(get("/api/v1/observatory/data/REMITTANCES/FR.USD_M").param("derive", "pct_change,change"))
                .andExpect(jsonPath("$.series[0].derived.PCT_CHANGE[0].value").value(-11.570248))
                .andExpect(jsonPath("$.series[0].derived.CHANGE[0].value").value(-350));
        mvc.perform(get("/api/v1/observatory/data/MRE_STOCK/FR").param("derive", "share").param("source", "CONSULATES"))
                .andExpect(jsonPath("$.series[0].derived.SHARE[1].value").value(34.349764));
    }

    @Test
    void badQueriesGetProblemsThatNameTheField() throws Exception {
        mvc.perform(get("/api/v1/observatory/data/REMITTANCES/FR"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("key"));
        mvc.perform(get("/api/v1/observatory/data/MRE_STOCK/all").param("startPeriod", "2007-13"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("startPeriod"));
        mvc.perform(get("/api/v1/observatory/data/MRE_STOCK/all").param("derive", "median"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("derive"));
        mvc.perform(get("/api/v1/observatory/data/MRE_STOCK/all").param("asOf", "yesterday"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("asOf"));
        mvc.perform(get("/api/v1/observatory/data/MRE_STOCK/all").param("source", "NOBODY"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("source"));
        mvc.perform(get("/api/v1/observatory/data/NO_SUCH/all")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/observatory/data/MRE_STOCK/all").param("format", "pdf"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("format"));
    }

    @Test
    void downloadsComeAsSdmxCsvCsvAndXlsx() throws Exception {
        mvc.perform(get("/api/v1/observatory/data/MRE_STOCK/ES").param("format", "sdmx-csv"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,DATA_SOURCE,TIME_PERIOD,OBS_VALUE")));
        String csv = mvc.perform(get("/api/v1/observatory/data/MRE_STOCK/ES").param("format", "csv").header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("MRE_STOCK.csv")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFREF_AREA,REF_AREA_LABEL,DATA_SOURCE").contains("ES,Espagne,CONSULATES,1993,65847");
        byte[] xlsx = mvc.perform(get("/api/v1/observatory/data/MRE_STOCK/ES").param("format", "xlsx"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(xlsx).startsWith((byte) 'P', (byte) 'K');
    }

    @Test
    void csvDownloadsNeutraliseFormulas() throws Exception {
        String dataset = fixtures.areaBySex();
        fixtures.importCsv(dataset, "REF_AREA,SEX,DATA_SOURCE,TIME_PERIOD,OBS_VALUE,COMMENT_OBS\nMA,F,CONSULATES,2007,-5,=HYPERLINK(\"x\")\n",
                org.marsad.observatory.ImportMode.ALL_OR_NOTHING, null);
        String csv = mvc.perform(get("/api/v1/observatory/data/{code}/all", dataset).param("format", "csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains(",-5,").contains("\"'=HYPERLINK(\"\"x\"\")\"");
    }

    @Test
    void theStructureListsCodelistsSourcesNotesAndCitations() throws Exception {
        mvc.perform(get("/api/v1/observatory/datasets/MRE_STOCK"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dataset.dimensions[0].code").value("REF_AREA"))
                .andExpect(jsonPath("$.codelists[0].codes[*].code", hasItem("MA")))
                .andExpect(jsonPath("$.sources[*].code", hasItem("DEHAAS2014")))
                .andExpect(jsonPath("$.dataset.notes", hasSize(2)));
        mvc.perform(get("/api/v1/observatory/codelists/CL_AREA"))
                .andExpect(jsonPath("$.codes[?(@.code == 'MA')].alpha3", hasItem("MAR")))
                .andExpect(jsonPath("$.codes[?(@.code == 'MA')].label.ar", hasItem("المغرب")));
        mvc.perform(get("/api/v1/observatory/datasets").param("theme", "ASYLUM"))
                .andExpect(jsonPath("$.items[*].code", hasItem("REFUGEES")));
        mvc.perform(get("/api/v1/observatory/compare").param("dataset", "MRE_STOCK").param("key", "_T"))
                .andExpect(jsonPath("$.rows[*].source", hasItem("MCMREAM")));
    }

    @Test
    void unpublishedDatasetsAreForTheirWritersOnly() throws Exception {
        String code = ObservatoryFixtures.freshCode("U");
        String body = "{\"code\":\"" + code + "\",\"name\":{\"fr\":\"Brouillon\"},\"measure\":{\"fr\":\"Effectif\"},\"unit\":\"PS\","
                + "\"dimensions\":[{\"code\":\"REF_AREA\",\"codelist\":\"CL_AREA\",\"total\":\"_T\"}]}";
        mvc.perform(post("/api/v1/observatory/datasets").with(as(fixtures.steward())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.published").value(false));
        mvc.perform(get("/api/v1/observatory/datasets/{code}", code)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/observatory/datasets/{code}", code).with(as(fixtures.steward()))).andExpect(status().isOk());
        mvc.perform(put("/api/v1/observatory/datasets/{code}/publication", code).with(as(fixtures.steward())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"published\":true,\"version\":1}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/observatory/datasets/{code}", code)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/observatory/datasets").with(as(fixtures.steward())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/observatory/datasets").with(as(fixtures.steward())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"bad code\",\"dimensions\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("dimensions")));
    }
}
