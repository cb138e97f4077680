package org.dip4j.samediff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dip4j.api.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The tests run on the CPU build: asking for a GPU must say which build to use. */
class DeviceTests {
    @Test
    void theCpuBuildAcceptsAutoAndCpuAndDescribesItsThreads() {
        Device.select("auto");
        Device.select("cpu");
        assertThat(Device.isGpuBuild()).isFalse();
        assertThat(Device.describe()).startsWith("CPU, ").endsWith(" threads");
    }

    @Test
    void theNativeVariantIsTheOneDnnBuildTheTestsRunOn() {
        // The build puts exactly one native jar on the class path: linux-x86_64-onednn.
        assertThat(Device.nativeVariant()).startsWith("linux-x86_64-onednn (").contains("ONEDNN");
    }

    @Test
    void askingForAGpuOnTheCpuBuildNamesTheCudaBuild() {
        assertThatThrownBy(() -> Device.select("cuda:1")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dip.run.device").hasMessageContaining("-Pcuda");
    }

    @Test
    void anUnknownDeviceListsTheChoices() {
        assertThatThrownBy(() -> Device.select("gpu")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("auto, cpu, cuda or cuda:N");
    }
}
