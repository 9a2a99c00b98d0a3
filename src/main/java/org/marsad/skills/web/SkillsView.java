package org.marsad.skills.web;

import java.util.List;
import java.util.Locale;

import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.Role;
import org.marsad.skills.CefrLevel;
import org.marsad.skills.ConsentPurpose;
import org.marsad.skills.ContributionKind;
import org.marsad.skills.EducationLevel;
import org.marsad.skills.Region;
import org.marsad.skills.Sector;
import org.marsad.skills.SkillLevel;
import org.marsad.skills.SpokenLanguage;
import org.marsad.skills.VisibleField;
import org.marsad.skills.experts.ExpertsApi;
import org.marsad.skills.matching.Explanation;
import org.marsad.skills.matching.ExplanationText;
import org.marsad.skills.missions.MissionAction;
import org.marsad.skills.missions.MissionState;
import org.marsad.skills.notifications.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the skills pages need beyond their model: vocabularies, language names, explanations in words. Bean {@code @skillsView}. */
@Component("skillsView")
public class SkillsView {

    private final MessageSource messages;
    private final ExplanationText explanations;
    private final ExpertsApi experts;
    private final Notifications notifications;

    SkillsView(MessageSource messages, ExplanationText explanations, ExpertsApi experts, Notifications notifications) {
        this.messages = messages;
        this.explanations = explanations;
        this.experts = experts;
        this.notifications = notifications;
    }

    public List<String> languages() {
        return SpokenLanguage.CODES;
    }

    public String languageName(String code) {
        Locale locale = LocaleContextHolder.getLocale();
        String name = SpokenLanguage.jdkName(code, locale);
        return name != null ? name : messages.getMessage("skills.language." + code, null, code, locale);
    }

    public CefrLevel[] cefrLevels() {
        return CefrLevel.values();
    }

    public EducationLevel[] educationLevels() {
        return EducationLevel.values();
    }

    public SkillLevel[] skillLevels() {
        return SkillLevel.values();
    }

    public Sector[] sectors() {
        return Sector.values();
    }

    public ContributionKind[] contributions() {
        return ContributionKind.values();
    }

    public VisibleField[] visibleFields() {
        return VisibleField.values();
    }

    public ConsentPurpose[] consentPurposes() {
        return ConsentPurpose.values();
    }

    public List<String> regions() {
        return Region.CODES;
    }

    public MissionState[] missionStates() {
        return MissionState.values();
    }

    public MissionAction[] missionActions() {
        return MissionAction.values();
    }

    public ExplanationText.Rendered explain(Explanation explanation) {
        return explanations.render(explanation, LocaleContextHolder.getLocale());
    }

    public String conceptLabel(String uri) {
        return explanations.label(uri, LocaleContextHolder.getLocale());
    }

    /** Whether the signed-in user is an expert (who has, or may create, a profile). */
    public boolean expert() {
        return CurrentUser.has(Role.EXPERT);
    }

    public boolean hasProfile() {
        return experts.myId().isPresent();
    }

    public long unread() {
        return notifications.unread();
    }

    /** A score with two decimals in the reader's conventions. */
    public String points(double value) {
        return String.format(LocaleContextHolder.getLocale(), "%.2f", value);
    }
}
