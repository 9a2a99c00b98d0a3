package org.marsad.skills.experts;

import java.util.List;
import java.util.Set;

import org.marsad.skills.ConsentPurpose;
import org.marsad.skills.ContributionKind;
import org.marsad.skills.EducationLevel;
import org.marsad.skills.Sector;
import org.marsad.skills.VisibleField;

/** A generated expert of demo mode, without an account: stored with the {@code synthetic} mark. */
public record SyntheticExpert(String displayName, String country, String city, List<String> nationalities,
        EducationLevel educationLevel, String educationField, String occupationUri, int yearsExperience,
        List<Sector> sectors, List<ContributionKind> contributions, List<ExpertProfile.LanguageSkill> languages,
        List<MatchingProfile.Skill> skills, List<ExpertProfile.Window> availability, Set<ConsentPurpose> consents,
        Set<VisibleField> visibleFields, List<String> networks) {

    /** What matching sees of this expert once stored with this id. */
    public MatchingProfile matchingProfile(long id) {
        return new MatchingProfile(id, country, occupationUri, yearsExperience, educationLevel, Set.copyOf(sectors),
                Set.copyOf(contributions),
                languages.stream().map(l -> new MatchingProfile.Language(l.code(), l.level())).toList(), skills,
                availability.stream().map(w -> new MatchingProfile.Period(w.from(), w.to())).toList(),
                consents.contains(ConsentPurpose.MATCHING), consents.contains(ConsentPurpose.CONTACT), true);
    }
}
