package org.policyradar.app.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap while a benchmark runs: the peak of heap in use, sampled by a daemon thread (garbage
 * included, so it depends on the collector's pacing); the heap in use right after each collection, from the
 * collectors' notifications (what survives: the figure that must stay flat as items flow); and the collections
 * done meanwhile. Everything in the process counts: broker, registry, Streams and clients alike.
 */
public final class HeapWatcher implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 50;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
            .toList();
    private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong lastAfterGc = new AtomicLong();
    private final NotificationListener onCollection = this::collected;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final long gcCountAtStart;
    private final long gcMillisAtStart;
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapWatcher() {
        this.gcCountAtStart = gcCount();
        this.gcMillisAtStart = gcMillis();
        this.sampler = new Thread(this::sampleUntilClosed, "policy-radar-bench-heap");
        sampler.setDaemon(true);
    }

    /** Starts sampling. */
    public static HeapWatcher start() {
        HeapWatcher watcher = new HeapWatcher();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(watcher.onCollection, null, null);
                watcher.emitters.add(emitter);
            }
        }
        watcher.sample();
        watcher.sampler.start();
        return watcher;
    }

    /** What was seen so far. */
    public HeapStats stats() {
        sample();
        return new HeapStats(peakUsed.get(), peakAfterGc.get(), memory.getHeapMemoryUsage().getMax(),
                gcCount() - gcCountAtStart, gcMillis() - gcMillisAtStart);
    }

    /** Heap in use right after the latest collection (0 before the first one). */
    public long usedAfterLastGc() {
        return lastAfterGc.get();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(onCollection);
            } catch (ListenerNotFoundException alreadyGone) {
                // nothing to remove
            }
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPoolNames.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        lastAfterGc.set(used);
        peakAfterGc.accumulateAndGet(used, Math::max);
    }

    private void sampleUntilClosed() {
        while (running) {
            sample();
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c > 0).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    /**
     * @param peakUsedBytes peak heap in use, sampled
     * @param peakAfterGcBytes peak heap in use right after a collection
     * @param maxBytes      the heap's limit (-Xmx), or -1 if undefined
     * @param collections   collections during the watch
     * @param gcMillis      time spent in them
     */
    public record HeapStats(long peakUsedBytes, long peakAfterGcBytes, long maxBytes, long collections,
                            long gcMillis) {

        /** "peak heap used 812 MiB, peak after GC 345 MiB (max 6144 MiB); 56 GCs taking 1.23 s". */
        public String describe() {
            return String.format(Locale.ROOT, "peak heap used %d MiB, peak after GC %d MiB (max %s); "
                            + "%d GCs taking %.2f s",
                    mib(peakUsedBytes), mib(peakAfterGcBytes), maxBytes < 0 ? "unbounded" : mib(maxBytes) + " MiB",
                    collections, gcMillis / 1e3);
        }

        static long mib(long bytes) {
            return Math.round(bytes / (1024.0 * 1024.0));
        }
    }
}
