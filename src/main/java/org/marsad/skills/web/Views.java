package org.marsad.skills.web;

import java.util.List;
import java.util.Locale;

import org.marsad.platform.LocalizedText;
import org.marsad.skills.ConceptRef;
import org.marsad.skills.matching.ExplanationText;
import org.marsad.skills.matching.MatchingApi;
import org.springframework.stereotype.Component;

/** The JSON shapes of matches: score and explanation in the reader's language, per criterion. */
@Component
class Views {

    private final ExplanationText explanations;

    Views(ExplanationText explanations) {
        this.explanations = explanations;
    }

    /** An expert matched to a demand, as the API shows them. */
    record MatchView(int rank, long expertId, double score, String displayName, String country, ConceptRef occupation,
            Integer yearsExperience, boolean synthetic, List<ExplanationText.RenderedPart> explanation) {
    }

    record DemandFitView(int rank, long demandId, LocalizedText title, String organisation, double score,
            List<ExplanationText.RenderedPart> explanation) {
    }

    MatchView match(MatchingApi.Match m, Locale locale) {
        return new MatchView(m.rank(), m.expertId(), m.score(), m.expert().displayName(), m.expert().country(),
                m.expert().occupation(), m.expert().yearsExperience(), m.expert().synthetic(),
                explanations.render(m.explanation(), locale).parts());
    }

    DemandFitView fit(MatchingApi.DemandFit f, Locale locale) {
        return new DemandFitView(f.rank(), f.demand().id(), f.demand().title(), f.demand().organisationCode(), f.score(),
                explanations.render(f.explanation(), locale).parts());
    }
}
