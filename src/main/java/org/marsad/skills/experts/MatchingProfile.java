package org.marsad.skills.experts;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.marsad.skills.CefrLevel;
import org.marsad.skills.ContributionKind;
import org.marsad.skills.EducationLevel;
import org.marsad.skills.Sector;
import org.marsad.skills.SkillLevel;

/** What matching needs of an expert (no name, no contact): the matching index is built from these. */
public record MatchingProfile(
        long id,
        String country,
        String occupationUri,
        Integer yearsExperience,
        EducationLevel educationLevel,
        Set<Sector> sectors,
        Set<ContributionKind> contributions,
        List<Language> languages,
        List<Skill> skills,
        List<Period> availability,
        boolean matchingConsent,
        boolean contactConsent,
        boolean synthetic) {

    public record Language(String code, CefrLevel level) {
    }

    /** {@code level} is null for a confirmed mapping of a free-text skill (the expert stated no level). */
    public record Skill(String uri, SkillLevel level) {
    }

    public record Period(LocalDate from, LocalDate to) {
    }
}
