package org.marsad.skills.matching;

import java.time.LocalDate;
import java.util.List;

import org.marsad.skills.CefrLevel;
import org.marsad.skills.ContributionKind;
import org.marsad.skills.EducationLevel;

/** What a demand asks for, as matching reads it. */
public record MatchRequest(
        long demandId,
        List<String> essentialSkills,
        List<String> optionalSkills,
        String occupationUri,
        List<Language> languages,
        Integer minExperience,
        EducationLevel minEducation,
        LocalDate start,
        LocalDate end,
        ContributionKind contribution) {

    public record Language(String code, CefrLevel minLevel, boolean required) {
    }
}
