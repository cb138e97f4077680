package org.dip4j.losses.blend;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import org.dip4j.api.PluginRegistry;
import org.dip4j.spi.Loss;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlendPluginsTests {
    @ParameterizedTest
    @ValueSource(strings = {"blend-pixel", "blend-lowfreq", "blend-illum", "blend-grad", "blend-dir", "blend-mix",
            "blend-aniso"})
    void everyTermIsDiscoveredAndHasItsDefaults(String id) {
        Loss loss = PluginRegistry.load().get(Loss.class, id);
        Config settings = BlendFixture.defaults(id);

        assertThat(loss.id()).isEqualTo(id);
        assertThat(loss.description()).isNotBlank();
        assertThat(settings.getDouble(AnnealedAlpha.SCALE_KEY)).isEqualTo(4.0);
        assertThat(settings.getDouble(AnnealedAlpha.POWER_KEY)).isPositive();
    }
}
