package org.marsad.skills.experts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.marsad.skills.CefrLevel;
import org.marsad.skills.ConceptRef;
import org.marsad.skills.ConsentPurpose;
import org.marsad.skills.ContributionKind;
import org.marsad.skills.EducationLevel;
import org.marsad.skills.Sector;
import org.marsad.skills.SkillLevel;
import org.marsad.skills.VisibleField;

/**
 * An expert's profile. The expert and ADMIN see all of it; an institution sees it {@link #restricted restricted}:
 * the fields the expert did not choose to show are null, and consents, free-text skills and networks are left out.
 */
public record ExpertProfile(
        long id,
        Long userId,
        String displayName,
        String email,
        String country,
        String city,
        List<String> nationalities,
        EducationLevel educationLevel,
        String educationField,
        ConceptRef occupation,
        Integer yearsExperience,
        List<Sector> sectors,
        List<ContributionKind> contributions,
        String summary,
        List<LanguageSkill> languages,
        List<ExpertSkill> skills,
        List<FreeSkill> freeSkills,
        List<Window> availability,
        Set<ConsentPurpose> consents,
        Set<VisibleField> visibleFields,
        List<String> networks,
        boolean synthetic,
        int version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        boolean restricted) {

    public boolean consented(ConsentPurpose purpose) {
        return consents != null && consents.contains(purpose);
    }

    /** Whether institutions may be shown this expert for their demands. */
    public boolean proposable() {
        return consented(ConsentPurpose.MATCHING);
    }

    /** What an institution may see, given the expert's choices; {@code emailAllowed} when a mission was accepted. */
    public ExpertProfile asSeenByInstitution(boolean emailAllowed) {
        Set<VisibleField> v = visibleFields;
        return new ExpertProfile(id, null, v.contains(VisibleField.NAME) ? displayName : null,
                v.contains(VisibleField.EMAIL) || emailAllowed ? email : null, country,
                v.contains(VisibleField.CITY) ? city : null, v.contains(VisibleField.NATIONALITIES) ? nationalities : null,
                v.contains(VisibleField.EDUCATION) ? educationLevel : null,
                v.contains(VisibleField.EDUCATION) ? educationField : null, occupation, yearsExperience, sectors,
                contributions, v.contains(VisibleField.SUMMARY) ? summary : null, languages, skills, null, availability,
                null, visibleFields, null, synthetic, version, null, updatedAt, true);
    }

    public record LanguageSkill(String code, CefrLevel level) {
    }

    /** A skill of the profile; {@code fromFreeText} when it is a confirmed mapping of a skill written in own words. */
    public record ExpertSkill(ConceptRef concept, SkillLevel level, boolean fromFreeText) {
    }

    public record FreeSkill(long id, String text, List<Mapping> mappings) {
    }

    public record Mapping(ConceptRef concept, MappingStatus status) {
    }

    public enum MappingStatus {
        SUGGESTED, CONFIRMED, REJECTED
    }

    public record Window(LocalDate from, LocalDate to) {
    }
}
