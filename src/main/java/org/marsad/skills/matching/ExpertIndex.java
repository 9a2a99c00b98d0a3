package org.marsad.skills.matching;

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
 * concepts related to them) and occupation, accumulates an upper bound of their skill and occupation points, then
 * scores them exactly, best bound first, and stops when no remaining bound can beat the k-th score: the result is the
 * same as scoring everyone ({@link #bruteForce}), which tests check. Updates replace one expert's vector under a
 * write lock; queries share a read lock.
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

    /** The best {@code k} experts for the demand, best first. */
    List<Result> top(CompiledDemand q, int k, boolean requireConsent) {
        lock.readLock().lock();
        Scratch s = scratch.get();
        try {
            s.ensure(byId.length);
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
                visit(s, byOccupation[q.occupation], stamp, max);
                visit(s, byIscoUnit.get(q.iscoUnit), stamp, 0.6 * max);
                visit(s, byIscoMinor.get(q.iscoUnit / 10), stamp, 0.3 * max);
            }
            long[] order = new long[s.touchedCount];
            for (int i = 0; i < s.touchedCount; i++) {
                int id = s.touched[i];
                // Ascending order of this key is: bound descending, then id ascending.
                order[i] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(s.bound[id])) << 32) | id;
            }
            Arrays.sort(order);
            PriorityQueue<Result> best = new PriorityQueue<>(k + 1, WORST_FIRST);
            for (long key : order) {
                int id = (int) key;
                double bound = s.bound[id] + q.restMax + ROUNDING;
                if (best.size() == k && bound < best.peek().score()) {
                    break;
                }
                double score = Scorer.score(byId[id], q, requireConsent);
                if (score >= 0) {
                    offer(best, new Result(id, score), k);
                }
            }
            return sorted(best);
        }
        finally {
            s.reset();
            lock.readLock().unlock();
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
     * Adds to each expert reached the points this skill could give them at most: concepts are visited best first and
     * an expert counts once per skill, with the best way they are reached.
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
            visit(s, bySkill[t.keys[at]], stamp, points * w);
        }
        if (!occupationsDone) {
            visitOccupations(s, t, stamp, points);
        }
    }

    private void visitOccupations(Scratch s, SkillTarget t, int stamp, double points) {
        for (int occupation : t.occupations) {
            visit(s, byOccupation[occupation], stamp, points * CompiledDemand.VIA_OCCUPATION);
        }
    }

    private static void visit(Scratch s, Posting posting, int stamp, double points) {
        if (posting == null) {
            return;
        }
        float p = (float) points;
        for (int i = 0, n = posting.size(); i < n; i++) {
            int id = posting.get(i);
            if (s.stamp[id] != stamp) {
                s.stamp[id] = stamp;
                if (s.bound[id] == 0) {
                    s.touched[s.touchedCount++] = id;
                }
                s.bound[id] += p;
            }
        }
    }

    private ExpertVector slot(int id) {
        if (id >= byId.length) {
            byId = Arrays.copyOf(byId, Math.max(id + 1, byId.length * 2));
        }
        return byId[id];
    }

    private void link(ExpertVector v, boolean append) {
        for (int c : v.skills) {
            add(bySkill, c, v.id, append);
        }
        if (v.occupation >= 0) {
            add(byOccupation, v.occupation, v.id, append);
        }
        if (v.iscoUnit >= 0) {
            Posting unit = byIscoUnit.computeIfAbsent(v.iscoUnit, k -> new Posting());
            Posting minor = byIscoMinor.computeIfAbsent(v.iscoUnit / 10, k -> new Posting());
            if (append) {
                unit.append(v.id);
                minor.append(v.id);
            }
            else {
                unit.add(v.id);
                minor.add(v.id);
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

    private static void add(Posting[] postings, int key, int id, boolean append) {
        if (postings[key] == null) {
            postings[key] = new Posting();
        }
        if (append) {
            postings[key].append(id);
        }
        else {
            postings[key].add(id);
        }
    }

    /** Per-thread work arrays, as large as the id space, reset after each query for the experts touched. */
    private static final class Scratch {
        float[] bound = new float[0];
        int[] stamp = new int[0];
        int[] touched = new int[0];
        int touchedCount;
        int nextStamp;

        void ensure(int n) {
            if (bound.length < n) {
                bound = new float[n];
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

        void reset() {
            for (int i = 0; i < touchedCount; i++) {
                bound[touched[i]] = 0;
            }
            touchedCount = 0;
        }
    }
}
