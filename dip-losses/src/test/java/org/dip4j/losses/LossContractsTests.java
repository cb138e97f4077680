package org.dip4j.losses;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.dip4j.losses.blend.BlendAnisotropicLoss;
import org.dip4j.losses.blend.BlendDirectionLoss;
import org.dip4j.losses.blend.BlendGradientLoss;
import org.dip4j.losses.blend.BlendIlluminationLoss;
import org.dip4j.losses.blend.BlendLowFrequencyLoss;
import org.dip4j.losses.blend.BlendMixLoss;
import org.dip4j.losses.blend.BlendPixelLoss;
import org.dip4j.spi.Loss;
import org.dip4j.testkit.LossContractTests;
import org.dip4j.testkit.LossFixture;
import org.junit.jupiter.api.Nested;

/** Every loss of this module passes the plugin contract of dip-testkit. */
class LossContractsTests {
    @Nested
    class Mse extends LossContractTests {
        @Override
        protected Loss loss() {
            return new MseLoss();
        }
    }

    @Nested
    class MaskedMse extends LossContractTests {
        @Override
        protected Loss loss() {
            return new MaskedMseLoss();
        }

        @Override
        protected void addInputs(LossFixture fixture) {
            fixture.mask(0.3);
        }
    }

    @Nested
    class MultiscaleMse extends LossContractTests {
        @Override
        protected Loss loss() {
            return new MultiscaleMseLoss();
        }

        @Override
        protected void addInputs(LossFixture fixture) {
            fixture.mask(0.3);
        }
    }

    /**
     * The blending terms read the foreground, background and soft map, and compare the output
     * with those rather than with the observation: they are not data terms. 16×16 inputs with
     * small filters, so that the images have interior pixels.
     */
    abstract static class BlendTermContract extends LossContractTests {
        @Override
        protected boolean isDataTerm() {
            return false;
        }

        @Override
        protected int height() {
            return 16;
        }

        @Override
        protected int width() {
            return 16;
        }

        /** Fewer samples: these graphs are large, and BlendLossGradientTests checks them too. */
        @Override
        protected int gradientSamples() {
            return 12;
        }

        @Override
        protected Config settings() {
            return ConfigFactory.parseString("anneal-power = 2.0").withFallback(super.settings());
        }

        @Override
        protected void addInputs(LossFixture fixture) {
            fixture.auxiliary("fg", fixture.uniform(3, 0, 1));
            fixture.auxiliary("bg", fixture.uniform(3, 0, 1));
            fixture.auxiliary("alpha", fixture.uniform(1, 0.02, 0.98));
        }
    }

    @Nested
    class BlendPixel extends BlendTermContract {
        @Override
        protected Loss loss() {
            return new BlendPixelLoss();
        }
    }

    @Nested
    class BlendLowFrequency extends BlendTermContract {
        @Override
        protected Loss loss() {
            return new BlendLowFrequencyLoss();
        }

        @Override
        protected Config settings() {
            return ConfigFactory.parseString("kernel-size = 5").withFallback(super.settings());
        }
    }

    @Nested
    class BlendIllumination extends BlendTermContract {
        @Override
        protected Loss loss() {
            return new BlendIlluminationLoss();
        }

        @Override
        protected Config settings() {
            return ConfigFactory.parseString("sigma = 1.5").withFallback(super.settings());
        }
    }

    @Nested
    class BlendGradient extends BlendTermContract {
        @Override
        protected Loss loss() {
            return new BlendGradientLoss();
        }
    }

    @Nested
    class BlendDirection extends BlendTermContract {
        @Override
        protected Loss loss() {
            return new BlendDirectionLoss();
        }
    }

    @Nested
    class BlendMix extends BlendTermContract {
        @Override
        protected Loss loss() {
            return new BlendMixLoss();
        }
    }

    @Nested
    class BlendAnisotropic extends BlendTermContract {
        @Override
        protected Loss loss() {
            return new BlendAnisotropicLoss();
        }
    }
}
