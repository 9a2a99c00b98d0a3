package org.marsad.indicators;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Defining indicators and entering, correcting and refusing values through the API. */
@MarsadIntegrationTest
class IndicatorValuesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Test
    void aDataStewardEntersAValueAndTheStatusFollowsTheTarget() throws Exception {
        String code = indicator("UNIT", "SNIA.OSP19");
        MarsadPrincipal steward = users.create(Role.DATA_STEWARD, "MA-HCP");
        value(steward, code, """
                {"start": "2019", "end": "2019", "target": 1000, "actual": 800,
                 "actualComment": {"en": "provisional"},
                 "actualDimensions": [{"name": "sex", "breakdown": true, "items": [{"label": "women", "value": 300}, {"label": "men", "value": 500}]}]}
                """)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AMBER"))
                .andExpect(jsonPath("$.enteredBy").value(steward.username()));
        mvc.perform(get("/api/v1/indicators/" + code + "/values"))
                .andExpect(jsonPath("$.periods", hasSize(1)))
                .andExpect(jsonPath("$.periods[0].actualDimensions[0].items[0].label").value("women"))
                .andExpect(jsonPath("$.status").value("AMBER"));
        mvc.perform(get("/api/v1/audit").param("entityType", "indicator").param("entityId", code).with(as(users.create(Role.COORDINATOR))))
                .andExpect(jsonPath("$.items[0].action").value("VALUE"))
                .andExpect(jsonPath("$.items[0].actor").value(steward.username()));
    }

    @Test
    void correctingAPeriodNeedsAReasonAndKeepsTheEarlierValue() throws Exception {
        String code = indicator("UNIT", "GCM.19");
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        value(coordinator, code, "{\"start\": \"2020\", \"actual\": 10}").andExpect(status().isCreated());
        value(coordinator, code, "{\"start\": \"2020\", \"actual\": 12}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        value(coordinator, code, "{\"start\": \"2020\", \"actual\": 12, \"reason\": \"figure revised by the source\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.actual").value(12));
        mvc.perform(get("/api/v1/indicators/" + code + "/values"))
                .andExpect(jsonPath("$.periods", hasSize(1)))
                .andExpect(jsonPath("$.periods[0].actual").value(12));
        mvc.perform(get("/api/v1/indicators/" + code + "/values").param("history", "true"))
                .andExpect(jsonPath("$.periods", hasSize(2)))
                .andExpect(jsonPath("$.periods[?(@.supersededBy)].supersedeReason", hasItem("figure revised by the source")))
                .andExpect(jsonPath("$.periods[?(@.supersededBy)].actual", hasItem(10)));
    }

    @Test
    void badValuesAreRefusedFieldByFieldAndChangeNothing() throws Exception {
        String code = indicator("PERCENTAGE", "MP2013.5");
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        value(coordinator, code, """
                {"start": "2019-13", "end": "2018", "target": 120, "actual": -1, "actualUpper": 50, "status": "GREEN"}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("start")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("target")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("actual")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("status")));
        value(coordinator, code, "{\"start\": \"2019\", \"end\": \"2018\", \"actual\": 50}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("end"));
        value(coordinator, code, "{\"start\": \"2019\", \"actual\": 40, \"actualUpper\": 30}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("actualUpper"));
        // A breakdown must add up to the value it breaks down; a partial list ("of which") need not.
        value(coordinator, code, """
                {"start": "2019", "actual": 60, "actualDimensions": [{"name": "region", "breakdown": true,
                  "items": [{"label": "Oriental", "value": 20}, {"label": "Souss-Massa", "value": 30}]}]}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("actualDimensions[0].items"));
        value(coordinator, code, "{\"start\": \"2019\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("actual"));
        value(coordinator, code, "{\"start\": \"2019\", \"actual\": \"a lot\"}").andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/indicators/" + code + "/values")).andExpect(jsonPath("$.periods", hasSize(0)));
        value(coordinator, code, """
                {"start": "2019", "actual": 60, "actualDimensions": [{"name": "region", "breakdown": false,
                  "items": [{"label": "Oriental", "value": 20}]}]}
                """).andExpect(status().isCreated());
    }

    @Test
    void aQualitativeIndicatorTakesTextsAndAGivenStatus() throws Exception {
        String code = indicator("QUALITATIVE", "GCM.1");
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        value(coordinator, code, "{\"start\": \"2021\", \"actual\": 3}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("actual")));
        value(coordinator, code, "{\"start\": \"2021\", \"actualText\": {\"fr\": \"Observatoire ouvert\"}, \"status\": \"GREEN\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("GREEN"));
    }

    @Test
    void definingAnIndicatorChecksItsAttachmentsAndRefusesAnUnknownInitiative() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        mvc.perform(post("/api/v1/indicators").with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "bad code", "measure": "RATIO", "nodes": ["MP2013.999"], "baselineValue": 150,
                                 "title": {"en": "No French title"}}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("measure")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("nodes[0]")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("title.fr")));
        String unknown = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        mvc.perform(post("/api/v1/indicators").with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "%s", "measure": "UNIT", "title": {"fr": "Avec initiative"},
                                 "nodes": ["SNIA.P9"], "initiatives": ["XM-NO-SUCH-INITIATIVE"]}
                                """.formatted(unknown)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("initiatives[0]"))
                .andExpect(jsonPath("$.errors[0].message").value("Initiative inconnue."));
        mvc.perform(get("/api/v1/indicators/" + unknown)).andExpect(status().isNotFound());
    }

    @Test
    void aFocalPointDefinesAndFillsTheIndicatorsOfItsOwnInitiativeOnly() throws Exception {
        // SNIA-PRJ-002 (EU complementary components): the EU funds, Expertise France, AECID and UNICEF implement.
        MarsadPrincipal aecid = users.create(Role.FOCAL_POINT, "ES-AECID");
        String code = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        mvc.perform(post("/api/v1/indicators").with(as(aecid)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "%s", "measure": "UNIT", "unit": {"fr": "personnes", "en": "persons"}, "title": {"fr": "Migrants accompagnés"},
                                 "initiatives": ["SNIA-PRJ-002"]}
                                """.formatted(code)))
                .andExpect(status().isCreated());
        value(aecid, code, "{\"start\": \"2018\", \"target\": 500, \"actual\": 510}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("GREEN"));
        value(users.create(Role.FOCAL_POINT, "DE-GIZ"), code, "{\"start\": \"2019\", \"actual\": 1}")
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/indicators").with(as(users.create(Role.FOCAL_POINT, "DE-GIZ"))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "%s-GIZ", "measure": "UNIT", "title": {"fr": "Pas le sien"}, "initiatives": ["SNIA-PRJ-002"]}
                                """.formatted(code)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/indicators/" + code + "/values")).andExpect(jsonPath("$.periods", hasSize(1)));
        mvc.perform(get("/api/v1/indicators").param("initiative", "SNIA-PRJ-002"))
                .andExpect(jsonPath("$.items[*].code", hasItem(code)));
        mvc.perform(get("/api/v1/indicators").param("initiative", "SNIA-PRJ-002").param("q", code))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].code").value(code));
        mvc.perform(get("/api/v1/indicators").param("initiative", "SNIA-PRJ-002").param("q", "no-such-indicator"))
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.items", hasSize(0)));
        String initiative = mvc.perform(get("/api/v1/initiatives/SNIA-PRJ-002")).andReturn().getResponse().getContentAsString();
        mvc.perform(get("/initiatives/" + JsonPath.read(initiative, "$.id")))
                .andExpect(content().string(containsString("/indicators/" + code)));
        mvc.perform(get("/indicators/" + code)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/initiatives/")));
    }

    @Test
    void theDefinitionIsVersionedAndItsMeasureFixedOnceValued() throws Exception {
        String code = indicator("UNIT", "SNIA.OSP18");
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String body = """
                {"measure": "%s", "title": {"fr": "Indicateur %s"}, "nodes": ["SNIA.OSP18"], "version": %d}
                """;
        mvc.perform(put("/api/v1/indicators/" + code).with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted("UNIT", "v2", 1))).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        mvc.perform(put("/api/v1/indicators/" + code).with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted("UNIT", "v3", 1)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("version"));
        value(coordinator, code, "{\"start\": \"2019\", \"actual\": 5}").andExpect(status().isCreated());
        mvc.perform(put("/api/v1/indicators/" + code).with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted("PERCENTAGE", "v3", 2)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("measure"));
    }

    @Test
    void aWithdrawnIndicatorStaysReadableAndTakesNoMoreValues() throws Exception {
        String code = indicator("UNIT", "GCM.23");
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        mvc.perform(post("/api/v1/indicators/" + code + "/withdrawal").with(as(coordinator)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/indicators/" + code + "/withdrawal").with(as(coordinator)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"duplicate of another indicator\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.withdrawn").value(true));
        mvc.perform(get("/api/v1/indicators/" + code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.withdrawnReason").value("duplicate of another indicator"));
        value(coordinator, code, "{\"start\": \"2019\", \"actual\": 5}").andExpect(status().isConflict());
    }

    /** A fresh indicator on a node, defined by a coordinator; returns its code. */
    private String indicator(String measure, String node) throws Exception {
        String code = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        mvc.perform(post("/api/v1/indicators").with(as(users.create(Role.COORDINATOR))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "%s", "measure": "%s", "title": {"fr": "Indicateur de test", "en": "Test indicator"},
                                 "unit": {"fr": "personnes"}, "nodes": ["%s"]}
                                """.formatted(code, measure, node)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1));
        return code;
    }

    private ResultActions value(MarsadPrincipal user, String code, String body) throws Exception {
        return mvc.perform(post("/api/v1/indicators/" + code + "/values").with(as(user)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
