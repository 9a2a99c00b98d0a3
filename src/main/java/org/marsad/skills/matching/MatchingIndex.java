package org.marsad.skills.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.marsad.skills.experts.ExpertChangeLog;
import org.marsad.skills.experts.ExpertsApi;
import org.marsad.skills.experts.MatchingProfile;
import org.marsad.skills.taxonomy.EscoTaxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's matching index: built from the database when the application is ready, then kept current by following
 * the expert change log (every {@code marsad.skills.index-poll}, and before each query, so a user sees their own
 * change at once). Each node holds its own index; none is shared, so nodes can be added freely.
 */
@Component
public class MatchingIndex {

    private static final Logger log = LoggerFactory.getLogger(MatchingIndex.class);
    private static final int BATCH = 2000;

    private final ExpertsApi experts;
    private final ExpertChangeLog changes;
    private final EscoTaxonomy taxonomy;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile ExpertIndex index;
    private long lastSeq;

    MatchingIndex(ExpertsApi experts, ExpertChangeLog changes, EscoTaxonomy taxonomy) {
        this.experts = experts;
        this.changes = changes;
        this.taxonomy = taxonomy;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        long start = System.nanoTime();
        ExpertIndex fresh = new ExpertIndex(taxonomy.size());
        synchronized (this) {
            // Changes after this number are applied again after the load: applying a change twice is harmless.
            lastSeq = changes.last();
            List<Long> ids = experts.allIds();
            List<ExpertVector> vectors = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i += BATCH) {
                for (MatchingProfile p : experts.matchingProfiles(ids.subList(i, Math.min(ids.size(), i + BATCH)))) {
                    vectors.add(ExpertVector.of(p, taxonomy));
                }
            }
            fresh.bulkLoad(vectors);
            index = fresh;
        }
        ready.countDown();
        log.info("Matching index: {} experts loaded in {} ms", fresh.size(), (System.nanoTime() - start) / 1_000_000);
        catchUp();
    }

    @Scheduled(fixedDelayString = "${marsad.skills.index-poll:200ms}", initialDelayString = "${marsad.skills.index-poll:200ms}")
    void poll() {
        if (index != null) {
            catchUp();
        }
    }

    /** Applies the changes logged since the last look; returns how many experts were updated. */
    public int catchUp() {
        ExpertIndex current = index();
        synchronized (this) {
            int applied = 0;
            while (true) {
                List<ExpertChangeLog.Change> batch = changes.since(lastSeq, BATCH);
                if (batch.isEmpty()) {
                    return applied;
                }
                Set<Long> ids = new LinkedHashSet<>();
                batch.forEach(c -> ids.add(c.expertId()));
                Map<Long, MatchingProfile> found = new HashMap<>();
                experts.matchingProfiles(ids).forEach(p -> found.put(p.id(), p));
                for (long id : ids) {
                    MatchingProfile p = found.get(id);
                    if (p == null) {
                        current.remove((int) id);
                    }
                    else {
                        current.put(ExpertVector.of(p, taxonomy));
                    }
                }
                applied += ids.size();
                lastSeq = batch.getLast().seq();
            }
        }
    }

    /** The index, once loaded (requests arriving during the first load wait for it). */
    ExpertIndex index() {
        try {
            if (!ready.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the matching index is still loading");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return index;
    }

    public int size() {
        return index().size();
    }

    public long estimatedBytes() {
        return index().estimatedBytes();
    }
}
