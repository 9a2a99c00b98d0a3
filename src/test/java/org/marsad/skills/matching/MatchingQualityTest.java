package org.marsad.skills.matching;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ranking quality on the labelled evaluation set (NDCG@10 and precision@5, averaged over its demands), printed with
 * each demand's ranking so that a change of weights can be judged. The figures are in docs/benchmarks.md.
 */
class MatchingQualityTest {

    @Test
    void theRankingOfTheLabelledSetReachesTheAimedQuality() throws Exception {
        EvaluationSet set = new EvaluationSet(SharedTaxonomy.get());
        List<EvaluationSet.Result> results = set.evaluate();
        for (EvaluationSet.Result r : results) {
            EvaluationSet.DemandEntry d = set.demands.stream().filter(x -> x.id().equals(r.demand())).findFirst().orElseThrow();
            System.out.printf(Locale.ROOT, "%-4s NDCG@10=%.3f P@5=%.2f  ranking=%s  judged=%s%n", r.demand(), r.ndcg10(),
                    r.precision5(), r.ranking(), d.relevant());
        }
        Map<String, Double> means = EvaluationSet.means(results);
        System.out.printf(Locale.ROOT, "MEAN NDCG@10=%.3f  P@5=%.3f  over %d demands and %d experts%n", means.get("ndcg10"),
                means.get("precision5"), results.size(), set.profiles.size());
        assertThat(means.get("ndcg10")).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void theMeasuresAreComputedAsDefined() {
        Map<String, Integer> grades = Map.of("a", 2, "b", 1);
        assertThat(EvaluationSet.ndcg(List.of("a", "b", "c"), grades, 10)).isEqualTo(1.0);
        assertThat(EvaluationSet.ndcg(List.of("c", "d"), grades, 10)).isZero();
        assertThat(EvaluationSet.ndcg(List.of("b", "a"), grades, 10)).isBetween(0.7, 0.8);
        assertThat(EvaluationSet.precision(List.of("a", "c", "b", "d", "e"), grades, 5)).isEqualTo(0.4);
    }
}
