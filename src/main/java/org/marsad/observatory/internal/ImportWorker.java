package org.marsad.observatory.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.OffsetDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs queued imports in the background, one at a time per node. Any node may take a queued job (the file is in
 * the database); a node that dies mid-import stops beating, its transaction rolls back, and the job is queued again
 * after {@link #STALE_MINUTES}.
 */
@Component
public class ImportWorker {

    static final int STALE_MINUTES = 10;
    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final ImportRepository jobs;
    private final ImportProcessor processor;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "observatory-import");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean busy = new AtomicBoolean();
    private final String node;

    ImportWorker(ImportRepository jobs, ImportProcessor processor) {
        this.jobs = jobs;
        this.processor = processor;
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (IOException e) {
            host = "node";
        }
        this.node = host + "/" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    public String node() {
        return node;
    }

    /** Called when a job is queued on this node: no need to wait for the next poll. */
    public void wakeUp() {
        executor.execute(this::drain);
    }

    @Scheduled(fixedDelay = 3000, initialDelay = 5000)
    void poll() {
        jobs.requeueStale(OffsetDateTime.now().minusMinutes(STALE_MINUTES));
        if (!busy.get()) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        try {
            for (var next = jobs.claimNext(node); next.isPresent(); next = jobs.claimNext(node)) {
                processor.run(next.get());
            }
        }
        catch (RuntimeException e) {
            log.error("Import worker failed", e);
        }
        finally {
            busy.set(false);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
