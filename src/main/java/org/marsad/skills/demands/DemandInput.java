package org.marsad.skills.demands;

import java.util.List;

import org.marsad.platform.LocalizedText;

/**
 * A demand as a client or form sends it. Codes, dates and amounts are text so that a wrong one is reported on its
 * field. {@code organisationId} is read only from ADMIN: an institution posts for its own organisation.
 */
public record DemandInput(
        Long organisationId,
        LocalizedText title,
        LocalizedText description,
        String contribution,
        String sector,
        String occupationUri,
        List<SkillInput> skills,
        List<LanguageInput> languages,
        Integer minExperience,
        String minEducation,
        String startDate,
        String endDate,
        Integer durationDays,
        String placeMode,
        String city,
        String region,
        Boolean travelCovered,
        Boolean accommodationCovered,
        String honorarium,
        String honorariumCurrency,
        Integer expertsWanted,
        Integer version) {

    public record SkillInput(String uri, Boolean essential) {
    }

    public record LanguageInput(String code, String minLevel, Boolean required) {
    }
}
