package org.dip4j.samediff.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of this process from {@code /proc/self/status} (Linux): ND4J keeps its arrays
 * off the Java heap, so the heap figures of the JVM miss most of a run's memory.
 */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** Current resident set size in MB, or −1 where /proc is not available. */
    public static long residentMb() {
        return field("VmRSS:");
    }

    /** Peak resident set size of the process so far in MB, or −1 where /proc is not available. */
    public static long peakResidentMb() {
        return field("VmHWM:");
    }

    /**
     * Starts the peak over from the current resident size (Linux 4.0+: writing 5 to
     * {@code /proc/self/clear_refs}), so that one process can measure several workloads in turn.
     * Returns false where that is not possible; the peak then covers the whole process.
     */
    public static boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Hands native memory that was freed but kept by the C allocator back to the system
     * ({@code malloc_trim}, through JavaCPP; {@code ./dip} and the tests tell glibc to keep freed
     * blocks for reuse). Returns false where that is not possible.
     */
    public static boolean releaseFreedNative() {
        try {
            java.lang.reflect.Method trim = org.bytedeco.javacpp.Pointer.class.getDeclaredMethod("trimMemory");
            trim.setAccessible(true);
            trim.invoke(null);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            return -1;
        }
        return -1;
    }
}
