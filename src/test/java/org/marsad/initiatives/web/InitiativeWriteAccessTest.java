package org.marsad.initiatives.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.marsad.initiatives.Acting;
import org.marsad.initiatives.Initiative;
import org.marsad.initiatives.InitiativeInput;
import org.marsad.initiatives.InitiativesApi;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Every mutating endpoint of the initiatives module, API and pages, sent as every role, as a focal point of the
 * organisation concerned (IOM), as a focal point of another organisation (GIZ), and anonymously: the answer each
 * one gets. Each write goes to an initiative of its own, so that the rows do not depend on each other.
 */
@MarsadIntegrationTest
class InitiativeWriteAccessTest {

    static final String OWN = "IOM";
    static final String OTHER = "DE-GIZ";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    InitiativesApi initiatives;

    @Autowired
    JsonMapper json;

    /** Who sends the request. */
    enum Actor {
        ADMIN, COORDINATOR, FOCAL_POINT_OWN, FOCAL_POINT_OTHER, DATA_STEWARD, EXPERT, INSTITUTION, PLACEMENT_OFFICER, ANONYMOUS
    }

    /** One endpoint: how to build its request for a fresh target, and the status each actor gets. */
    record Endpoint(String name, Function<Actor, AbstractMockHttpServletRequestBuilder<?>> request,
            Map<Actor, Integer> expected) {
    }

    @TestFactory
    List<DynamicTest> everyMutatingEndpointAnswersEveryActorAsItShould() {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        List<Endpoint> endpoints = List.of(
                new Endpoint("POST /api/v1/initiatives", actor -> post("/api/v1/initiatives")
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(input(code()))),
                        api(201, 201, 201, 403)),
                new Endpoint("PUT /api/v1/initiatives/{id}", actor -> {
                    Initiative target = target(coordinator);
                    return put("/api/v1/initiatives/" + target.id()).contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(initiatives.toInput(target)));
                }, api(200, 200, 200, 403)),
                new Endpoint("POST /api/v1/initiatives/{id}/status", actor -> {
                    Initiative target = target(coordinator);
                    return post("/api/v1/initiatives/" + target.id() + "/status").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"status\":\"2\",\"comment\":{\"fr\":\"Lancée\"},\"version\":" + target.version() + "}");
                }, api(200, 200, 200, 403)),
                new Endpoint("POST /api/v1/initiatives/iati-imports", actor -> post("/api/v1/initiatives/iati-imports")
                        .contentType(MediaType.APPLICATION_XML).content(file()), api(201, 201, 201, 403)),
                new Endpoint("POST /api/v1/initiatives/iati-imports/{id}/apply", actor ->
                        post("/api/v1/initiatives/iati-imports/" + preview(coordinator) + "/apply"),
                        api(200, 200, 404, 404)),
                new Endpoint("POST /initiatives (form)", actor -> post("/initiatives").params(form(code(), 0)),
                        page(302, 302, 302, 403)),
                new Endpoint("POST /initiatives/{id} (form)", actor -> {
                    Initiative target = target(coordinator);
                    return post("/initiatives/" + target.id()).params(form(null, target.version()));
                }, page(302, 302, 302, 403)),
                new Endpoint("POST /initiatives/{id}/status (form)", actor -> {
                    Initiative target = target(coordinator);
                    return post("/initiatives/" + target.id() + "/status").param("status", "2").param("comment", "Lancée")
                            .param("version", String.valueOf(target.version()));
                }, page(302, 302, 302, 403)),
                new Endpoint("POST /initiatives/imports (form)", actor -> multipart("/initiatives/imports")
                        .file(new MockMultipartFile("file", "iati.xml", "application/xml", file().getBytes())),
                        page(302, 302, 302, 403)),
                new Endpoint("POST /initiatives/imports/{id}/apply (form)", actor ->
                        post("/initiatives/imports/" + preview(coordinator) + "/apply"), page(302, 302, 404, 404)));

        Map<Actor, MarsadPrincipal> principals = new LinkedHashMap<>();
        principals.put(Actor.ADMIN, users.create(Role.ADMIN));
        principals.put(Actor.COORDINATOR, users.create(Role.COORDINATOR));
        principals.put(Actor.FOCAL_POINT_OWN, users.create(Role.FOCAL_POINT, OWN));
        principals.put(Actor.FOCAL_POINT_OTHER, users.create(Role.FOCAL_POINT, OTHER));
        principals.put(Actor.DATA_STEWARD, users.create(Role.DATA_STEWARD, OWN));
        principals.put(Actor.EXPERT, users.create(Role.EXPERT, OWN));
        principals.put(Actor.INSTITUTION, users.create(Role.INSTITUTION, OWN));
        principals.put(Actor.PLACEMENT_OFFICER, users.create(Role.PLACEMENT_OFFICER, OWN));

        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Actor actor : Actor.values()) {
                tests.add(DynamicTest.dynamicTest(endpoint.name() + " as " + actor, () -> {
                    AbstractMockHttpServletRequestBuilder<?> request = endpoint.request().apply(actor).with(csrf());
                    if (actor != Actor.ANONYMOUS) {
                        request.with(as(principals.get(actor)));
                    }
                    int status = mvc.perform(request).andReturn().getResponse().getStatus();
                    assertThat(status).isEqualTo(endpoint.expected().get(actor));
                }));
            }
        }
        return tests;
    }

    /** API answers: admin, coordinator, own and other focal point as given; other roles 403; anonymous 401. */
    private static Map<Actor, Integer> api(int admin, int coordinator, int own, int other) {
        return expected(admin, coordinator, own, other, 403, 401);
    }

    /** Page answers: a redirect after a successful form; other roles 403; anonymous sent to sign in (302). */
    private static Map<Actor, Integer> page(int admin, int coordinator, int own, int other) {
        return expected(admin, coordinator, own, other, 403, 302);
    }

    private static Map<Actor, Integer> expected(int admin, int coordinator, int own, int other, int others, int anonymous) {
        Map<Actor, Integer> map = new LinkedHashMap<>();
        map.put(Actor.ADMIN, admin);
        map.put(Actor.COORDINATOR, coordinator);
        map.put(Actor.FOCAL_POINT_OWN, own);
        map.put(Actor.FOCAL_POINT_OTHER, other);
        for (Actor a : List.of(Actor.DATA_STEWARD, Actor.EXPERT, Actor.INSTITUTION, Actor.PLACEMENT_OFFICER)) {
            map.put(a, others);
        }
        map.put(Actor.ANONYMOUS, anonymous);
        return map;
    }

    private Initiative target(MarsadPrincipal coordinator) {
        return Acting.as(coordinator, () -> initiatives.create(input(code())));
    }

    private String preview(MarsadPrincipal coordinator) {
        return Acting.as(coordinator, () -> initiatives.previewIatiImport("iati.xml", file().getBytes()).id().toString());
    }

    private static String code() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static InitiativeInput input(String code) {
        return new InitiativeInput(code, OWN, LocalizedText.french("Appui aux migrants de retour"), null, "1", "PUBLIC",
                List.of(new InitiativeInput.ParticipationInput(OWN, "4")), null, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of("MP2013.24"), List.of(), null, null, null, null);
    }

    private static org.springframework.util.MultiValueMap<String, String> form(String code, int version) {
        var params = new org.springframework.util.LinkedMultiValueMap<String, String>();
        if (code != null) {
            params.add("code", code);
        }
        params.add("reportingOrganisation", OWN);
        params.add("titleFr", "Appui aux migrants de retour");
        params.add("status", "1");
        params.add("visibility", "PUBLIC");
        params.add("orgCode", OWN);
        params.add("orgCode", "");
        params.add("orgRole", "4");
        params.add("orgRole", "1");
        params.add("nodes", "MP2013.24");
        params.add("version", String.valueOf(version));
        return params;
    }

    private static String file() {
        String identifier = "XM-DAC-47066-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return IatiExportImportTest.activity(identifier, "Activité", "1", "2020-01-01", "2020-12-31", "10", "EUR", "4");
    }
}
