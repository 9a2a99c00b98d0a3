package org.marsad.skills.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.marsad.platform.Language;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.NotFoundException;
import org.marsad.platform.Validation;
import org.marsad.skills.ConceptRef;
import org.marsad.skills.taxonomy.Concept;
import org.marsad.skills.taxonomy.ConceptType;
import org.marsad.skills.taxonomy.EscoTaxonomy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/skills/taxonomy")
@Tag(name = "Skills: ESCO taxonomy", description = "ESCO v1.1.1 (derived extract). This service uses the ESCO classification of the European Commission.")
class TaxonomyRestController {

    static final int MAX_QUERY = 100;

    private final EscoTaxonomy taxonomy;

    TaxonomyRestController(EscoTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** A search result: the concept, the label that matched, and whether ESCO has a French label for it. */
    record Hit(String uri, ConceptType type, String code, LocalizedText label, String matchedLabel, String matchedLanguage,
            boolean frenchLabelMissing) {
    }

    /** A concept with its relations, each list capped at 100 entries. */
    record Detail(String uri, ConceptType type, String code, LocalizedText label, List<String> alternativeLabelsEn,
            List<String> alternativeLabelsFr, List<ConceptRef> broader, List<ConceptRef> narrower,
            List<ConceptRef> essentialSkills, List<ConceptRef> optionalSkills, List<ConceptRef> related, String attribution) {
    }

    @GetMapping("/search")
    @Operation(summary = "Autocomplete over ESCO labels: prefix and typing errors tolerated, accents ignored, French and English, alternative labels included")
    List<Hit> search(@RequestParam(required = false) String q,
            @Parameter(description = "fr, ar or en: the labels of that language rank first") @RequestParam(required = false) String lang,
            @Parameter(description = "skill or occupation (both when absent)") @RequestParam(required = false) String type,
            @RequestParam(required = false) Integer limit) {
        Validation v = Validation.start().required("q", q);
        if (q != null && q.strip().length() > MAX_QUERY) {
            v.reject("q", "validation.maxLength", MAX_QUERY);
        }
        Language language = null;
        if (lang != null && !lang.isBlank()) {
            language = Language.fromCode(lang).orElse(null);
            if (language == null) {
                v.reject("lang", "validation.language");
            }
        }
        EscoTaxonomy.Kind kind = kind(v, type);
        int n = limit == null ? 10 : limit;
        if (n < 1 || n > 50) {
            v.reject("limit", "validation.between", 1, 50);
        }
        v.throwIfInvalid();
        return taxonomy.search(q, language, kind, n).stream()
                .map(h -> new Hit(h.concept().uri(), h.concept().type(), h.concept().code(), h.concept().label(),
                        h.matchedLabel(), h.matchedLanguage().code(), !h.concept().hasFrench()))
                .toList();
    }

    @GetMapping("/concepts")
    @Operation(summary = "One ESCO concept by URI, with its broader and narrower concepts and, for an occupation, its essential and optional skills")
    Detail concept(@RequestParam String uri) {
        Concept c = taxonomy.find(uri).orElseThrow(() -> new NotFoundException("concept", uri));
        return new Detail(c.uri(), c.type(), c.code(), c.label(), c.altEn(), c.altFr(), refs(taxonomy.broader(c.index())),
                refs(taxonomy.narrower(c.index())), refs(c.type() == ConceptType.OCCUPATION ? taxonomy.essentialSkills(c.index()) : new int[0]),
                refs(c.type() == ConceptType.OCCUPATION ? taxonomy.optionalSkills(c.index()) : new int[0]),
                refs(taxonomy.related(c.index())), "This service uses the ESCO classification of the European Commission.");
    }

    private List<ConceptRef> refs(int[] indexes) {
        return taxonomy.concepts(Arrays.copyOf(indexes, Math.min(indexes.length, 100))).stream().map(ConceptRef::of).toList();
    }

    static EscoTaxonomy.Kind kind(Validation v, String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return EscoTaxonomy.Kind.valueOf(type.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            v.reject("type", "skills.validation.unknownValue", type);
            return null;
        }
    }
}
