package org.marsad.skills.demands;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.skills.CefrLevel;
import org.marsad.skills.ConceptRef;
import org.marsad.skills.ContributionKind;
import org.marsad.skills.EducationLevel;
import org.marsad.skills.Sector;

/** An institution's demand for expertise: what, who, when, where, with what funding; and where it stands. */
public record Demand(
        long id,
        long organisationId,
        String organisationCode,
        LocalizedText organisationName,
        Long createdBy,
        LocalizedText title,
        LocalizedText description,
        ContributionKind contribution,
        Sector sector,
        ConceptRef occupation,
        List<DemandSkill> skills,
        List<LanguageRequirement> languages,
        Integer minExperience,
        EducationLevel minEducation,
        LocalDate startDate,
        LocalDate endDate,
        Integer durationDays,
        PlaceMode placeMode,
        String city,
        String region,
        boolean travelCovered,
        boolean accommodationCovered,
        BigDecimal honorarium,
        String honorariumCurrency,
        int expertsWanted,
        DemandStatus status,
        OffsetDateTime publishedAt,
        OffsetDateTime closedAt,
        String closedBy,
        String closeReason,
        boolean synthetic,
        int version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public List<DemandSkill> essentialSkills() {
        return skills.stream().filter(DemandSkill::essential).toList();
    }

    public List<DemandSkill> optionalSkills() {
        return skills.stream().filter(s -> !s.essential()).toList();
    }

    public record DemandSkill(ConceptRef concept, boolean essential) {
    }

    /** A language the experts must ({@code required}) or preferably should speak, at least at {@code minLevel}. */
    public record LanguageRequirement(String code, CefrLevel minLevel, boolean required) {
    }
}
