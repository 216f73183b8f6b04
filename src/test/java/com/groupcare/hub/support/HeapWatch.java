package com.groupcare.hub.support;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Samples used heap every 10 ms; the live set is the heap left after each collection. */
public final class HeapWatch extends Thread {
    public final AtomicLong peakUsed = new AtomicLong();
    volatile boolean running = true;
    final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    long maxLive;

    public HeapWatch() {
        setDaemon(true);
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    @Override
    public void run() {
        while (running) {
            peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            long live = pools.stream().filter(p -> p.getCollectionUsage() != null)
                    .mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
            maxLive = Math.max(maxLive, live);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public void stopWatching() {
        running = false;
    }

    public long maxLiveAfterGc() {
        return maxLive;
    }
}
