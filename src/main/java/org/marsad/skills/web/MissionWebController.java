package org.marsad.skills.web;

import java.util.Locale;

import org.marsad.platform.ConflictException;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.PageQuery;
import org.marsad.platform.web.FormErrors;
import org.marsad.skills.missions.Mission;
import org.marsad.skills.missions.MissionAction;
import org.marsad.skills.missions.MissionInput;
import org.marsad.skills.missions.MissionsApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Missions: the list of mine, and one mission with its trail, its reason, and what I can do next. */
@Controller
class MissionWebController {

    private final MissionsApi missions;
    private final FormErrors formErrors;

    MissionWebController(MissionsApi missions, FormErrors formErrors) {
        this.missions = missions;
        this.formErrors = formErrors;
    }

    @GetMapping("/skills/missions")
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", missions.list(null, PageQuery.of(page, 25, 25)));
        model.addAttribute("baseUrl", "/skills/missions");
        return "skills/missions";
    }

    @GetMapping("/skills/missions/{id}")
    String show(@PathVariable long id, Model model) {
        Mission mission = missions.get(id);
        model.addAttribute("mission", mission);
        model.addAttribute("side", missions.sideOf(mission));
        return "skills/mission";
    }

    @PostMapping("/skills/missions/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @ModelAttribute MissionInput input, Locale locale,
            RedirectAttributes redirect) {
        MissionAction a;
        try {
            a = MissionAction.valueOf(action.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new org.marsad.platform.NotFoundException("action", action);
        }
        try {
            missions.act(id, a, input);
            redirect.addFlashAttribute("notice", "skills.missions.done." + a.name());
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e, locale));
            redirect.addFlashAttribute("failedAction", a.name());
        }
        catch (ConflictException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        return "redirect:/skills/missions/" + id;
    }
}
