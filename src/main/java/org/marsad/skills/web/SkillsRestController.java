package org.marsad.skills.web;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PageResult;
import org.marsad.platform.Validation;
import org.marsad.skills.experts.ExpertsApi;
import org.marsad.skills.networks.Announcement;
import org.marsad.skills.networks.Network;
import org.marsad.skills.networks.NetworksApi;
import org.marsad.skills.notifications.Notification;
import org.marsad.skills.notifications.NotificationState;
import org.marsad.skills.notifications.Notifications;
import org.marsad.skills.outcomes.Outcomes;
import org.marsad.skills.outcomes.OutcomesApi;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/skills")
@Tag(name = "Skills: statistics, networks, notifications")
class SkillsRestController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final OutcomesApi outcomes;
    private final NetworksApi networks;
    private final Notifications notifications;

    SkillsRestController(OutcomesApi outcomes, NetworksApi networks, Notifications notifications) {
        this.outcomes = outcomes;
        this.networks = networks;
        this.notifications = notifications;
    }

    @GetMapping("/stats")
    @Operation(summary = "Aggregate outcome figures (anyone): totals, conversion funnel, breakdowns by country of residence, sector, institution, region")
    Outcomes stats() {
        return outcomes.outcomes();
    }

    @GetMapping(value = "/stats/export.csv", produces = "text/csv")
    @Operation(summary = "The breakdowns as CSV (cells that could be read as formulas are neutralised)")
    ResponseEntity<String> csv(Locale locale) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"marsad-skills-outcomes.csv\"")
                .body(outcomes.csv(locale));
    }

    @GetMapping(value = "/stats/export.xlsx")
    @Operation(summary = "The funnel and breakdowns as an XLSX workbook")
    ResponseEntity<byte[]> xlsx(Locale locale) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"marsad-skills-outcomes.xlsx\"")
                .body(outcomes.xlsx(locale));
    }

    @GetMapping("/networks")
    @Operation(summary = "Networks of experts (geographic and thematic)")
    List<Network> networks() {
        return networks.list();
    }

    @PostMapping("/networks/{code}/membership")
    @Operation(summary = "Join a network (EXPERT)")
    Network join(@PathVariable String code) {
        return networks.join(code);
    }

    @DeleteMapping("/networks/{code}/membership")
    @Operation(summary = "Leave a network (EXPERT)")
    Network leave(@PathVariable String code) {
        return networks.leave(code);
    }

    @PostMapping("/networks/{code}/announcements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Announce to a network's members through the outbox (ADMIN, COORDINATOR)")
    Announcement announce(@PathVariable String code, @RequestBody NewAnnouncement body) {
        return networks.announce(code, body.title(), body.body());
    }

    @GetMapping("/notifications")
    @Operation(summary = "My notifications and the state of their e-mail; ADMIN may ask for all (all=true), by state")
    PageResult<Notification> notifications(@RequestParam(defaultValue = "false") boolean all,
            @RequestParam(required = false) String state, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Validation v = Validation.start();
        NotificationState s = ExpertsApi.enumValue(v, "state", state, NotificationState.class);
        v.throwIfInvalid();
        PageQuery query = PageQuery.of(page, size, 50);
        return all ? notifications.all(s, query) : notifications.mine(query);
    }

    @PostMapping("/notifications/{id}/resend")
    @Operation(summary = "Send a failed notification again (ADMIN)")
    Notification resend(@PathVariable long id) {
        return notifications.resend(id);
    }

    record NewAnnouncement(String title, String body) {
    }
}
