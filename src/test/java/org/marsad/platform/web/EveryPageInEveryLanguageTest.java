package org.marsad.platform.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Walks every kind of page, signed in as an administrator (who sees every page), in French, Arabic and English,
 * and fails on any page that does not answer 200, shows a raw message key, or is not right to left in Arabic.
 */
@MarsadIntegrationTest
class EveryPageInEveryLanguageTest {

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)");
    private static final Pattern RAW_KEY = Pattern.compile("\\?\\?[^?\\s<]+\\?\\?");
    private static final int PER_KIND = 3;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Test
    void noPageShowsARawKeyInAnyLanguage() throws Exception {
        MarsadPrincipal admin = users.create(Role.ADMIN);
        for (String language : List.of("fr", "ar", "en")) {
            List<String> visited = crawl(admin, language);
            assertThat(visited.size()).as("pages visited in " + language).isGreaterThan(20);
            assertThat(visited).contains("/", "/frameworks", "/crosswalk", "/documents", "/organisations", "/admin/users",
                    "/admin/audit", "/account", "/account/tokens", "/about", "/measures", "/measures/gaps", "/indicators");
        }
    }

    @Test
    void anonymousVisitorsGetTheSameCheckOnPublicPages() throws Exception {
        for (String language : List.of("fr", "ar", "en")) {
            assertThat(crawl(null, language)).contains("/login", "/frameworks/MP2013/nodes/MP2013.37", "/measures/MISMES-9",
                    "/indicators/FOREIGN-STUDENTS");
        }
    }

    private List<String> crawl(MarsadPrincipal user, String language) throws Exception {
        ArrayDeque<String> queue = new ArrayDeque<>(List.of("/", "/frameworks/MP2013/nodes/MP2013.37", "/login",
                "/measures/MISMES-9", "/indicators/FOREIGN-STUDENTS", "/indicators/MIGRANTS-APPREHENDED",
                "/documents?q=visa", "/frameworks?q=r%C3%A9admission", "/organisations?q=oim", "/crosswalk?rows=SNIA&cols=GCM"));
        if (user != null) {
            queue.addAll(List.of("/admin/users/new", "/organisations/new", "/account/password", "/organisations/IOM/edit",
                    "/measures/MISMES-1/edit"));
        }
        Set<String> seen = new HashSet<>(queue);
        Map<String, Integer> perKind = new HashMap<>();
        List<String> visited = new ArrayList<>();
        while (!queue.isEmpty()) {
            String url = queue.poll();
            if (perKind.merge(kind(url), 1, Integer::sum) > PER_KIND) {
                continue;
            }
            var request = get(url).cookie(new Cookie("marsad-lang", language));
            if (user != null) {
                request.with(as(user));
            }
            MvcResult result = mvc.perform(request).andReturn();
            int status = result.getResponse().getStatus();
            if (status == 302 && url.startsWith("/login") && user != null) {
                continue;
            }
            assertThat(status).as(language + " " + url).isEqualTo(200);
            String html = result.getResponse().getContentAsString();
            Matcher raw = RAW_KEY.matcher(html);
            assertThat(raw.find()).as(language + " " + url + " shows " + (raw.hitEnd() ? "" : raw.group())).isFalse();
            assertThat(html).as(language + " " + url).contains("<html lang=\"" + language + "\" dir=\"" + ("ar".equals(language) ? "rtl" : "ltr") + "\"");
            visited.add(url);
            Matcher links = HREF.matcher(html);
            while (links.find()) {
                String link = links.group(1).replace("&amp;", "&");
                if (crawlable(link) && seen.add(link)) {
                    queue.add(link);
                }
            }
        }
        return visited;
    }

    private static boolean crawlable(String link) {
        return !(link.startsWith("/api") || link.startsWith("/v3") || link.startsWith("/swagger") || link.startsWith("/webjars")
                || link.startsWith("/css") || link.startsWith("/js") || link.startsWith("/actuator") || link.startsWith("/favicon")
                || link.startsWith("/logout"));
    }

    /** Pages of the same kind share a pattern: the path with its variable segments blanked out. */
    private static String kind(String url) {
        String path = url.split("\\?")[0];
        String[] parts = path.split("/");
        StringBuilder kind = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            kind.append('/').append(i >= 2 && !parts[i].equals("nodes") && !parts[i].equals("edit") ? "*" : parts[i]);
        }
        return kind + (url.contains("?") ? "?" : "");
    }
}
