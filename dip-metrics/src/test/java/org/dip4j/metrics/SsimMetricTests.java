package org.dip4j.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigFactory;
import org.dip4j.spi.MetricInputs;
import org.junit.jupiter.api.Test;

class SsimMetricTests {
    @Test
    void defaultsToTheWangSettings() {
        MetricInputs in = MetricInputs.compare(TestImages.unitP(), TestImages.unitQ());
        assertThat(new SsimMetric().evaluate(in).getAsDouble()).isCloseTo(0.4468662116869457, within(1e-12));
    }

    @Test
    void variantDefaultGivesScikitImagesDefault() {
        MetricInputs in = MetricInputs.compare(TestImages.unitP(), TestImages.unitQ())
                .withSettings(ConfigFactory.parseString("variant = default"));
        assertThat(new SsimMetric().evaluate(in).getAsDouble()).isCloseTo(0.4415051675909792, within(1e-12));
    }

    @Test
    void isEmptyWithoutGroundTruth() {
        MetricInputs in = MetricInputs.compare(TestImages.unitP(), TestImages.unitQ());
        MetricInputs noTruth = new MetricInputs(in.output(), in.output(), in.output(), in.observation(), null, null,
                in.auxiliary(), in.settings());
        assertThat(new SsimMetric().evaluate(noTruth)).isEmpty();
    }
}
