package org.marsad.skills.web;

import java.util.ArrayList;
import java.util.List;

import org.marsad.platform.InvalidInputException;
import org.marsad.platform.LocalizedText;
import org.marsad.skills.demands.Demand;
import org.marsad.skills.demands.DemandInput;

/**
 * The demand form as the browser posts it: texts per language, repeated rows as parallel lists, and the same
 * add/remove/pick buttons as the profile form, so that it works without script.
 */
record DemandForm(String titleFr, String titleAr, String titleEn, String descriptionFr, String descriptionAr,
        String descriptionEn, String contribution, String sector, String occupationUri, String pickOccupation,
        List<String> skillUri, List<String> skillEssential, List<String> removeSkill, String addSkill, String addSkillAs,
        List<String> languageCode, List<String> languageLevel, List<String> languageRequired, String minExperience,
        String minEducation, String startDate, String endDate, String durationDays, String placeMode, String city,
        String region, Boolean travelCovered, Boolean accommodationCovered, String honorarium, String honorariumCurrency,
        String expertsWanted, Integer version, String skillQuery, String occupationQuery, String action) {

    static DemandForm empty() {
        return new DemandForm("", "", "", "", "", "", "EXPERTISE_MISSION", "", null, null, List.of(), List.of(), List.of(),
                null, null, List.of("fr"), List.of("B2"), List.of("true"), "", "", "", "", "", "ON_SITE", "", "", false, false,
                "", "MAD", "1", null, null, null, null);
    }

    static DemandForm of(Demand d) {
        return new DemandForm(d.title().fr(), d.title().ar(), d.title().en(), d.description().fr(), d.description().ar(),
                d.description().en(), d.contribution().name(), d.sector().name(),
                d.occupation() == null ? null : d.occupation().uri(), null,
                d.skills().stream().map(s -> s.concept().uri()).toList(),
                d.skills().stream().map(s -> Boolean.toString(s.essential())).toList(), List.of(), null, null,
                d.languages().stream().map(Demand.LanguageRequirement::code).toList(),
                d.languages().stream().map(l -> l.minLevel().name()).toList(),
                d.languages().stream().map(l -> Boolean.toString(l.required())).toList(),
                d.minExperience() == null ? "" : d.minExperience().toString(),
                d.minEducation() == null ? "" : d.minEducation().name(),
                d.startDate() == null ? "" : d.startDate().toString(), d.endDate() == null ? "" : d.endDate().toString(),
                d.durationDays() == null ? "" : d.durationDays().toString(), d.placeMode().name(), d.city(), d.region(),
                d.travelCovered(), d.accommodationCovered(), d.honorarium() == null ? "" : d.honorarium().toPlainString(),
                d.honorariumCurrency() == null ? "MAD" : d.honorariumCurrency(), Integer.toString(d.expertsWanted()),
                d.version(), null, null, null);
    }

    boolean saving() {
        return "save".equals(action) && blank(addSkill) && blank(pickOccupation);
    }

    DemandForm edited() {
        List<String> uris = new ArrayList<>();
        List<String> essential = new ArrayList<>();
        for (int i = 0; i < ProfileForm.nz(skillUri).size(); i++) {
            String uri = skillUri.get(i);
            if (!ProfileForm.nz(removeSkill).contains(uri)) {
                uris.add(uri);
                essential.add(i < ProfileForm.nz(skillEssential).size() ? skillEssential.get(i) : "true");
            }
        }
        if (!blank(addSkill) && !uris.contains(addSkill)) {
            uris.add(addSkill);
            essential.add("optional".equals(addSkillAs) ? "false" : "true");
        }
        return new DemandForm(titleFr, titleAr, titleEn, descriptionFr, descriptionAr, descriptionEn, contribution, sector,
                blank(pickOccupation) ? occupationUri : pickOccupation, null, uris, essential, List.of(), null, null,
                languageCode, languageLevel, languageRequired, minExperience, minEducation, startDate, endDate, durationDays,
                placeMode, city, region, travelCovered, accommodationCovered, honorarium, honorariumCurrency, expertsWanted,
                version, null, null, null);
    }

    DemandInput toInput() {
        List<DemandInput.SkillInput> skills = new ArrayList<>();
        for (int i = 0; i < ProfileForm.nz(skillUri).size(); i++) {
            if (!ProfileForm.nz(removeSkill).contains(skillUri.get(i))) {
                skills.add(new DemandInput.SkillInput(skillUri.get(i),
                        i >= ProfileForm.nz(skillEssential).size() || !"false".equals(skillEssential.get(i))));
            }
        }
        List<DemandInput.LanguageInput> languages = new ArrayList<>();
        for (int i = 0; i < ProfileForm.nz(languageCode).size(); i++) {
            String code = languageCode.get(i);
            if (!blank(code)) {
                languages.add(new DemandInput.LanguageInput(code,
                        i < ProfileForm.nz(languageLevel).size() ? languageLevel.get(i) : null,
                        i >= ProfileForm.nz(languageRequired).size() || !"false".equals(languageRequired.get(i))));
            }
        }
        return new DemandInput(null, LocalizedText.of(titleFr, titleAr, titleEn),
                LocalizedText.of(descriptionFr, descriptionAr, descriptionEn), contribution, sector, occupationUri, skills,
                languages, integer("minExperience", minExperience), minEducation, startDate, endDate,
                integer("durationDays", durationDays), placeMode, city, region, travelCovered, accommodationCovered, honorarium,
                honorariumCurrency, integer("expertsWanted", expertsWanted), version);
    }

    private static Integer integer(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        }
        catch (NumberFormatException e) {
            throw new InvalidInputException(field, "validation.type");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
