package org.marsad.skills.web;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PageResult;
import org.marsad.platform.Validation;
import org.marsad.skills.missions.Mission;
import org.marsad.skills.missions.MissionAction;
import org.marsad.skills.missions.MissionInput;
import org.marsad.skills.missions.MissionsApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/skills/missions")
@Tag(name = "Skills: missions", description = "Missions from the proposal of an expert to their evaluation by both sides")
class MissionRestController {

    private final MissionsApi missions;

    MissionRestController(MissionsApi missions) {
        this.missions = missions;
    }

    @GetMapping
    @Operation(summary = "My missions: an institution's, an expert's once contacted, all for ADMIN")
    PageResult<Mission> list(@RequestParam(required = false) Long demandId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return missions.list(demandId, PageQuery.of(page, size, 50));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose (shortlist) an expert who matches a published demand of my organisation")
    Mission propose(@RequestBody NewMission body) {
        Validation.start().required("demandId", body.demandId()).required("expertId", body.expertId()).throwIfInvalid();
        return missions.propose(body.demandId(), body.expertId());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One mission with its whole trail, evaluations and the reason the expert was proposed")
    Mission get(@PathVariable long id) {
        return missions.get(id);
    }

    @PostMapping("/{id}/{action}")
    @Operation(summary = "Move a mission on: contact, accept, decline (reason), schedule (dates), start, complete, evaluate (ratings), close, cancel (reason); an illegal move is refused with 409")
    Mission act(@PathVariable long id, @PathVariable String action, @RequestBody(required = false) MissionInput body) {
        Validation v = Validation.start();
        MissionAction a = null;
        try {
            a = MissionAction.valueOf(action.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            v.reject("action", "skills.validation.unknownValue", action);
        }
        v.throwIfInvalid();
        return missions.act(id, a, body);
    }

    record NewMission(Long demandId, Long expertId) {
    }
}
