package org.marsad.initiatives.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Answers computed at a change stamp of the module (bumped by every write in its transaction), kept for the most
 * recently used keys. An answer is computed again as soon as the stamp moves, and at least every {@code maxAge}, so
 * that what other modules rename (organisations, framework nodes) shows too. Readers asking for an answer that is
 * being computed wait for that computation instead of starting their own; a failed computation is not kept.
 * Callers read the stamp before computing, so an answer is never kept under a newer stamp than the data it saw.
 */
public final class StampedCache<V> {

    private final int size;
    private final Duration maxAge;
    private final Map<String, Computed<V>> entries;

    public StampedCache(int size, Duration maxAge) {
        this.size = size;
        this.maxAge = maxAge;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Computed<V>> eldest) {
                return size() > StampedCache.this.size;
            }
        };
    }

    private record Computed<V>(long stamp, long computedAt, CompletableFuture<V> value) {
    }

    public V get(String key, long stamp, Supplier<V> compute) {
        long now = System.nanoTime();
        CompletableFuture<V> mine = new CompletableFuture<>();
        Computed<V> entry;
        synchronized (entries) {
            entry = entries.get(key);
            boolean fresh = entry != null && entry.stamp() == stamp && now - entry.computedAt() < maxAge.toNanos()
                    && !entry.value().isCompletedExceptionally();
            if (!fresh) {
                entry = new Computed<>(stamp, now, mine);
                entries.put(key, entry);
            }
        }
        if (entry.value() != mine) {
            try {
                return entry.value().join();
            }
            catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            mine.complete(compute.get());
        }
        catch (RuntimeException e) {
            mine.completeExceptionally(e);
            synchronized (entries) {
                entries.remove(key, entry);
            }
            throw e;
        }
        return mine.join();
    }
}
