package org.marsad.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.marsad.platform.Json;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PageResult;
import org.marsad.platform.audit.AuditLog;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.Role;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The audit log for ADMIN and COORDINATOR: who did what, when, and each changed field before → after. */
@Controller
class AuditController {

    private final AuditLog audit;
    private final Json json;

    AuditController(AuditLog audit, Json json) {
        this.audit = audit;
        this.json = json;
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) Integer page, @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        CurrentUser.require(Role.ADMIN, Role.COORDINATOR);
        var filter = new AuditLog.AuditFilter(blank(entityType), blank(entityId), blank(actor), blank(action), false);
        PageResult<AuditLog.AuditEntry> result = audit.search(filter, PageQuery.of(page, 50, 50));
        model.addAttribute("page", result);
        model.addAttribute("rows", result.items().stream().map(e -> new Row(e, changes(e))).toList());
        model.addAttribute("filter", filter);
        model.addAttribute("baseUrl", "/admin/audit?entityType=" + Urls.encode(entityType) + "&entityId=" + Urls.encode(entityId)
                + "&actor=" + Urls.encode(actor) + "&action=" + Urls.encode(action));
        return htmx != null ? "admin/audit :: results" : "admin/audit";
    }

    @GetMapping(value = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PageResult<AuditLog.AuditEntry> api(@RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        CurrentUser.require(Role.ADMIN, Role.COORDINATOR);
        return audit.search(new AuditLog.AuditFilter(blank(entityType), blank(entityId), blank(actor), blank(action), false),
                PageQuery.of(page, size, 50));
    }

    /** The fields that differ between the before and after images, in a stable order. */
    List<Change> changes(AuditLog.AuditEntry entry) {
        Map<?, ?> before = entry.before() == null ? Map.of() : json.read(entry.before(), Map.class);
        Map<?, ?> after = entry.after() == null ? Map.of() : json.read(entry.after(), Map.class);
        Set<Object> keys = new LinkedHashSet<>();
        keys.addAll(before.keySet());
        keys.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (Object key : keys) {
            Object b = before.get(key);
            Object a = after.get(key);
            if (!Objects.equals(b, a)) {
                changes.add(new Change(String.valueOf(key), b == null ? "" : json.write(b), a == null ? "" : json.write(a)));
            }
        }
        return changes;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }


    record Row(AuditLog.AuditEntry entry, List<Change> changes) {
    }

    record Change(String field, String before, String after) {
    }
}
