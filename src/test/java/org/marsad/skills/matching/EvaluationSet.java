package org.marsad.skills.matching;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.marsad.platform.Language;
import org.marsad.skills.CefrLevel;
import org.marsad.skills.ContributionKind;
import org.marsad.skills.EducationLevel;
import org.marsad.skills.SkillLevel;
import org.marsad.skills.experts.MatchingProfile;
import org.marsad.skills.taxonomy.Concept;
import org.marsad.skills.taxonomy.ConceptType;
import org.marsad.skills.taxonomy.EscoTaxonomy;
import org.marsad.skills.taxonomy.Folding;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The labelled evaluation set of {@code skills/matching-evaluation.yaml}, with its labels resolved to ESCO concepts
 * exactly (a label that names no concept in its language is an error), and the ranking measures computed on it.
 */
final class EvaluationSet {

    record Ref(String fr, String en) {
    }

    record ExpertEntry(String id, Ref occupation, List<Ref> skills) {
    }

    record DemandEntry(String id, String language, List<Ref> essential, List<Ref> optional, Ref occupation,
            Map<String, Integer> relevant) {
    }

    record File(List<ExpertEntry> experts, List<DemandEntry> demands) {
    }

    /** One demand's result: the ranking (expert ids, best first) and the measures. */
    record Result(String demand, List<String> ranking, double ndcg10, double precision5) {
    }

    final List<String> expertIds = new ArrayList<>();
    final List<MatchingProfile> profiles = new ArrayList<>();
    final List<DemandEntry> demands;
    private final EscoTaxonomy taxonomy;

    EvaluationSet(EscoTaxonomy taxonomy) throws IOException {
        this.taxonomy = taxonomy;
        File file;
        try (InputStream in = EvaluationSet.class.getResourceAsStream("/skills/matching-evaluation.yaml")) {
            file = YAMLMapper.builder().build().readValue(in, File.class);
        }
        for (ExpertEntry e : file.experts()) {
            long id = expertIds.size() + 1;
            expertIds.add(e.id());
            List<MatchingProfile.Skill> skills = e.skills().stream()
                    .map(s -> new MatchingProfile.Skill(resolve(s, EscoTaxonomy.Kind.SKILL).uri(), SkillLevel.EXPERT)).toList();
            profiles.add(new MatchingProfile(id, "FR", resolve(e.occupation(), EscoTaxonomy.Kind.OCCUPATION).uri(), 10,
                    EducationLevel.DOCTORATE, Set.of(), EnumSet.of(ContributionKind.EXPERTISE_MISSION),
                    List.of(new MatchingProfile.Language("ar", CefrLevel.NATIVE), new MatchingProfile.Language("fr", CefrLevel.C1),
                            new MatchingProfile.Language("en", CefrLevel.B2)),
                    skills, List.of(), true, true, false));
        }
        demands = file.demands();
    }

    MatchRequest request(DemandEntry d, long id) {
        return new MatchRequest(id, d.essential().stream().map(r -> resolve(r, EscoTaxonomy.Kind.SKILL).uri()).toList(),
                d.optional().stream().map(r -> resolve(r, EscoTaxonomy.Kind.SKILL).uri()).toList(),
                d.occupation() == null ? null : resolve(d.occupation(), EscoTaxonomy.Kind.OCCUPATION).uri(),
                List.of(new MatchRequest.Language("fr", CefrLevel.B2, true)), null, null, null, null,
                ContributionKind.EXPERTISE_MISSION);
    }

    /** The concept one of whose labels in the given language is exactly this (case and accents aside). */
    Concept resolve(Ref ref, EscoTaxonomy.Kind kind) {
        Language language = ref.fr() != null ? Language.FR : Language.EN;
        String label = ref.fr() != null ? ref.fr() : ref.en();
        String folded = Folding.fold(label);
        return taxonomy.search(label, language, kind, 50).stream()
                .filter(h -> h.matchedLanguage() == language && Folding.fold(h.matchedLabel()).equals(folded))
                .map(EscoTaxonomy.Hit::concept)
                .sorted((a, b) -> Boolean.compare(a.type() == ConceptType.SKILL_GROUP, b.type() == ConceptType.SKILL_GROUP))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ESCO " + kind + " labelled \"" + label + "\" in " + language));
    }

    /** Ranks every expert of the set for every demand through the index, and measures each ranking. */
    List<Result> evaluate() {
        ExpertIndex index = new ExpertIndex(taxonomy.size());
        index.bulkLoad(profiles.stream().map(p -> ExpertVector.of(p, taxonomy)).toList());
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < demands.size(); i++) {
            DemandEntry d = demands.get(i);
            CompiledDemand q = CompiledDemand.of(request(d, i + 1), taxonomy);
            List<String> ranking = index.top(q, 10, true).stream().map(r -> expertIds.get(r.expertId() - 1)).toList();
            results.add(new Result(d.id(), ranking, ndcg(ranking, d.relevant(), 10), precision(ranking, d.relevant(), 5)));
        }
        return results;
    }

    /** Normalised discounted cumulative gain with gains 2^grade − 1. */
    static double ndcg(List<String> ranking, Map<String, Integer> grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            dcg += (Math.pow(2, grades.getOrDefault(ranking.get(i), 0)) - 1) / log2(i + 2);
        }
        List<Integer> ideal = new ArrayList<>(grades.values());
        ideal.sort((a, b) -> b - a);
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double precision(List<String> ranking, Map<String, Integer> grades, int k) {
        long relevant = ranking.stream().limit(k).filter(id -> grades.getOrDefault(id, 0) > 0).count();
        return (double) relevant / k;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    static Map<String, Double> means(List<Result> results) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("ndcg10", results.stream().mapToDouble(Result::ndcg10).average().orElse(0));
        m.put("precision5", results.stream().mapToDouble(Result::precision5).average().orElse(0));
        return m;
    }
}
