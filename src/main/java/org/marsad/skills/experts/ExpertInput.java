package org.marsad.skills.experts;

import java.util.List;

/**
 * A profile as a client or form sends it. Codes and levels are text so that a wrong one is reported on its field
 * ("languages[1].level: B3 is not a CEFR level") rather than as an unreadable body.
 */
public record ExpertInput(
        String displayName,
        String country,
        String city,
        List<String> nationalities,
        String educationLevel,
        String educationField,
        String occupationUri,
        Integer yearsExperience,
        List<String> sectors,
        List<String> contributions,
        String summary,
        List<LanguageInput> languages,
        List<SkillInput> skills,
        List<String> freeSkills,
        List<WindowInput> availability,
        List<String> visibleFields,
        Integer version) {

    public record LanguageInput(String code, String level) {
    }

    public record SkillInput(String uri, String level) {
    }

    /** Dates as ISO text (YYYY-MM-DD). */
    public record WindowInput(String from, String to) {
    }

    public static ExpertInput minimal(String displayName, String country) {
        return new ExpertInput(displayName, country, null, List.of(), null, null, null, null, List.of(), List.of(), null,
                List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }
}
