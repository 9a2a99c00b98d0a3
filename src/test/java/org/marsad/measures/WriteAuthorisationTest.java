package org.marsad.measures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Every mutating endpoint of the measures and indicators modules (API and forms), sent as every role, as a focal
 * point of the measure's organisation and of another one, and anonymously: the answer each must get. Each call
 * works on fresh records, so that what one call changes does not decide the next.
 */
@MarsadIntegrationTest
class WriteAuthorisationTest {

    enum Actor { ANONYMOUS, ADMIN, COORDINATOR, FOCAL_POINT_OWN, FOCAL_POINT_OTHER, DATA_STEWARD, EXPERT, INSTITUTION, PLACEMENT_OFFICER }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    final List<String> measuresToWithdraw = new ArrayList<>();

    /** One endpoint: how to build the request for fresh records, and the status each actor gets. */
    record Case(String name, Function<Fixtures, MockHttpServletRequestBuilder> request, Map<Actor, Integer> expected) {
    }

    /** A measure implemented by IOM and an indicator on a framework node, both new for each call. */
    record Fixtures(String measure, String indicator, String freshCode) {
    }

    @Test
    void everyRoleGetsTheAnswerItsRightsCallFor() throws Exception {
        Map<Actor, MarsadPrincipal> actors = new LinkedHashMap<>();
        actors.put(Actor.ADMIN, users.create(Role.ADMIN));
        actors.put(Actor.COORDINATOR, users.create(Role.COORDINATOR, "MA-MDCMREAM"));
        actors.put(Actor.FOCAL_POINT_OWN, users.create(Role.FOCAL_POINT, "IOM"));
        actors.put(Actor.FOCAL_POINT_OTHER, users.create(Role.FOCAL_POINT, "DE-GIZ"));
        actors.put(Actor.DATA_STEWARD, users.create(Role.DATA_STEWARD, "MA-HCP"));
        actors.put(Actor.EXPERT, users.create(Role.EXPERT));
        actors.put(Actor.INSTITUTION, users.create(Role.INSTITUTION));
        actors.put(Actor.PLACEMENT_OFFICER, users.create(Role.PLACEMENT_OFFICER, "MA-ANAPEC"));

        List<Case> cases = List.of(
                new Case("API create measure", f -> json(post("/api/v1/measures"), measure(f.freshCode(), "")),
                        expect(401, 201, 201, 201, 403, 403, 403, 403, 403)),
                new Case("API update measure", f -> json(put("/api/v1/measures/" + f.measure()), measure(f.measure(), ", \"version\": 1")),
                        expect(401, 200, 200, 200, 403, 403, 403, 403, 403)),
                new Case("API withdraw measure", f -> json(post("/api/v1/measures/" + f.measure() + "/withdrawal"), "{\"reason\": \"test\"}"),
                        expect(401, 200, 200, 403, 403, 403, 403, 403, 403)),
                new Case("API create indicator", f -> json(post("/api/v1/indicators"), indicator(f.freshCode(), "")),
                        expect(401, 201, 201, 403, 403, 403, 403, 403, 403)),
                new Case("API update indicator", f -> json(put("/api/v1/indicators/" + f.indicator()), indicator(f.indicator(), ", \"version\": 1")),
                        expect(401, 200, 200, 403, 403, 403, 403, 403, 403)),
                new Case("API withdraw indicator", f -> json(post("/api/v1/indicators/" + f.indicator() + "/withdrawal"), "{\"reason\": \"test\"}"),
                        expect(401, 200, 200, 403, 403, 403, 403, 403, 403)),
                new Case("API enter indicator value", f -> json(post("/api/v1/indicators/" + f.indicator() + "/values"), "{\"start\": \"2020\", \"actual\": 3}"),
                        expect(401, 201, 201, 403, 403, 201, 403, 403, 403)),
                new Case("form create measure", f -> form(post("/measures"), f.freshCode()),
                        expect(302, 302, 302, 302, 403, 403, 403, 403, 403)),
                new Case("form update measure", f -> form(post("/measures/" + f.measure()), f.measure()).param("version", "1"),
                        expect(302, 302, 302, 302, 403, 403, 403, 403, 403)),
                new Case("form withdraw measure", f -> post("/measures/" + f.measure() + "/withdrawal").param("reason", "test"),
                        expect(302, 302, 302, 403, 403, 403, 403, 403, 403)),
                new Case("form enter indicator value", f -> post("/indicators/" + f.indicator() + "/values")
                                .param("start", "2020").param("actual", "3"),
                        expect(302, 302, 302, 403, 403, 302, 403, 403, 403)));

        List<String> mismatches = new ArrayList<>();
        for (Case c : cases) {
            for (Actor actor : Actor.values()) {
                Fixtures fixtures = fixtures(actors.get(Actor.ADMIN));
                MockHttpServletRequestBuilder request = c.request().apply(fixtures).with(csrf());
                if (actor != Actor.ANONYMOUS) {
                    request.with(as(actors.get(actor)));
                }
                var response = mvc.perform(request).andReturn().getResponse();
                int status = response.getStatus();
                int expected = c.expected().get(actor);
                if (status != expected) {
                    mismatches.add(c.name() + " as " + actor + ": " + status + " instead of " + expected);
                }
                if (actor == Actor.ANONYMOUS && status == 302) {
                    assertThat(response.getRedirectedUrl()).as(c.name()).endsWith("/login");
                }
                if (status == 201 && c.name().contains("measure")) {
                    measuresToWithdraw.add(fixtures.freshCode());
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @AfterEach
    void withdrawTheTestMeasures() throws Exception {
        MarsadPrincipal admin = users.create(Role.ADMIN);
        for (String code : measuresToWithdraw) {
            mvc.perform(json(post("/api/v1/measures/" + code + "/withdrawal"), "{\"reason\": \"test done\"}").with(as(admin)).with(csrf()));
        }
    }

    private Fixtures fixtures(MarsadPrincipal admin) throws Exception {
        String measure = code();
        String indicator = code();
        int created = mvc.perform(json(post("/api/v1/measures"), measure(measure, "")).with(as(admin)).with(csrf()))
                .andReturn().getResponse().getStatus();
        assertThat(created).isEqualTo(201);
        measuresToWithdraw.add(measure);
        assertThat(mvc.perform(json(post("/api/v1/indicators"), indicator(indicator, "")).with(as(admin)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(201);
        return new Fixtures(measure, indicator, code());
    }

    private static Map<Actor, Integer> expect(int... statuses) {
        Map<Actor, Integer> map = new LinkedHashMap<>();
        for (Actor actor : Actor.values()) {
            map.put(actor, statuses[actor.ordinal()]);
        }
        return map;
    }

    private static String code() {
        return "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A return-phase AVRR measure of IOM: outside every gap the seed tests look at. */
    private static String measure(String code, String extra) {
        return """
                {"code": "%s", "title": {"fr": "Mesure d'autorisation"}, "phase": "RETURN", "models": ["AVRR"],
                 "targetGroups": ["RETURNEES"], "implementers": ["IOM"], "evaluation": "NOT_EVALUATED"%s}
                """.formatted(code, extra);
    }

    private static String indicator(String code, String extra) {
        return """
                {"code": "%s", "measure": "UNIT", "title": {"fr": "Indicateur d'autorisation"}, "nodes": ["SNIA.OSP19"]%s}
                """.formatted(code, extra);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String code) {
        return request.param("code", code).param("titleFr", "Mesure de formulaire").param("phase", "RETURN")
                .param("models", "AVRR").param("targetGroups", "RETURNEES").param("implementers", "IOM")
                .param("evaluation", "NOT_EVALUATED");
    }
}
