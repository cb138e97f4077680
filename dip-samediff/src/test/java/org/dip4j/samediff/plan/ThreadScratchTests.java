package org.dip4j.samediff.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A thread keeps its scratch across the parallel streams the kernels run, also on the common
 * fork-join pool's workers (where a ThreadLocal's value is erased after every task: the same loop
 * with a ThreadLocal sees a new value per stream on the worker).
 */
class ThreadScratchTests {

    @Test
    void eachThreadKeepsOneValueAcrossParallelStreams() throws InterruptedException {
        ThreadScratch<Object> scratch = new ThreadScratch<>(Object::new);
        Map<Thread, Set<Object>> seen = new ConcurrentHashMap<>();
        for (int stream = 0; stream < 8; stream++) {
            IntStream.range(0, 64).parallel().forEach(i -> {
                sleepBriefly(); // so that the pool's worker takes part
                seen.computeIfAbsent(Thread.currentThread(), t -> ConcurrentHashMap.newKeySet()).add(scratch.get());
            });
        }
        Thread other = new Thread(() -> seen.computeIfAbsent(Thread.currentThread(),
                t -> ConcurrentHashMap.newKeySet()).add(scratch.get()));
        other.start();
        other.join();

        assertThat(seen.keySet()).hasSizeGreaterThan(2); // the caller, a worker and the other thread
        seen.values().forEach(values -> assertThat(values).hasSize(1));
        assertThat(seen.values().stream().flatMap(Set::stream).distinct().count()).isEqualTo(seen.size());
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
