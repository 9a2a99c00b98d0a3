package org.marsad.skills.web;

import java.util.ArrayList;
import java.util.List;

import org.marsad.platform.InvalidInputException;
import org.marsad.skills.experts.ExpertInput;
import org.marsad.skills.experts.ExpertProfile;

/**
 * The expert profile form as the browser posts it. Repeated rows (languages, skills, availability) come as parallel
 * lists in document order; a skill is added by a suggestion button ({@code addSkill}) or removed by ticking it, and
 * the form is shown again before it is saved, so the page works without script.
 */
record ProfileForm(String displayName, String country, String city, List<String> nationalities, String educationLevel,
        String educationField, String occupationUri, String pickOccupation, String yearsExperience, List<String> sectors,
        List<String> contributions, String summary, List<String> languageCode, List<String> languageLevel,
        List<String> skillUri, List<String> skillLevel, List<String> removeSkill, String addSkill, String freeSkills,
        List<String> availabilityFrom, List<String> availabilityTo, List<String> visibleFields, Integer version,
        String skillQuery, String occupationQuery, String action) {

    static ProfileForm of(ExpertProfile p) {
        return new ProfileForm(p.displayName(), p.country(), p.city(), p.nationalities(),
                p.educationLevel() == null ? null : p.educationLevel().name(), p.educationField(),
                p.occupation() == null ? null : p.occupation().uri(), null,
                p.yearsExperience() == null ? null : p.yearsExperience().toString(),
                p.sectors().stream().map(Enum::name).toList(), p.contributions().stream().map(Enum::name).toList(), p.summary(),
                p.languages().stream().map(ExpertProfile.LanguageSkill::code).toList(),
                p.languages().stream().map(l -> l.level().name()).toList(),
                p.skills().stream().filter(s -> !s.fromFreeText()).map(s -> s.concept().uri()).toList(),
                p.skills().stream().filter(s -> !s.fromFreeText()).map(s -> s.level().name()).toList(), List.of(), null,
                String.join("\n", p.freeSkills().stream().map(ExpertProfile.FreeSkill::text).toList()),
                p.availability().stream().map(w -> w.from().toString()).toList(),
                p.availability().stream().map(w -> w.to().toString()).toList(),
                p.visibleFields().stream().map(Enum::name).toList(), p.version(), null, null, null);
    }

    /** Whether the button pressed was "save" (and not a suggestion, a removal or a search). */
    boolean saving() {
        return "save".equals(action) && (addSkill == null || addSkill.isBlank()) && (pickOccupation == null || pickOccupation.isBlank());
    }

    /** The same form with the added skill, the picked occupation and without the removed skills: shown again. */
    ProfileForm edited() {
        List<String> uris = new ArrayList<>();
        List<String> levels = new ArrayList<>();
        List<String> given = nz(skillUri);
        for (int i = 0; i < given.size(); i++) {
            if (!nz(removeSkill).contains(given.get(i))) {
                uris.add(given.get(i));
                levels.add(i < nz(skillLevel).size() ? nz(skillLevel).get(i) : "INTERMEDIATE");
            }
        }
        if (addSkill != null && !addSkill.isBlank() && !uris.contains(addSkill)) {
            uris.add(addSkill);
            levels.add("ADVANCED");
        }
        String occupation = pickOccupation != null && !pickOccupation.isBlank() ? pickOccupation : occupationUri;
        return new ProfileForm(displayName, country, city, nationalities, educationLevel, educationField, occupation, null,
                yearsExperience, sectors, contributions, summary, languageCode, languageLevel, uris, levels, List.of(), null,
                freeSkills, availabilityFrom, availabilityTo, visibleFields, version, null, null, null);
    }

    ExpertInput toInput() {
        Integer years = null;
        if (yearsExperience != null && !yearsExperience.isBlank()) {
            try {
                years = Integer.parseInt(yearsExperience.strip());
            }
            catch (NumberFormatException e) {
                throw new InvalidInputException("yearsExperience", "validation.type");
            }
        }
        List<ExpertInput.LanguageInput> languages = new ArrayList<>();
        for (int i = 0; i < nz(languageCode).size(); i++) {
            String code = nz(languageCode).get(i);
            if (code != null && !code.isBlank()) {
                languages.add(new ExpertInput.LanguageInput(code, i < nz(languageLevel).size() ? nz(languageLevel).get(i) : null));
            }
        }
        List<ExpertInput.SkillInput> skills = new ArrayList<>();
        for (int i = 0; i < nz(skillUri).size(); i++) {
            if (!nz(removeSkill).contains(nz(skillUri).get(i))) {
                skills.add(new ExpertInput.SkillInput(nz(skillUri).get(i), i < nz(skillLevel).size() ? nz(skillLevel).get(i) : null));
            }
        }
        List<ExpertInput.WindowInput> windows = new ArrayList<>();
        for (int i = 0; i < Math.max(nz(availabilityFrom).size(), nz(availabilityTo).size()); i++) {
            windows.add(new ExpertInput.WindowInput(i < nz(availabilityFrom).size() ? nz(availabilityFrom).get(i) : null,
                    i < nz(availabilityTo).size() ? nz(availabilityTo).get(i) : null));
        }
        List<String> free = freeSkills == null ? List.of() : List.of(freeSkills.split("\\R"));
        return new ExpertInput(displayName, country, city, nz(nationalities), educationLevel, educationField, occupationUri,
                years, nz(sectors), nz(contributions), summary, languages, skills, free, windows, nz(visibleFields), version);
    }

    static <T> List<T> nz(List<T> list) {
        return list == null ? List.of() : list;
    }
}
