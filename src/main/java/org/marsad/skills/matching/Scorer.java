package org.marsad.skills.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.marsad.skills.CefrLevel;
import org.marsad.skills.EducationLevel;
import org.marsad.skills.SkillLevel;
import org.marsad.skills.SpokenLanguage;
import org.marsad.skills.matching.CompiledDemand.SkillTarget;
import org.marsad.skills.matching.Explanation.Item;
import org.marsad.skills.matching.Explanation.Kind;
import org.marsad.skills.taxonomy.EscoTaxonomy;

/**
 * The score of one expert for one demand: the sum of each criterion's points, each rounded to hundredths so that the
 * parts shown add up to the total shown. Hard filters come first: consent to matching, the required languages, and
 * some availability in the demand's period; an expert with no point from skills or occupation is not a match.
 * The same function serves the ranking (without explanation) and the explanation, so they cannot disagree.
 */
final class Scorer {

    static final double FILTERED = -1;
    static final float UNSTATED_LEVEL = 0.85f;
    private static final float[] LEVEL_FACTORS = levelFactors();

    private Scorer() {
    }

    static double score(ExpertVector v, CompiledDemand q, boolean requireConsent) {
        return evaluate(v, q, requireConsent, null, null);
    }

    /** The explanation, or null when a hard filter excludes the expert. */
    static Explanation explain(ExpertVector v, CompiledDemand q, boolean requireConsent, EscoTaxonomy taxonomy) {
        List<Explanation.Part> parts = new ArrayList<>();
        double score = evaluate(v, q, requireConsent, parts, taxonomy);
        return score < 0 ? null : new Explanation(score, List.copyOf(parts));
    }

    private static double evaluate(ExpertVector v, CompiledDemand q, boolean requireConsent, List<Explanation.Part> parts,
            EscoTaxonomy taxonomy) {
        if (requireConsent && !v.matchingConsent) {
            return FILTERED;
        }
        for (int i = 0; i < q.languageIndex.length; i++) {
            if (q.languageRequired[i] && v.languageLevel(q.languageIndex[i]) < q.languageMin[i]) {
                return FILTERED;
            }
        }
        int overlap = 0;
        if (q.hasPeriod) {
            overlap = overlapDays(v, q.startDay, q.endDay);
            if (overlap == 0) {
                return FILTERED;
            }
        }
        double essential = skills(v, q, 0, q.essential.length, Criterion.ESSENTIAL_SKILLS, parts, taxonomy);
        double optional = skills(v, q, q.essential.length, q.optional.length, Criterion.OPTIONAL_SKILLS, parts, taxonomy);
        double occupation = occupation(v, q, parts, taxonomy);
        if (essential + optional + occupation <= 0) {
            return FILTERED;
        }
        double total = essential + optional + occupation + languages(v, q, parts) + experience(v, q, parts)
                + education(v, q, parts) + availability(q, overlap, parts) + contribution(v, q, parts);
        return round(total);
    }

    /** Points for the wanted skills {@code from} to {@code from + count}: each counts its best cover among the expert's. */
    private static double skills(ExpertVector v, CompiledDemand q, int from, int count, Criterion criterion,
            List<Explanation.Part> parts, EscoTaxonomy taxonomy) {
        if (count == 0) {
            notApplicable(criterion, parts);
            return 0;
        }
        List<Item> items = parts == null ? null : new ArrayList<>();
        int targets = q.targets();
        double sum = 0;
        for (int j = from; j < from + count; j++) {
            SkillTarget t = q.target(j);
            float best = 0;
            int bestVia = -1;
            int bestConcept = -1;
            float bestLevel = 1;
            byte bestLevelOrdinal = 0;
            for (int k = 0; k < v.skills.length; k++) {
                int row = q.coverRow[v.skills[k]];
                if (row >= 0) {
                    float weight = q.coverWeight[row * targets + j];
                    if (weight > 0) {
                        float level = levelFactor(v.skillLevels[k]);
                        float w = weight * level;
                        if (w > best) {
                            best = w;
                            bestVia = q.coverVia[row * targets + j];
                            bestConcept = v.skills[k];
                            bestLevel = level;
                            bestLevelOrdinal = v.skillLevels[k];
                        }
                    }
                }
            }
            if (v.occupation >= 0 && t.occupations.length > 0 && CompiledDemand.VIA_OCCUPATION > best
                    && Arrays.binarySearch(t.occupations, v.occupation) >= 0) {
                best = CompiledDemand.VIA_OCCUPATION;
                bestVia = CompiledDemand.Via.OCCUPATION.ordinal();
                bestConcept = v.occupation;
                bestLevel = 1;
            }
            sum += best;
            if (items != null) {
                String concept = taxonomy.get(t.concept).uri();
                if (best == 0) {
                    items.add(Item.of(Kind.MISSING, "skill.missing", concept, null));
                }
                else {
                    CompiledDemand.Via via = CompiledDemand.Via.values()[bestVia];
                    String viaUri = taxonomy.get(bestConcept).uri();
                    if (via == CompiledDemand.Via.DIRECT) {
                        items.add(Item.of(Kind.MATCHED, "skill.direct", concept, null));
                    }
                    else {
                        items.add(Item.of(Kind.PARTIAL, "skill." + via.name().toLowerCase(Locale.ROOT), concept, viaUri,
                                percent(best / bestLevel)));
                    }
                    if (bestLevel < 1 && via != CompiledDemand.Via.OCCUPATION) {
                        items.add(Item.of(Kind.LOWERED, bestLevelOrdinal < 0 ? "skill.levelUnstated" : "skill.level",
                                via == CompiledDemand.Via.DIRECT ? concept : viaUri, null, levelName(v, bestConcept)));
                    }
                }
            }
        }
        double points = round(criterion.maxPoints() * sum / count);
        if (parts != null) {
            parts.add(new Explanation.Part(criterion, points, criterion.maxPoints(), true, List.copyOf(items)));
        }
        return points;
    }

    private static double occupation(ExpertVector v, CompiledDemand q, List<Explanation.Part> parts, EscoTaxonomy taxonomy) {
        if (q.occupation < 0) {
            notApplicable(Criterion.OCCUPATION, parts);
            return 0;
        }
        double share;
        Item item = null;
        String wanted = parts == null ? null : taxonomy.get(q.occupation).uri();
        String own = parts == null || v.occupation < 0 ? null : taxonomy.get(v.occupation).uri();
        if (v.occupation == q.occupation) {
            share = 1;
            if (parts != null) {
                item = Item.of(Kind.MATCHED, "occupation.exact", wanted, null);
            }
        }
        else if (v.occupation >= 0 && v.iscoUnit >= 0 && v.iscoUnit == q.iscoUnit) {
            share = 0.6;
            if (parts != null) {
                item = Item.of(Kind.PARTIAL, "occupation.sameGroup", wanted, own, Integer.toString(q.iscoUnit));
            }
        }
        else if (v.occupation >= 0 && v.iscoUnit >= 0 && q.iscoUnit >= 0 && v.iscoUnit / 10 == q.iscoUnit / 10) {
            share = 0.3;
            if (parts != null) {
                item = Item.of(Kind.PARTIAL, "occupation.neighbourGroup", wanted, own, Integer.toString(q.iscoUnit / 10));
            }
        }
        else {
            share = 0;
            if (parts != null) {
                item = v.occupation < 0 ? Item.of(Kind.MISSING, "occupation.unstated", wanted, null)
                        : Item.of(Kind.MISSING, "occupation.other", wanted, own);
            }
        }
        double points = round(Criterion.OCCUPATION.maxPoints() * share);
        if (parts != null) {
            parts.add(new Explanation.Part(Criterion.OCCUPATION, points, Criterion.OCCUPATION.maxPoints(), true, List.of(item)));
        }
        return points;
    }

    private static double languages(ExpertVector v, CompiledDemand q, List<Explanation.Part> parts) {
        int n = q.languageIndex.length;
        if (n == 0) {
            notApplicable(Criterion.LANGUAGES, parts);
            return 0;
        }
        List<Item> items = parts == null ? null : new ArrayList<>();
        int met = 0;
        for (int i = 0; i < n; i++) {
            int level = v.languageLevel(q.languageIndex[i]);
            if (level >= q.languageMin[i]) {
                met++;
            }
            if (items != null) {
                String code = SpokenLanguage.CODES.get(q.languageIndex[i]);
                String min = CefrLevel.values()[q.languageMin[i]].name();
                if (level >= q.languageMin[i]) {
                    items.add(Item.of(Kind.MATCHED, "language.met", null, null, code, CefrLevel.values()[level].name(), min));
                }
                else if (level >= 0) {
                    items.add(Item.of(Kind.LOWERED, "language.below", null, null, code, CefrLevel.values()[level].name(), min));
                }
                else {
                    items.add(Item.of(Kind.MISSING, "language.missing", null, null, code, min));
                }
            }
        }
        double points = round(Criterion.LANGUAGES.maxPoints() * (double) met / n);
        if (parts != null) {
            parts.add(new Explanation.Part(Criterion.LANGUAGES, points, Criterion.LANGUAGES.maxPoints(), true, List.copyOf(items)));
        }
        return points;
    }

    private static double experience(ExpertVector v, CompiledDemand q, List<Explanation.Part> parts) {
        if (q.minExperience <= 0) {
            notApplicable(Criterion.EXPERIENCE, parts);
            return 0;
        }
        double share;
        Item item;
        String min = Integer.toString(q.minExperience);
        if (v.years < 0) {
            share = 0;
            item = Item.of(Kind.LOWERED, "experience.unstated", null, null, min);
        }
        else if (v.years >= q.minExperience) {
            share = 1;
            item = Item.of(Kind.MATCHED, "experience.enough", null, null, Integer.toString(v.years), min);
        }
        else {
            share = (double) v.years / q.minExperience;
            item = Item.of(Kind.LOWERED, "experience.short", null, null, Integer.toString(v.years), min);
        }
        double points = round(Criterion.EXPERIENCE.maxPoints() * share);
        if (parts != null) {
            parts.add(new Explanation.Part(Criterion.EXPERIENCE, points, Criterion.EXPERIENCE.maxPoints(), true, List.of(item)));
        }
        return points;
    }

    private static double education(ExpertVector v, CompiledDemand q, List<Explanation.Part> parts) {
        if (q.minEducation < 0) {
            notApplicable(Criterion.EDUCATION, parts);
            return 0;
        }
        double share;
        Item item;
        String min = EducationLevel.values()[q.minEducation].name();
        if (v.education < 0) {
            share = 0;
            item = Item.of(Kind.LOWERED, "education.unstated", null, null, min);
        }
        else if (v.education >= q.minEducation) {
            share = 1;
            item = Item.of(Kind.MATCHED, "education.enough", null, null, EducationLevel.values()[v.education].name(), min);
        }
        else {
            share = v.education == q.minEducation - 1 ? 0.5 : 0;
            item = Item.of(Kind.LOWERED, "education.below", null, null, EducationLevel.values()[v.education].name(), min);
        }
        double points = round(Criterion.EDUCATION.maxPoints() * share);
        if (parts != null) {
            parts.add(new Explanation.Part(Criterion.EDUCATION, points, Criterion.EDUCATION.maxPoints(), true, List.of(item)));
        }
        return points;
    }

    private static double availability(CompiledDemand q, int overlap, List<Explanation.Part> parts) {
        if (!q.hasPeriod) {
            notApplicable(Criterion.AVAILABILITY, parts);
            return 0;
        }
        double share = (double) overlap / (q.endDay - q.startDay + 1);
        double points = round(Criterion.AVAILABILITY.maxPoints() * share);
        if (parts != null) {
            Item item = share >= 1 ? Item.of(Kind.MATCHED, "availability.full", null, null)
                    : Item.of(Kind.LOWERED, "availability.partial", null, null, percent(share));
            parts.add(new Explanation.Part(Criterion.AVAILABILITY, points, Criterion.AVAILABILITY.maxPoints(), true, List.of(item)));
        }
        return points;
    }

    private static double contribution(ExpertVector v, CompiledDemand q, List<Explanation.Part> parts) {
        if (q.contributionBit == 0) {
            notApplicable(Criterion.CONTRIBUTION, parts);
            return 0;
        }
        double share;
        Item item;
        if (v.contributions == 0) {
            share = 0.5;
            item = Item.of(Kind.LOWERED, "contribution.unstated", null, null);
        }
        else if ((v.contributions & q.contributionBit) != 0) {
            share = 1;
            item = Item.of(Kind.MATCHED, "contribution.wanted", null, null);
        }
        else {
            share = 0;
            item = Item.of(Kind.LOWERED, "contribution.other", null, null);
        }
        double points = round(Criterion.CONTRIBUTION.maxPoints() * share);
        if (parts != null) {
            parts.add(new Explanation.Part(Criterion.CONTRIBUTION, points, Criterion.CONTRIBUTION.maxPoints(), true, List.of(item)));
        }
        return points;
    }

    /** Days of [start, end] covered by the expert's availability windows (sorted by start; they may overlap). */
    static int overlapDays(ExpertVector v, int start, int end) {
        int[] a = v.availability;
        int covered = 0;
        int cursor = start;
        for (int i = 0; i < a.length; i += 2) {
            int from = Math.max(a[i], cursor);
            int to = Math.min(a[i + 1], end);
            if (to >= from) {
                covered += to - from + 1;
                cursor = to + 1;
            }
        }
        return covered;
    }

    private static void notApplicable(Criterion criterion, List<Explanation.Part> parts) {
        if (parts != null) {
            parts.add(new Explanation.Part(criterion, 0, 0, false, List.of()));
        }
    }

    private static String levelName(ExpertVector v, int concept) {
        int at = Arrays.binarySearch(v.skills, concept);
        return at < 0 || v.skillLevels[at] < 0 ? "" : SkillLevel.values()[v.skillLevels[at]].name();
    }

    private static String percent(double share) {
        return Long.toString(Math.round(share * 100));
    }

    /** The share of a skill's points that a stated level keeps (a level byte of the vector; -1: not stated). */
    static float levelFactor(byte level) {
        return level < 0 || level >= LEVEL_FACTORS.length ? UNSTATED_LEVEL : LEVEL_FACTORS[level];
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static float[] levelFactors() {
        SkillLevel[] levels = SkillLevel.values();
        float[] factors = new float[levels.length];
        for (int i = 0; i < levels.length; i++) {
            factors[i] = (float) levels[i].factor();
        }
        return factors;
    }
}
