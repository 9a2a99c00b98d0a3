package org.marsad.skills.matching;

import java.time.LocalDate;

import org.marsad.skills.CefrLevel;
import org.marsad.skills.ContributionKind;
import org.marsad.skills.EducationLevel;
import org.marsad.skills.demands.DemandInput;

/** A demand as the form or the API gives it, turned into what matching reads (as the demands module does). */
final class DemandRequests {

    private DemandRequests() {
    }

    static MatchRequest of(long id, DemandInput d) {
        return new MatchRequest(id,
                d.skills().stream().filter(s -> s.essential() == null || s.essential()).map(DemandInput.SkillInput::uri).toList(),
                d.skills().stream().filter(s -> Boolean.FALSE.equals(s.essential())).map(DemandInput.SkillInput::uri).toList(),
                d.occupationUri(),
                d.languages().stream().map(l -> new MatchRequest.Language(l.code(), CefrLevel.valueOf(l.minLevel()),
                        l.required() == null || l.required())).toList(),
                d.minExperience(), d.minEducation() == null ? null : EducationLevel.valueOf(d.minEducation()),
                d.startDate() == null ? null : LocalDate.parse(d.startDate()),
                d.endDate() == null ? null : LocalDate.parse(d.endDate()),
                d.contribution() == null ? null : ContributionKind.valueOf(d.contribution()));
    }
}
