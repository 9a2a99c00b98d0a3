package org.marsad.platform.web;

import java.util.Comparator;
import java.util.List;

import org.marsad.platform.PageQuery;
import org.marsad.platform.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page orients a newcomer: what Marsad holds, where to start, what changed recently. */
@Controller
class HomeController {

    private final List<HomeSection> sections;
    private final AuditLog audit;

    HomeController(ObjectProvider<HomeSection> sections, AuditLog audit) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
        this.audit = audit;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("sections", sections.stream().map(s -> new Tile(s, s.count().getAsLong())).toList());
        model.addAttribute("changes", audit.search(
                new AuditLog.AuditFilter(null, null, null, null, true), new PageQuery(0, 10)).items());
        return "home";
    }

    @GetMapping("/about")
    String about() {
        return "about";
    }

    record Tile(HomeSection section, long count) {
    }
}
