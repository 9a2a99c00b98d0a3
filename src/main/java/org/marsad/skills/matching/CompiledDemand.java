package org.marsad.skills.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.marsad.skills.SpokenLanguage;
import org.marsad.skills.taxonomy.ConceptType;
import org.marsad.skills.taxonomy.EscoTaxonomy;

/**
 * A demand prepared for matching: each wanted skill expanded once into the ESCO concepts that cover it, with the
 * share of its points each gives (the skill itself all, a more specific one most, a broader, related or neighbouring
 * one less, the essential skills of an expert's occupation half).
 */
final class CompiledDemand {

    static final float DIRECT = 1f;
    static final float NARROWER = 0.8f;
    static final float NARROWER_DEEP = 0.7f;
    static final float BROADER = 0.5f;
    static final float RELATED = 0.5f;
    static final float VIA_OCCUPATION = 0.5f;
    static final float SIBLING = 0.35f;
    /** A skill essential to more occupations than this is too common to say anything through occupations. */
    static final int MAX_OCCUPATIONS_PER_SKILL = 60;
    static final int MAX_EXPANSION = 600;

    enum Via {
        DIRECT, NARROWER, BROADER, RELATED, SIBLING, OCCUPATION
    }

    final long demandId;
    final SkillTarget[] essential;
    final SkillTarget[] optional;
    final int occupation;
    final int iscoUnit;
    final int[] languageIndex;
    final int[] languageMin;
    final boolean[] languageRequired;
    final int minExperience;
    final int minEducation;
    final boolean hasPeriod;
    final int startDay;
    final int endDay;
    final int contributionBit;
    /** The most the criteria that the inverted index does not accumulate can add. */
    final double restMax;
    /**
     * Every concept that covers some wanted skill, mapped to a row of {@link #coverWeight}: the share of points it
     * gives for each wanted skill (essential ones first, then optional), 0 when it does not cover it. Scoring an
     * expert then costs one array read per skill of theirs and wanted skill, instead of searches.
     */
    final int[] coverRow;
    final float[] coverWeight;
    final byte[] coverVia;
    /** Points of each wanted skill (essential ones first): 40 or 15 shared among them. */
    final float[] points;
    /**
     * For each occupation (by concept index), the wanted skills it makes an expert cover "through their occupation"
     * (bit j for wanted skill j), and what that gives for each wanted skill; their sum is the most an expert can get
     * from skills through their occupation alone.
     */
    final int[] viaOccupationMask;
    final float[] viaOccupationPoints;
    final float viaOccupationTotal;

    private CompiledDemand(MatchRequest r, EscoTaxonomy taxonomy) {
        demandId = r.demandId();
        essential = targets(r.essentialSkills(), taxonomy);
        optional = targets(r.optionalSkills(), taxonomy);
        occupation = r.occupationUri() == null ? -1 : taxonomy.indexOf(r.occupationUri());
        iscoUnit = occupation < 0 ? -1 : ExpertVector.iscoOf(taxonomy.get(occupation).iscoCode());
        List<MatchRequest.Language> languages = r.languages().stream()
                .filter(l -> SpokenLanguage.CODES.contains(l.code())).toList();
        languageIndex = languages.stream().mapToInt(l -> SpokenLanguage.CODES.indexOf(l.code())).toArray();
        languageMin = languages.stream().mapToInt(l -> l.minLevel().ordinal()).toArray();
        languageRequired = new boolean[languages.size()];
        for (int i = 0; i < languages.size(); i++) {
            languageRequired[i] = languages.get(i).required();
        }
        minExperience = r.minExperience() == null ? 0 : r.minExperience();
        minEducation = r.minEducation() == null ? -1 : r.minEducation().ordinal();
        hasPeriod = r.start() != null && r.end() != null;
        startDay = hasPeriod ? (int) r.start().toEpochDay() : 0;
        endDay = hasPeriod ? (int) r.end().toEpochDay() : 0;
        contributionBit = r.contribution() == null ? 0 : 1 << r.contribution().ordinal();
        int targets = essential.length + optional.length;
        coverRow = new int[taxonomy.size()];
        Arrays.fill(coverRow, -1);
        int rows = 0;
        for (int j = 0; j < targets; j++) {
            for (int key : target(j).keys) {
                if (coverRow[key] < 0) {
                    coverRow[key] = rows++;
                }
            }
        }
        coverWeight = new float[rows * Math.max(targets, 1)];
        coverVia = new byte[rows * Math.max(targets, 1)];
        for (int j = 0; j < targets; j++) {
            SkillTarget t = target(j);
            for (int i = 0; i < t.keys.length; i++) {
                coverWeight[coverRow[t.keys[i]] * targets + j] = t.weights[i];
                coverVia[coverRow[t.keys[i]] * targets + j] = t.via[i];
            }
        }
        points = new float[targets];
        viaOccupationPoints = new float[targets];
        viaOccupationMask = new int[taxonomy.size()];
        float viaTotal = 0;
        for (int j = 0; j < targets; j++) {
            SkillTarget t = target(j);
            points[j] = j < essential.length ? (float) Criterion.ESSENTIAL_SKILLS.maxPoints() / essential.length
                    : (float) Criterion.OPTIONAL_SKILLS.maxPoints() / optional.length;
            if (t.occupations.length > 0) {
                viaOccupationPoints[j] = points[j] * VIA_OCCUPATION;
                viaTotal += viaOccupationPoints[j];
                for (int o : t.occupations) {
                    viaOccupationMask[o] |= 1 << j;
                }
            }
        }
        viaOccupationTotal = viaTotal;
        restMax = (languageIndex.length > 0 ? Criterion.LANGUAGES.maxPoints() : 0)
                + (minExperience > 0 ? Criterion.EXPERIENCE.maxPoints() : 0)
                + (minEducation >= 0 ? Criterion.EDUCATION.maxPoints() : 0)
                + (hasPeriod ? Criterion.AVAILABILITY.maxPoints() : 0)
                + (contributionBit != 0 ? Criterion.CONTRIBUTION.maxPoints() : 0);
    }

    /** The wanted skill {@code j}: essential ones first, then optional. */
    SkillTarget target(int j) {
        return j < essential.length ? essential[j] : optional[j - essential.length];
    }

    int targets() {
        return essential.length + optional.length;
    }

    static CompiledDemand of(MatchRequest request, EscoTaxonomy taxonomy) {
        return new CompiledDemand(request, taxonomy);
    }

    private static SkillTarget[] targets(List<String> uris, EscoTaxonomy taxonomy) {
        return uris.stream().mapToInt(taxonomy::indexOf).filter(i -> i >= 0).distinct()
                .mapToObj(i -> SkillTarget.of(i, taxonomy)).toArray(SkillTarget[]::new);
    }

    /** One wanted skill and what covers it. {@code keys} are sorted for lookup; {@code byWeight} orders them best first. */
    static final class SkillTarget {
        final int concept;
        final int[] keys;
        final float[] weights;
        final byte[] via;
        final int[] byWeight;
        final int[] occupations;

        private SkillTarget(int concept, int[] keys, float[] weights, byte[] via, int[] byWeight, int[] occupations) {
            this.concept = concept;
            this.keys = keys;
            this.weights = weights;
            this.via = via;
            this.byWeight = byWeight;
            this.occupations = occupations;
        }

        static SkillTarget of(int skill, EscoTaxonomy t) {
            Map<Integer, float[]> found = new LinkedHashMap<>();
            put(found, skill, DIRECT, Via.DIRECT);
            boolean group = t.get(skill).type() == ConceptType.SKILL_GROUP;
            List<Integer> level = new ArrayList<>(List.of(skill));
            for (int depth = 1; depth <= (group ? 4 : 2) && !level.isEmpty(); depth++) {
                List<Integer> next = new ArrayList<>();
                for (int c : level) {
                    for (int n : t.narrower(c)) {
                        if (found.size() < MAX_EXPANSION && put(found, n, depth == 1 ? NARROWER : NARROWER_DEEP, Via.NARROWER)) {
                            next.add(n);
                        }
                    }
                }
                level = next;
            }
            for (int b : t.broader(skill)) {
                put(found, b, BROADER, Via.BROADER);
                if (t.get(b).type() != ConceptType.SKILL_GROUP) {
                    for (int sibling : t.narrower(b)) {
                        if (found.size() < MAX_EXPANSION) {
                            put(found, sibling, SIBLING, Via.SIBLING);
                        }
                    }
                }
            }
            for (int r : t.related(skill)) {
                put(found, r, RELATED, Via.RELATED);
            }
            int[] keys = found.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            float[] weights = new float[keys.length];
            byte[] via = new byte[keys.length];
            for (int i = 0; i < keys.length; i++) {
                float[] wv = found.get(keys[i]);
                weights[i] = wv[0];
                via[i] = (byte) wv[1];
            }
            Integer[] order = new Integer[keys.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -weights[i]).thenComparingInt(i -> keys[i]));
            int[] occupations = t.occupationsRequiring(skill);
            occupations = occupations.length > MAX_OCCUPATIONS_PER_SKILL ? new int[0] : occupations.clone();
            Arrays.sort(occupations);
            return new SkillTarget(skill, keys, weights, via, Arrays.stream(order).mapToInt(Integer::intValue).toArray(),
                    occupations);
        }

        /** Keeps the best way to reach a concept; says whether the concept is new. */
        private static boolean put(Map<Integer, float[]> found, int concept, float weight, Via via) {
            float[] existing = found.get(concept);
            if (existing == null) {
                found.put(concept, new float[] {weight, via.ordinal()});
                return true;
            }
            if (weight > existing[0]) {
                existing[0] = weight;
                existing[1] = via.ordinal();
            }
            return false;
        }
    }
}
