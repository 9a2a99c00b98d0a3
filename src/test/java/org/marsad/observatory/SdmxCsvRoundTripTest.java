package org.marsad.observatory;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** SDMX-CSV 2.0 out and back in: exporting a dataset, importing the file elsewhere and exporting again gives the same file. */
@MarsadIntegrationTest
class SdmxCsvRoundTripTest {

    static final String SDMX = "application/vnd.sdmx.data+csv;version=2.0.0";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObservatoryFixtures fixtures;

    private String export(String dataset) throws Exception {
        return new String(mvc.perform(get("/api/v1/observatory/data/{code}/all", dataset).header("Accept", SDMX))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.parseMediaType(SDMX)))
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void exportImportExportGivesTheSameFile() throws Exception {
        String original = export("MRE_STOCK");
        assertThat(original.lines().findFirst().orElseThrow())
                .isEqualTo("STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,DATA_SOURCE,TIME_PERIOD,OBS_VALUE,OBS_STATUS,OBS_QUALIFIER,"
                        + "PERIOD_BASIS,DECIMALS,UNIT_MEASURE,COMMENT_OBS");
        assertThat(original).contains("dataflow,MARSAD:MRE_STOCK(1.0),I,ES,CONSULATES,1993,65847,A,");
        long rows = original.lines().count() - 1;

        String copy = fixtures.likeMreStock();
        String file = original.replace("MARSAD:MRE_STOCK(1.0)", "MARSAD:" + copy + "(1.0)");
        mvc.perform(multipart("/api/v1/observatory/datasets/{code}/imports", copy)
                        .file(new MockMultipartFile("file", "mre.csv", SDMX, file.getBytes(StandardCharsets.UTF_8)))
                        .with(as(fixtures.steward())).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.job.status").value("DONE"))
                .andExpect(jsonPath("$.job.format").value("SDMX-CSV"))
                .andExpect(jsonPath("$.job.inserted").value(rows));

        String back = export(copy);
        assertThat(back).isEqualTo(file);

        // And once more: the same file again changes nothing.
        mvc.perform(multipart("/api/v1/observatory/datasets/{code}/imports", copy)
                        .file(new MockMultipartFile("file", "mre.csv", SDMX, file.getBytes(StandardCharsets.UTF_8)))
                        .with(as(fixtures.steward())).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.job.unchanged").value(rows))
                .andExpect(jsonPath("$.job.inserted").value(0));
    }

    @Test
    void theRequestBodyMayBeTheFileItself() throws Exception {
        String copy = fixtures.likeMreStock();
        String file = "STRUCTURE;STRUCTURE_ID;ACTION;REF_AREA;DATA_SOURCE;TIME_PERIOD;OBS_VALUE\n"
                + "dataflow;MARSAD:" + copy + "(1.0);I;FR;CONSULATES;2007;1131000\n";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/observatory/datasets/{code}/imports", copy)
                        .contentType("application/vnd.sdmx.data+csv").content(file.getBytes(StandardCharsets.UTF_8))
                        .param("fileName", "body.csv")
                        .header("Authorization", "Bearer " + fixtures.token()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.job.inserted").value(1));
    }
}
