package org.marsad.skills.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.marsad.platform.Language;
import org.marsad.platform.LocalizedText;
import org.marsad.skills.CefrLevel;
import org.marsad.skills.EducationLevel;
import org.marsad.skills.SkillLevel;
import org.marsad.skills.SpokenLanguage;
import org.marsad.skills.taxonomy.EscoTaxonomy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts an explanation into words in the reader's language. A concept label that ESCO does not give in that language
 * is shown in the language it has, followed by that language's code in brackets (e.g. "biotechnology [en]").
 */
@Component
public class ExplanationText {

    private final MessageSource messages;
    private final EscoTaxonomy taxonomy;

    ExplanationText(MessageSource messages, EscoTaxonomy taxonomy) {
        this.messages = messages;
        this.taxonomy = taxonomy;
    }

    public Rendered render(Explanation explanation, Locale locale) {
        List<RenderedPart> parts = new ArrayList<>();
        for (Explanation.Part part : explanation.parts()) {
            List<RenderedItem> items = part.items().stream().map(i -> new RenderedItem(i.kind(), item(i, locale))).toList();
            parts.add(new RenderedPart(part.criterion(), messages.getMessage("skills.criterion." + part.criterion(), null, locale),
                    part.points(), part.maxPoints(), part.applicable(), items));
        }
        return new Rendered(explanation.score(), parts);
    }

    String item(Explanation.Item item, Locale locale) {
        List<Object> args = new ArrayList<>();
        args.add(item.concept() == null ? "" : label(item.concept(), locale));
        args.add(item.via() == null ? "" : label(item.via(), locale));
        for (String value : item.values()) {
            args.add(value(value, locale));
        }
        return messages.getMessage("skills.match.item." + item.key(), args.toArray(), locale);
    }

    /** A concept's label in the reader's language, or in the language ESCO has, marked. */
    public String label(String uri, Locale locale) {
        return taxonomy.find(uri).map(c -> {
            LocalizedText.Resolved r = c.label().resolve(Language.of(locale));
            return r.fallback() ? r.text() + " [" + r.language().code() + "]" : r.text();
        }).orElse(uri);
    }

    private String value(String value, Locale locale) {
        if (SpokenLanguage.isValid(value)) {
            String name = SpokenLanguage.jdkName(value, locale);
            return name != null ? name : messages.getMessage("skills.language." + value, null, locale);
        }
        if (CefrLevel.parse(value).isPresent() && value.equals(CefrLevel.NATIVE.name())) {
            return messages.getMessage("skills.cefr.NATIVE", null, locale);
        }
        for (EducationLevel e : EducationLevel.values()) {
            if (e.name().equals(value)) {
                return messages.getMessage("skills.education." + value, null, locale);
            }
        }
        for (SkillLevel s : SkillLevel.values()) {
            if (s.name().equals(value)) {
                return messages.getMessage("skills.skillLevel." + value, null, locale);
            }
        }
        return value;
    }

    /** An explanation in words: the score, and per criterion its points out of how many and what it found. */
    public record Rendered(double score, List<RenderedPart> parts) {

        public List<RenderedItem> items(Explanation.Kind kind) {
            return parts.stream().flatMap(p -> p.items().stream()).filter(i -> i.kind() == kind).toList();
        }
    }

    public record RenderedPart(Criterion criterion, String label, double points, double maxPoints, boolean applicable,
            List<RenderedItem> items) {
    }

    public record RenderedItem(Explanation.Kind kind, String text) {
    }
}
