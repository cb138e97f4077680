package org.dip4j.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.OptionalDouble;
import org.dip4j.api.Image;
import org.dip4j.spi.Loss;
import org.dip4j.spi.LossGraph;
import org.dip4j.spi.Metric;
import org.dip4j.spi.MetricInputs;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;

/** The contracts fail for plugins that break them: a check that cannot fail proves nothing. */
class ContractCatchesMistakesTests {
    /** Twice SameDiff's built-in MSE: the built-in ignores the upstream gradient, so the factor 2 is lost. */
    static final class BuiltInLossTimesTwo implements Loss {
        @Override
        public String id() {
            return "Bad Id";
        }

        @Override
        public SDVariable define(LossGraph graph) {
            return graph.sameDiff().loss().meanSquaredError(graph.observation(), graph.prediction(), null).mul(2.0);
        }
    }

    private static final class BrokenLossContract extends LossContractTests {
        @Override
        protected Loss loss() {
            return new BuiltInLossTimesTwo();
        }

        @Override
        protected Config settings() {
            return ConfigFactory.empty();
        }
    }

    /** Claims higher is better but returns a distance: equal images score worst. */
    private static final class BackwardsMetric implements Metric {
        @Override
        public String id() {
            return "backwards";
        }

        @Override
        public OptionalDouble evaluate(MetricInputs inputs) {
            Image truth = inputs.groundTruth();
            if (truth == null) {
                return OptionalDouble.of(0);
            }
            double[] d = truth.combine(1, inputs.output(), -1).toArray();
            double sum = 0;
            for (double v : d) {
                sum += v * v;
            }
            return OptionalDouble.of(sum);
        }
    }

    private static final class BackwardsMetricContract extends MetricContractTests {
        @Override
        protected Metric metric() {
            return new BackwardsMetric();
        }

        @Override
        protected Config settings() {
            return ConfigFactory.empty();
        }
    }

    @Test
    void aLossWhoseGradientIsWrongFailsTheGradientCheck() {
        assertThatThrownBy(() -> new BrokenLossContract().gradientMatchesFiniteDifferences())
                .isInstanceOf(AssertionError.class).hasMessageContaining("GradientCheck");
    }

    @Test
    void aMalformedIdAndAMissingServiceEntryFail() {
        assertThatThrownBy(() -> new BrokenLossContract().idIsWellFormed()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Bad Id");
        assertThatThrownBy(() -> new BrokenLossContract().isRegisteredAsAService()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("META-INF/services/org.dip4j.spi.Loss");
    }

    @Test
    void aMetricWithoutItsReferenceConfOrIdentityFails() {
        assertThatThrownBy(() -> new BackwardsMetricContract().equalImagesGiveTheBestValue())
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> new BackwardsMetricContract().isEmptyWhenARequiredInputIsMissing())
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> new BackwardsMetricContract().settingsAreValidAgainstTheReferenceConf())
                .isInstanceOf(AssertionError.class).hasMessageContaining("dip.metrics.backwards");
    }
}
