package org.marsad.initiatives.web;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.marsad.frameworks.Framework;
import org.marsad.frameworks.FrameworkNode;
import org.marsad.frameworks.FrameworksApi;
import org.marsad.frameworks.NodeKind;
import org.marsad.initiatives.ActivityStatus;
import org.marsad.initiatives.InitiativesApi;
import org.marsad.initiatives.MoroccoRegion;
import org.marsad.initiatives.Scoreboard;
import org.marsad.initiatives.ScoreboardFilter;
import org.marsad.initiatives.TargetGroup;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.web.FormErrors;
import org.marsad.platform.web.RenderedViews;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/** The scoreboards: one per policy framework, filterable, as of any date, printable and exportable. */
@Controller
class ScoreboardWebController {

    /** Initiatives a page lists under each node; the rest are a link to the filtered list. */
    static final int ITEMS_PER_NODE = 10;
    static final List<String> MAIN = List.of("MP2013", "GCM", "SNIA");
    /** Rendered contents and results kept, each for one computed scoreboard, language and filter. */
    static final int RENDERED_KEPT = 24;

    private final InitiativesApi initiatives;
    private final FrameworksApi frameworks;
    private final FormErrors formErrors;
    private final MessageSource messages;
    private final RenderedViews views;
    /**
     * A scoreboard page is hundreds of rows and thousands of links: its content (everything inside the layout) is
     * rendered once per computed scoreboard (the very object the module keeps until the next write, at most a
     * minute), language and filter, and so is the htmx answer (the results alone).
     */
    private final Map<Rendered, String> rendered = kept();
    /**
     * Whole pages, per computed scoreboard, language, query and reader (the layout holds the reader's name and menu,
     * the same for everyone not signed in): all of a page but its form token, which is written into each response.
     */
    private final Map<Rendered, RenderedViews.KeptPage> pages = kept();

    ScoreboardWebController(InitiativesApi initiatives, FrameworksApi frameworks, FormErrors formErrors,
            MessageSource messages, RenderedViews views) {
        this.initiatives = initiatives;
        this.frameworks = frameworks;
        this.formErrors = formErrors;
        this.messages = messages;
        this.views = views;
    }

    @GetMapping("/scoreboards")
    String index(Model model) {
        model.addAttribute("frameworks", frameworks());
        return "initiatives/scoreboards";
    }

    @GetMapping("/scoreboards/{code}")
    String scoreboard(@PathVariable String code, @ModelAttribute("filter") Filter filter,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        model.addAttribute("framework", frameworks.get(code));
        Scoreboard scoreboard;
        try {
            scoreboard = initiatives.scoreboard(code, filter.toFilter(), ITEMS_PER_NODE);
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
            addContentModel(code, filter, model, locale);
            return htmx != null ? "initiatives/scoreboard :: results" : "initiatives/scoreboard";
        }
        model.addAttribute("scoreboard", scoreboard);
        if (htmx != null) {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(content("results", scoreboard, code, filter, model, locale, request, response));
            return null;
        }
        Rendered pageKey = new Rendered(scoreboard, locale, Objects.toString(request.getQueryString(), ""), "page",
                CurrentUser.get().orElse(null));
        RenderedViews.KeptPage page = kept(pages, pageKey);
        if (page == null) {
            model.addAttribute("pageBody", content("content", scoreboard, code, filter, model, locale, request, response));
            page = views.renderPage("initiatives/scoreboard", model.asMap(), locale, request, response);
            keep(pages, pageKey, page);
        }
        page.write(request, response);
        return null;
    }

    /** The page's content or the htmx results, kept; what only they need is built when they are rendered. */
    private String content(String fragment, Scoreboard scoreboard, String code, Filter filter, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        Rendered key = new Rendered(scoreboard, locale, filter.query(), fragment, null);
        String html = kept(rendered, key);
        if (html == null) {
            addContentModel(code, filter, model, locale);
            html = views.render("initiatives/scoreboard :: " + fragment, model.asMap(), locale, request, response);
            keep(rendered, key, html);
        }
        return html;
    }

    private static <V> Map<Rendered, V> kept() {
        return new LinkedHashMap<>(32, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Rendered, V> eldest) {
                return size() > RENDERED_KEPT;
            }
        };
    }

    private static <V> V kept(Map<Rendered, V> kept, Rendered key) {
        synchronized (kept) {
            return kept.get(key);
        }
    }

    private static <V> void keep(Map<Rendered, V> kept, Rendered key, V value) {
        synchronized (kept) {
            kept.put(key, value);
        }
    }

    /** What the page's content (tabs, filters, results) needs beyond the framework and the scoreboard. */
    private void addContentModel(String code, Filter filter, Model model, Locale locale) {
        model.addAttribute("frameworks", frameworks());
        model.addAttribute("statuses", ActivityStatus.values());
        model.addAttribute("regions", MoroccoRegion.values());
        model.addAttribute("targetGroups", TargetGroup.values());
        model.addAttribute("query", filter.query());
        // A scoreboard page can hold hundreds of links and badges: they are built once here, not once per row.
        model.addAttribute("moreLink", "/initiatives?framework=" + InitiativeWebController.enc(code) + "&" + filter.listQuery());
        Map<ActivityStatus, String> statusNames = new EnumMap<>(ActivityStatus.class);
        for (ActivityStatus s : ActivityStatus.values()) {
            statusNames.put(s, messages.getMessage("initiatives.status." + s.name(), null, locale));
        }
        model.addAttribute("statusNames", statusNames);
        List<FrameworkNode> nodes = frameworks.nodes(code);
        model.addAttribute("sections", nodes.stream().filter(n -> n.depth() == 0
                && (n.kind() == NodeKind.SECTION || n.kind() == NodeKind.PROGRAMME)).toList());
        model.addAttribute("nodes", nodes);
    }

    /**
     * A computed scoreboard (compared as the same object, not as equal content), a language, the page's filter or
     * query, what is rendered, and for whole pages the reader (null when not signed in).
     */
    private record Rendered(Scoreboard scoreboard, Locale locale, String query, String fragment, MarsadPrincipal reader) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Rendered r && r.scoreboard == scoreboard && r.locale.equals(locale) && r.query.equals(query)
                    && r.fragment.equals(fragment) && Objects.equals(r.reader, reader);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(scoreboard) * 31 + Objects.hash(locale, query, fragment, reader);
        }
    }

    /** The scoreboard's filters as the form sends them. */
    record Filter(String partner, String status, String section, String node, String targetGroup, String region,
            String q, String asOf) {

        ScoreboardFilter toFilter() {
            return new ScoreboardFilter(partner, status, section, node, targetGroup, region, q, asOf);
        }

        /** The filters an initiative list understands (section and node are the row's). */
        String listQuery() {
            return "partner=" + InitiativeWebController.enc(partner) + "&status=" + InitiativeWebController.enc(status)
                    + "&targetGroup=" + InitiativeWebController.enc(targetGroup) + "&region="
                    + InitiativeWebController.enc(region) + "&q=" + InitiativeWebController.enc(q) + "&asOf="
                    + InitiativeWebController.enc(asOf);
        }

        String query() {
            return "partner=" + InitiativeWebController.enc(partner) + "&status=" + InitiativeWebController.enc(status)
                    + "&section=" + InitiativeWebController.enc(section) + "&node=" + InitiativeWebController.enc(node)
                    + "&targetGroup=" + InitiativeWebController.enc(targetGroup) + "&region="
                    + InitiativeWebController.enc(region) + "&q=" + InitiativeWebController.enc(q) + "&asOf="
                    + InitiativeWebController.enc(asOf);
        }
    }

    private List<Framework> frameworks() {
        List<Framework> all = frameworks.list();
        return MAIN.stream().flatMap(c -> all.stream().filter(f -> f.code().equals(c))).toList();
    }
}
