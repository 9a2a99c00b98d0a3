package org.marsad.skills.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.marsad.skills.matching.CompiledDemand.SkillTarget;

/**
 * The in-memory matching index: every expert's vector, and inverted lists from each ESCO skill, occupation and ISCO
 * group to the experts who have it. A query only visits experts reached through the demand's skills (and the
 * concepts related to them) and occupation, computes an upper bound of their score (skills and occupation from the
 * postings, the other criteria and hard filters from packed per-expert arrays), then scores them exactly, best bound
 * first, and stops when no remaining bound can beat the k-th score: the result is the same as scoring everyone
 * ({@link #bruteForce}), which tests check. Updates replace one expert's vector under a write lock; queries share a
 * read lock.
 */
final class ExpertIndex {

    /** Rounding of each part to hundredths may add up to this much above the accumulated bound. */
    private static final double ROUNDING = 0.02;

    private final int concepts;
    private ExpertVector[] byId = new ExpertVector[1024];
    private int size;
    private final Posting[] bySkill;
    private final Posting[] byOccupation;
    private final Map<Integer, Posting> byIscoUnit = new HashMap<>();
    private final Map<Integer, Posting> byIscoMinor = new HashMap<>();
    // What the cheap bound needs of each expert, by id, in primitive arrays: reading them costs little next to
    // following the vector's references, which is what makes exact scoring expensive in a large index.
    // Packed: bit 0 consent to matching, bits 1-7 years + 1, bits 8-10 education + 1, bits 11-16 kinds of contribution,
    // bits 17-61 the level + 1 of each of the 15 languages (3 bits each); 0 means "not stated".
    private long[] meta = new long[1024];
    private long[] months = new long[1024];
    private int[] occupationOf = new int[1024];
    private int[] iscoOf = new int[1024];
    private final int baseMonth = monthOf(LocalDate.now().toEpochDay()) - 1;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    record Result(int expertId, double score) {
    }

    /** Worst first: the lower score, then the higher id (ties go to the lower id, so the ranking is stable). */
    static final Comparator<Result> WORST_FIRST = Comparator.comparingDouble(Result::score)
            .thenComparing(Comparator.comparingInt(Result::expertId).reversed());

    ExpertIndex(int concepts) {
        this.concepts = concepts;
        bySkill = new Posting[concepts];
        byOccupation = new Posting[concepts];
    }

    int size() {
        lock.readLock().lock();
        try {
            return size;
        }
        finally {
            lock.readLock().unlock();
        }
    }

    ExpertVector get(int id) {
        lock.readLock().lock();
        try {
            return id < byId.length ? byId[id] : null;
        }
        finally {
            lock.readLock().unlock();
        }
    }

    /** Loads many vectors into an empty index (start-up): postings are appended then sorted once. */
    void bulkLoad(Collection<ExpertVector> vectors) {
        lock.writeLock().lock();
        try {
            if (size > 0) {
                throw new IllegalStateException("bulk loading needs an empty index");
            }
            for (ExpertVector v : vectors) {
                if (slot(v.id) != null) {
                    throw new IllegalStateException("expert " + v.id + " loaded twice");
                }
                byId[v.id] = v;
                size++;
                link(v, true);
            }
            for (Posting p : bySkill) {
                if (p != null) {
                    p.seal();
                }
            }
            for (Posting p : byOccupation) {
                if (p != null) {
                    p.seal();
                }
            }
            byIscoUnit.values().forEach(Posting::seal);
            byIscoMinor.values().forEach(Posting::seal);
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    void put(ExpertVector v) {
        lock.writeLock().lock();
        try {
            ExpertVector old = slot(v.id);
            if (old != null) {
                unlink(old);
            }
            else {
                size++;
            }
            byId[v.id] = v;
            link(v, false);
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    void remove(int id) {
        lock.writeLock().lock();
        try {
            ExpertVector old = id < byId.length ? byId[id] : null;
            if (old != null) {
                unlink(old);
                byId[id] = null;
                size--;
            }
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The best {@code k} experts for the demand, best first. A first pass reads the inverted lists of the concepts
     * that cover the wanted skills and of the wanted occupation, and computes for each expert reached what they can
     * score at most, almost exactly: points through their occupation and the occupation criterion come from the
     * occupation they hold, the cheap criteria from packed arrays. Experts it did not reach can only score through
     * their occupation, a neighbouring occupation group and the cheap criteria: when even that is below the k-th score
     * found, the answer is exact. Otherwise a second pass reads every inverted list, those of occupations too.
     */
    List<Result> top(CompiledDemand q, int k, boolean requireConsent) {
        lock.readLock().lock();
        Scratch s = scratch.get();
        try {
            PriorityQueue<Result> best = new PriorityQueue<>(k + 1, WORST_FIRST);
            if (q.targets() > MAX_FIRST_PASS_TARGETS) {
                gather(s, q, requireConsent);
                rankCandidates(s, q, k, requireConsent, best);
                return sorted(best);
            }
            gatherFirst(s, q, requireConsent);
            rankCandidates(s, q, k, requireConsent, best);
            double unreached = q.viaOccupationTotal + (q.occupation >= 0 ? 0.6 * Criterion.OCCUPATION.maxPoints() : 0)
                    + q.restMax + ROUNDING;
            if (best.size() == k && unreached < best.peek().score()) {
                return sorted(best);
            }
            s.reset();
            best.clear();
            gather(s, q, requireConsent);
            rankCandidates(s, q, k, requireConsent, best);
            return sorted(best);
        }
        finally {
            s.reset();
            lock.readLock().unlock();
        }
    }

    /** How many experts a query reaches through the inverted lists (for benchmarks: the index's selectivity). */
    int reached(CompiledDemand q) {
        lock.readLock().lock();
        Scratch s = scratch.get();
        try {
            gather(s, q, true);
            return s.touchedCount;
        }
        finally {
            s.reset();
            lock.readLock().unlock();
        }
    }

    /**
     * The first pass. For each wanted skill, the concepts that cover it, best share first; then, for the experts this
     * skill reached, what their occupation gives if more. Then the wanted occupation's list. Last, for every expert
     * reached: the wanted skills their occupation covers that no concept of theirs did, and the occupation criterion.
     */
    private void gatherFirst(Scratch s, CompiledDemand q, boolean requireConsent) {
        prepare(s, q, requireConsent);
        int targets = q.targets();
        for (int j = 0; j < targets; j++) {
            SkillTarget t = q.target(j);
            int stamp = s.nextStamp();
            int bit = 1 << j;
            int inPass = 0;
            for (int at : t.byWeight) {
                Posting posting = bySkill[t.keys[at]];
                if (posting == null) {
                    continue;
                }
                double points = q.points[j] * (double) t.weights[at];
                for (int i = 0, n = posting.size(); i < n; i++) {
                    int id = posting.get(i);
                    float p = (float) (points * Scorer.levelFactor(posting.level(i)));
                    if (s.stamp[id] != stamp) {
                        s.stamp[id] = stamp;
                        touch(s, id);
                        s.mask[id] |= bit;
                        s.bound[id] += p;
                        s.last[id] = p;
                        s.pass[inPass++] = id;
                    }
                    else if (p > s.last[id]) {
                        s.bound[id] += p - s.last[id];
                        s.last[id] = p;
                    }
                }
            }
            // Through their occupation, the experts reached may get more for this skill than their concepts give.
            float via = q.viaOccupationPoints[j];
            for (int i = 0; via > 0 && i < inPass; i++) {
                int id = s.pass[i];
                if (via > s.last[id]) {
                    int occupation = occupationOf[id];
                    if (occupation >= 0 && (q.viaOccupationMask[occupation] & bit) != 0) {
                        s.bound[id] += via - s.last[id];
                    }
                }
            }
        }
        if (q.occupation >= 0 && byOccupation[q.occupation] != null) {
            Posting posting = byOccupation[q.occupation];
            for (int i = 0, n = posting.size(); i < n; i++) {
                touch(s, posting.get(i));
            }
        }
        for (int i = 0; i < s.touchedCount; i++) {
            int id = s.touched[i];
            int occupation = occupationOf[id];
            if (occupation < 0) {
                continue;
            }
            int uncovered = q.viaOccupationMask[occupation] & ~s.mask[id];
            while (uncovered != 0) {
                int j = Integer.numberOfTrailingZeros(uncovered);
                s.bound[id] += q.viaOccupationPoints[j];
                uncovered &= uncovered - 1;
            }
            if (q.occupation >= 0) {
                s.bound[id] += occupation == q.occupation ? Criterion.OCCUPATION.maxPoints()
                        : iscoOf[id] >= 0 && iscoOf[id] == q.iscoUnit ? 0.6f * Criterion.OCCUPATION.maxPoints()
                        : iscoOf[id] >= 0 && q.iscoUnit >= 0 && iscoOf[id] / 10 == q.iscoUnit / 10
                                ? 0.3f * Criterion.OCCUPATION.maxPoints() : 0;
            }
        }
    }

    private void prepare(Scratch s, CompiledDemand q, boolean requireConsent) {
        s.ensure(byId.length);
        s.query = q;
        s.requireConsent = requireConsent;
        s.demandMonths = q.hasPeriod ? monthBits(q.startDay, q.endDay) : 0;
    }

    /**
     * The first time this query reaches an expert. The other criteria are not read here but only for the candidates
     * that come near the top ({@link #rankCandidates}): reading them for every expert reached was most of a query's time.
     */
    private void touch(Scratch s, int id) {
        if (s.bound[id] == 0 && s.mask[id] == 0) {
            s.touched[s.touchedCount++] = id;
            s.mask[id] = MASK_TOUCHED;
        }
    }

    /** Visits the inverted lists of the demand's skills and occupation, accumulating each expert's upper bound. */
    private void gather(Scratch s, CompiledDemand q, boolean requireConsent) {
        prepare(s, q, requireConsent);
        double perEssential = q.essential.length == 0 ? 0 : (double) Criterion.ESSENTIAL_SKILLS.maxPoints() / q.essential.length;
        double perOptional = q.optional.length == 0 ? 0 : (double) Criterion.OPTIONAL_SKILLS.maxPoints() / q.optional.length;
        for (SkillTarget t : q.essential) {
            accumulate(s, t, perEssential);
        }
        for (SkillTarget t : q.optional) {
            accumulate(s, t, perOptional);
        }
        if (q.occupation >= 0) {
            int stamp = s.nextStamp();
            double max = Criterion.OCCUPATION.maxPoints();
            visit(s, byOccupation[q.occupation], stamp, max, false);
            visit(s, byIscoUnit.get(q.iscoUnit), stamp, 0.6 * max, false);
            visit(s, byIscoMinor.get(q.iscoUnit / 10), stamp, 0.3 * max, false);
        }
    }

    private static final int BUCKETS = 4096;
    private static final byte NO_LEVEL = 127;
    /** What {@link #cheapRest} gives for an expert a hard filter excludes. */
    private static final float EXCLUDED = -1e6f;
    /** A mask bit that means "reached" (bit 30: the wanted skills that concepts covered are bits 0 to 29). */
    private static final int MASK_TOUCHED = 1 << 30;
    /** The first pass marks the wanted skills covered in bits 0 to 29 of an int: beyond that, only the full pass. */
    private static final int MAX_FIRST_PASS_TARGETS = 30;

    /**
     * Scores the experts reached, best bound of skills and occupation first, until no remaining one plus the most the
     * other criteria can give can beat the k-th score. For each candidate the other criteria are first bounded from the
     * packed arrays (and the hard filters applied): most candidates stop there, without exact scoring. Bounds are
     * bucketed so that only the best few thousand are sorted at a time, instead of every expert reached.
     */
    private void rankCandidates(Scratch s, CompiledDemand q, int k, boolean requireConsent, PriorityQueue<Result> best) {
        int n = s.touchedCount;
        float max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, s.bound[s.touched[i]]);
        }
        if (max <= 0) {
            return;
        }
        float scale = (BUCKETS - 1) / max;
        int[] histogram = new int[BUCKETS];
        for (int i = 0; i < n; i++) {
            float b = s.bound[s.touched[i]];
            if (b > 0) {
                histogram[(int) (b * scale)]++;
            }
        }
        int high = BUCKETS;
        int wanted = Math.max(16 * k, 1024);
        while (high > 0) {
            int low = high;
            int count = 0;
            while (low > 0 && count < wanted) {
                count += histogram[--low];
            }
            long[] order = new long[count];
            int m = 0;
            for (int i = 0; i < n; i++) {
                int id = s.touched[i];
                float b = s.bound[id];
                int bucket = (int) (b * scale);
                if (b > 0 && bucket >= low && bucket < high) {
                    // Ascending order of this key is: bound descending, then id ascending.
                    order[m++] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(b)) << 32) | id;
                }
            }
            Arrays.sort(order, 0, m);
            for (int i = 0; i < m; i++) {
                int id = (int) order[i];
                if (best.size() == k && s.bound[id] + q.restMax + ROUNDING < best.peek().score()) {
                    return;
                }
                float rest = cheapRest(id, s);
                if (rest == EXCLUDED || best.size() == k && s.bound[id] + rest + ROUNDING < best.peek().score()) {
                    continue;
                }
                double score = Scorer.score(byId[id], q, requireConsent);
                if (score >= 0) {
                    offer(best, new Result(id, score), k);
                }
            }
            high = low;
            wanted *= 4;
        }
    }

    /** The same ranking by scoring every expert: the baseline that {@link #top} must equal. */
    List<Result> bruteForce(CompiledDemand q, int k, boolean requireConsent) {
        lock.readLock().lock();
        try {
            PriorityQueue<Result> best = new PriorityQueue<>(k + 1, WORST_FIRST);
            for (ExpertVector v : byId) {
                if (v != null) {
                    double score = Scorer.score(v, q, requireConsent);
                    if (score >= 0) {
                        offer(best, new Result(v.id, score), k);
                    }
                }
            }
            return sorted(best);
        }
        finally {
            lock.readLock().unlock();
        }
    }

    /** An estimate of the memory the index holds (vectors and postings), in bytes. */
    long estimatedBytes() {
        lock.readLock().lock();
        try {
            long bytes = 16 + 8L * byId.length + 16 + 8L * concepts * 2;
            for (ExpertVector v : byId) {
                bytes += v == null ? 0 : v.bytes();
            }
            for (Posting p : bySkill) {
                bytes += p == null ? 0 : p.bytes();
            }
            for (Posting p : byOccupation) {
                bytes += p == null ? 0 : p.bytes();
            }
            for (Posting p : byIscoUnit.values()) {
                bytes += p.bytes() + 48;
            }
            for (Posting p : byIscoMinor.values()) {
                bytes += p.bytes() + 48;
            }
            return bytes;
        }
        finally {
            lock.readLock().unlock();
        }
    }

    private static void offer(PriorityQueue<Result> best, Result r, int k) {
        if (best.size() < k) {
            best.add(r);
        }
        else if (WORST_FIRST.compare(r, best.peek()) > 0) {
            best.poll();
            best.add(r);
        }
    }

    private static List<Result> sorted(PriorityQueue<Result> best) {
        List<Result> out = new ArrayList<>(best);
        out.sort(WORST_FIRST.reversed());
        return out;
    }

    /**
     * Adds to each expert reached the points this skill gives them: the best of the ways they are reached (concept and
     * stated level), as the scorer counts it. The concepts are visited best share first; a later, lesser way only
     * counts if the level makes it better.
     */
    private void accumulate(Scratch s, SkillTarget t, double points) {
        int stamp = s.nextStamp();
        boolean occupationsDone = t.occupations.length == 0;
        for (int at : t.byWeight) {
            float w = t.weights[at];
            if (!occupationsDone && w < CompiledDemand.VIA_OCCUPATION) {
                visitOccupations(s, t, stamp, points);
                occupationsDone = true;
            }
            visit(s, bySkill[t.keys[at]], stamp, points * w, true);
        }
        if (!occupationsDone) {
            visitOccupations(s, t, stamp, points);
        }
    }

    private void visitOccupations(Scratch s, SkillTarget t, int stamp, double points) {
        for (int occupation : t.occupations) {
            visit(s, byOccupation[occupation], stamp, points * CompiledDemand.VIA_OCCUPATION, false);
        }
    }

    private void visit(Scratch s, Posting posting, int stamp, double points, boolean leveled) {
        if (posting == null) {
            return;
        }
        for (int i = 0, n = posting.size(); i < n; i++) {
            int id = posting.get(i);
            float p = (float) (leveled ? points * Scorer.levelFactor(posting.level(i)) : points);
            if (s.stamp[id] != stamp) {
                s.stamp[id] = stamp;
                touch(s, id);
                s.bound[id] += p;
                s.last[id] = p;
            }
            else if (p > s.last[id]) {
                s.bound[id] += p - s.last[id];
                s.last[id] = p;
            }
        }
    }

    private ExpertVector slot(int id) {
        if (id >= byId.length) {
            int size = Math.max(id + 1, byId.length * 2);
            byId = Arrays.copyOf(byId, size);
            meta = Arrays.copyOf(meta, size);
            months = Arrays.copyOf(months, size);
            occupationOf = Arrays.copyOf(occupationOf, size);
            iscoOf = Arrays.copyOf(iscoOf, size);
        }
        return byId[id];
    }

    /** Copies what the cheap bound needs into the packed arrays. */
    private void summarise(ExpertVector v) {
        long packed = v.matchingConsent ? 1 : 0;
        packed |= (long) ((v.years + 1) & 0x7f) << 1;
        packed |= (long) ((v.education + 1) & 0x7) << 8;
        packed |= (long) (v.contributions & 0x3f) << 11;
        for (short l : v.languages) {
            packed |= ((long) ((l & 0xff) + 1)) << (17 + 3 * (l >>> 8));
        }
        meta[v.id] = packed;
        long bits = 0;
        for (int i = 0; i < v.availability.length; i += 2) {
            bits |= monthBits(v.availability[i], v.availability[i + 1]);
        }
        months[v.id] = bits;
        occupationOf[v.id] = v.occupation;
        iscoOf[v.id] = v.iscoUnit;
    }

    /** The months a period touches, as bits from the month before the index was made (later months share the last bit). */
    private long monthBits(int fromDay, int toDay) {
        int from = Math.clamp(monthOf(fromDay) - baseMonth, 0, 63);
        int to = Math.clamp(monthOf(toDay) - baseMonth, 0, 63);
        long bits = 0;
        for (int m = from; m <= to; m++) {
            bits |= 1L << m;
        }
        return bits;
    }

    private static int monthOf(long epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        return date.getYear() * 12 + date.getMonthValue() - 1;
    }

    /**
     * What an expert can get at most from the cheap criteria, computed exactly from the packed arrays (availability
     * at its maximum when some month overlaps the period); {@link #EXCLUDED} when a hard filter (consent, a required
     * language, no month of availability in the period) already excludes them.
     */
    private float cheapRest(int id, Scratch s) {
        CompiledDemand q = s.query;
        long m = meta[id];
        if (s.requireConsent && (m & 1) == 0) {
            return EXCLUDED;
        }
        double rest = 0;
        int n = q.languageIndex.length;
        if (n > 0) {
            int met = 0;
            for (int i = 0; i < n; i++) {
                int level = (int) ((m >>> (17 + 3 * q.languageIndex[i])) & 7) - 1;
                if (level >= q.languageMin[i]) {
                    met++;
                }
                else if (q.languageRequired[i]) {
                    return EXCLUDED;
                }
            }
            rest += Scorer.round(Criterion.LANGUAGES.maxPoints() * (double) met / n);
        }
        if (q.hasPeriod) {
            if ((months[id] & s.demandMonths) == 0) {
                return EXCLUDED;
            }
            rest += Criterion.AVAILABILITY.maxPoints();
        }
        int years = (int) ((m >>> 1) & 0x7f) - 1;
        if (q.minExperience > 0 && years >= 0) {
            rest += Scorer.round(Criterion.EXPERIENCE.maxPoints() * Math.min(1.0, (double) years / q.minExperience));
        }
        int education = (int) ((m >>> 8) & 0x7) - 1;
        if (q.minEducation >= 0 && education >= 0) {
            rest += education >= q.minEducation ? Criterion.EDUCATION.maxPoints()
                    : education == q.minEducation - 1 ? Scorer.round(Criterion.EDUCATION.maxPoints() * 0.5) : 0;
        }
        int contributions = (int) ((m >>> 11) & 0x3f);
        if (q.contributionBit != 0) {
            rest += contributions == 0 ? Scorer.round(Criterion.CONTRIBUTION.maxPoints() * 0.5)
                    : (contributions & q.contributionBit) != 0 ? Criterion.CONTRIBUTION.maxPoints() : 0;
        }
        return (float) rest;
    }

    private void link(ExpertVector v, boolean append) {
        summarise(v);
        for (int i = 0; i < v.skills.length; i++) {
            add(bySkill, v.skills[i], v.id, v.skillLevels[i], append);
        }
        if (v.occupation >= 0) {
            add(byOccupation, v.occupation, v.id, NO_LEVEL, append);
        }
        if (v.iscoUnit >= 0) {
            Posting unit = byIscoUnit.computeIfAbsent(v.iscoUnit, k -> new Posting());
            Posting minor = byIscoMinor.computeIfAbsent(v.iscoUnit / 10, k -> new Posting());
            if (append) {
                unit.append(v.id, NO_LEVEL);
                minor.append(v.id, NO_LEVEL);
            }
            else {
                unit.add(v.id, NO_LEVEL);
                minor.add(v.id, NO_LEVEL);
            }
        }
    }

    private void unlink(ExpertVector v) {
        for (int c : v.skills) {
            if (bySkill[c] != null) {
                bySkill[c].remove(v.id);
            }
        }
        if (v.occupation >= 0 && byOccupation[v.occupation] != null) {
            byOccupation[v.occupation].remove(v.id);
        }
        if (v.iscoUnit >= 0) {
            byIscoUnit.get(v.iscoUnit).remove(v.id);
            byIscoMinor.get(v.iscoUnit / 10).remove(v.id);
        }
    }

    private static void add(Posting[] postings, int key, int id, byte level, boolean append) {
        if (postings[key] == null) {
            postings[key] = new Posting();
        }
        if (append) {
            postings[key].append(id, level);
        }
        else {
            postings[key].add(id, level);
        }
    }

    /** Per-thread work arrays, as large as the id space, reset after each query for the experts touched. */
    private static final class Scratch {
        float[] bound = new float[0];
        float[] last = new float[0];
        int[] mask = new int[0];
        int[] pass = new int[0];
        int[] stamp = new int[0];
        int[] touched = new int[0];
        int touchedCount;
        int nextStamp;
        CompiledDemand query;
        boolean requireConsent;
        long demandMonths;

        void ensure(int n) {
            if (bound.length < n) {
                bound = new float[n];
                last = new float[n];
                mask = new int[n];
                pass = new int[n];
                stamp = new int[n];
                touched = new int[n];
                nextStamp = 0;
            }
        }

        int nextStamp() {
            if (nextStamp == Integer.MAX_VALUE) {
                Arrays.fill(stamp, 0);
                nextStamp = 0;
            }
            return ++nextStamp;
        }

        /** {@code last} needs no reset: it is only read for an expert already reached by the current skill (stamp). */
        void reset() {
            for (int i = 0; i < touchedCount; i++) {
                bound[touched[i]] = 0;
                mask[touched[i]] = 0;
            }
            touchedCount = 0;
        }
    }
}
