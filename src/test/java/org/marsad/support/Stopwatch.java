package org.marsad.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Latency samples of one benchmark case and their percentiles, in milliseconds. */
public final class Stopwatch {

    private final String name;
    private final List<Double> samples = new ArrayList<>();

    public Stopwatch(String name) {
        this.name = name;
    }

    public <T> T time(Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        samples.add((System.nanoTime() - start) / 1_000_000.0);
        return result;
    }

    public void record(double millis) {
        synchronized (samples) {
            samples.add(millis);
        }
    }

    public double percentile(double p) {
        List<Double> sorted;
        synchronized (samples) {
            sorted = new ArrayList<>(samples);
        }
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    public int count() {
        return samples.size();
    }

    public String summary() {
        return String.format(Locale.ROOT, "%-42s n=%6d  p50=%8.2f ms  p95=%8.2f ms  p99=%8.2f ms  max=%8.2f ms",
                name, count(), percentile(50), percentile(95), percentile(99), percentile(100));
    }
}
