package org.dip4j.samediff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ProcessMemoryTests {
    @Test
    void resettingThePeakForgetsAFreedArray() {
        assumeTrue(ProcessMemory.peakResidentMb() > 0, "needs Linux /proc");
        INDArray big = Nd4j.ones(DataType.FLOAT, 64L * 1024 * 1024); // 256 MB, touched by the fill
        long withArray = ProcessMemory.peakResidentMb();
        big.close();
        // The tests, like ./dip, keep freed native memory for reuse (GLIBC_TUNABLES in the POM);
        // hand it back, as the bench does between sizes.
        assumeTrue(ProcessMemory.releaseFreedNative(), "needs malloc_trim");
        assumeTrue(ProcessMemory.resetPeak(), "needs /proc/self/clear_refs (Linux 4.0+)");
        long afterReset = ProcessMemory.peakResidentMb();
        assertThat(afterReset).as("peak after the reset").isLessThanOrEqualTo(withArray - 200);
        assertThat(afterReset).as("a peak is still reported").isPositive();
    }
}
