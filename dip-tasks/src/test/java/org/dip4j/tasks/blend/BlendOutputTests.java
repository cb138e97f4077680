package org.dip4j.tasks.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginRegistry;
import org.dip4j.losses.blend.AnnealedAlpha;
import org.dip4j.samediff.check.GradientCheck;
import org.dip4j.samediff.engine.DipGraph;
import org.dip4j.spi.Loss;
import org.dip4j.spi.LossGraph;
import org.dip4j.tasks.blend.baseline.BlendBaselines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The output parameterisations: their values against host formulas, and their gradients. */
class BlendOutputTests {
    private static final int H = 16;
    private static final int W = 16;
    private static final List<String> TERMS = List.of("blend-pixel", "blend-lowfreq", "blend-illum", "blend-grad",
            "blend-dir", "blend-mix", "blend-aniso");

    /** A foreground and background with texture in [0.2, 0.8], a mask of the left half, its soft map. */
    private static final Image FG = Image.generate(3, H, W, (c, y, x) -> 0.2 + 0.6 * ((x * 7 + y * 3 + c * 5) % 11) / 10.0);
    private static final Image BG = Image.generate(3, H, W, (c, y, x) -> 0.3 + 0.4 * ((x * 2 + y * 5 + c) % 7) / 6.0);
    private static final Image MASK = Image.generate(1, H, W, (c, y, x) -> x < W / 2 ? 1.0 : 0.0);
    private static final Image ALPHA = SoftTransitionMap.of(MASK, 1, 2);

    private static Image networkOutput(long seed) {
        Random r = new Random(seed);
        return Image.generate(3, H, W, (c, y, x) -> 0.25 + 0.5 * r.nextDouble());
    }

    @Test
    void theProgressPlaceholderNameIsTheEngines() {
        assertThat(BlendOutput.PROGRESS).isEqualTo(DipGraph.PROGRESS);
    }

    @Test
    void directIsTheNetworkOutputItself() {
        Image n = networkOutput(1);
        assertThat(BlendOutput.direct(BG, ALPHA).apply(n)).isSameAs(n);
        SameDiff sd = SameDiff.create();
        SDVariable v = sd.var("n", Images.toArray(n, DataType.DOUBLE));
        assertThat(BlendOutput.direct(BG, ALPHA).degrade(sd, v)).isSameAs(v);
    }

    @Test
    void compositeIsTheAnnealedMixOfBackgroundAndNetwork() {
        Image n = networkOutput(2);
        double progress = 0.3;
        BlendOutput out = BlendOutput.composite(BG, ALPHA, 4.0, 2.0);
        Image f = evaluate(out, n, progress);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    double a = AnnealedAlpha.host(ALPHA.get(0, y, x), progress, 4.0, 2.0);
                    double expected = (1 - a) * BG.get(c, y, x) + a * n.get(c, y, x);
                    assertThat(f.get(c, y, x)).isCloseTo(expected, within(1e-12));
                }
            }
        }
    }

    @Test
    void compositeKeepsTheBackgroundExactlyWhereAlphaIsZeroWhateverTheNetworkPaints() {
        BlendOutput out = BlendOutput.composite(BG, ALPHA, 4.0, 1.0);
        int outside = 0;
        for (long seed = 3; seed < 5; seed++) {
            Image f = out.apply(networkOutput(seed));
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    if (ALPHA.get(0, y, x) == 0) {
                        outside++;
                        for (int c = 0; c < 3; c++) {
                            assertThat(f.get(c, y, x)).isEqualTo(BG.get(c, y, x));
                        }
                    }
                }
            }
        }
        assertThat(outside).isGreaterThan(0);
    }

    @Test
    void residualAtZeroResidualIsTheClassicalBlend() {
        Image half = Image.generate(3, H, W, (c, y, x) -> 0.5);
        for (String base : List.of("laplacian", "poisson")) {
            Image classical = BlendBaselines.blend(base, FG, BG, MASK);
            BlendOutput out = BlendOutput.from(settings("residual", base), FG, BG, MASK, ALPHA);
            Image f = out.apply(half);
            assertThat(f.sameShape(classical)).isTrue();
            for (int i = 0; i < 3 * H * W; i++) {
                int c = i / (H * W);
                int y = (i / W) % H;
                int x = i % W;
                assertThat(f.get(c, y, x)).as(base).isCloseTo(Math.min(1, Math.max(0, classical.get(c, y, x))),
                        within(1e-12));
            }
        }
    }

    @Test
    void residualMovesTheBlendByKappaTimesTwoNMinusOne() {
        Image n = networkOutput(6);
        BlendOutput out = BlendOutput.residual(BG, ALPHA, FG, 0.2);
        Image f = out.apply(n);
        // FG in [0.2, 0.8] and |κ(2N − 1)| ≤ 0.1: no clipping.
        assertThat(f.get(1, 5, 9)).isCloseTo(FG.get(1, 5, 9) + 0.2 * (2 * n.get(1, 5, 9) - 1), within(1e-12));
    }

    @Test
    void aRampedResidualStartsAtTheClassicalBlendAndCountsFullyFromTheRampsEnd() {
        Image n = networkOutput(6);
        BlendOutput out = BlendOutput.residual(BG, ALPHA, FG, 0.2, 0.25);
        for (double t : new double[] {0, 0.125, 0.25, 0.9}) {
            SameDiff sd = SameDiff.create();
            sd.placeHolder(DipGraph.PROGRESS, DataType.DOUBLE);
            SDVariable f = out.degrade(sd, sd.constant("n", Images.toArray(n, DataType.DOUBLE)));
            Image blend = Images.fromArray(sd.output(Map.of(DipGraph.PROGRESS, Nd4j.scalar(DataType.DOUBLE, t)), f.name())
                    .get(f.name()));
            double weight = Math.min(1, t / 0.25);
            assertThat(blend.get(1, 5, 9)).as("progress %s", t)
                    .isCloseTo(FG.get(1, 5, 9) + weight * 0.2 * (2 * n.get(1, 5, 9) - 1), within(1e-12));
        }
        assertThatThrownBy(() -> BlendOutput.residual(BG, ALPHA, FG, 0.2, 1.0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dip.tasks.blend.residual-ramp");
    }

    @ParameterizedTest
    @EnumSource(BlendOutput.Kind.class)
    void theSevenTermsOnTheBlendHaveTheGradientOfFiniteDifferences(BlendOutput.Kind kind) {
        BlendOutput out = switch (kind) {
            case DIRECT -> BlendOutput.direct(BG, ALPHA);
            case COMPOSITE -> BlendOutput.composite(BG, ALPHA, 4.0, 2.0);
            // FG as the base: values in [0.2, 0.8], and κ = 0.1 keeps C + r inside (0, 1).
            // With a ramp over 0.8 of the run: at progress 0.4 the residual counts half.
            case RESIDUAL -> BlendOutput.residual(BG, ALPHA, FG, 0.1, 0.8);
        };
        SameDiff sd = SameDiff.create();
        SDVariable progress = sd.placeHolder(DipGraph.PROGRESS, DataType.DOUBLE);
        SDVariable n = sd.var("n", Images.toArray(networkOutput(7), DataType.DOUBLE));
        SDVariable f = out.degrade(sd, n);
        LossGraph base = LossGraph.builder(sd).output(n).prediction(f)
                .observation(sd.constant("obs", Images.toArray(BG, DataType.DOUBLE))).progress(progress)
                .auxiliary("fg", sd.constant("fg", Images.toArray(FG, DataType.DOUBLE)))
                .auxiliary("bg", sd.constant("bg", Images.toArray(BG, DataType.DOUBLE)))
                .auxiliary("mask", sd.constant("mask", Images.toArray(MASK, DataType.DOUBLE)))
                .auxiliary("alpha", sd.constant("alpha", Images.toArray(ALPHA, DataType.DOUBLE)))
                .build();
        PluginRegistry registry = PluginRegistry.load();
        SDVariable total = null;
        for (String id : TERMS) {
            Loss loss = registry.get(Loss.class, id);
            SDVariable term = loss.define(base.forLoss(id, smallSettings(id)));
            total = total == null ? term : total.add(term);
        }
        sd.setLossVariables(total);

        Map<String, INDArray> feed = Map.of(DipGraph.PROGRESS, Nd4j.scalar(DataType.DOUBLE, 0.4));
        GradientCheck.Result r = GradientCheck.defaults().withSamplesPerVariable(30).check(sd, total, feed, List.of("n"));
        GradientCheck.Result d = GradientCheck.defaults().checkDirections(sd, total, feed, List.of("n"));

        assertThat(r.nonZeroCount()).as(r.toString()).isGreaterThan(10);
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(1e-5);
        assertThat(d.maxRelativeError()).as(d.toString()).isLessThan(1e-5);
    }

    @Test
    void anUnknownOutputNamesTheKeyAndTheAllowedValues() {
        assertThatThrownBy(() -> BlendOutput.from(settings("blurry", "laplacian"), FG, BG, MASK, ALPHA))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("dip.tasks.blend.output must be one of direct, composite, residual, got 'blurry'");
        assertThatThrownBy(() -> BlendOutput.from(settings("residual", "median"), FG, BG, MASK, ALPHA))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dip.tasks.blend.residual-base").hasMessageContaining("laplacian, poisson");
        assertThatThrownBy(() -> BlendOutput.residual(BG, ALPHA, FG, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dip.tasks.blend.residual-scale");
        assertThatThrownBy(() -> BlendOutput.composite(BG, ALPHA, -1, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dip.tasks.blend.output-anneal-scale");
    }

    private static Config settings(String output, String base) {
        return ConfigFactory.defaultReference().getConfig("dip.tasks.blend")
                .withValue("output", ConfigValueFactory.fromAnyRef(output))
                .withValue("residual-base", ConfigValueFactory.fromAnyRef(base));
    }

    /** A term's reference settings with filters small enough for 16×16. */
    private static Config smallSettings(String id) {
        Config c = ConfigFactory.defaultReference().getConfig("dip.losses." + id);
        return switch (id) {
            case "blend-lowfreq" -> c.withValue("kernel-size", ConfigValueFactory.fromAnyRef(5));
            case "blend-illum" -> c.withValue("sigma", ConfigValueFactory.fromAnyRef(1.5));
            case "blend-grad" -> c.withValue("scales", ConfigValueFactory.fromIterable(List.of(1, 2)));
            case "blend-aniso" -> c.withValue("tensor-sigma", ConfigValueFactory.fromAnyRef(1.0));
            default -> c;
        };
    }

    private static Image evaluate(BlendOutput out, Image n, double progress) {
        SameDiff sd = SameDiff.create();
        sd.placeHolder(DipGraph.PROGRESS, DataType.DOUBLE);
        SDVariable f = out.degrade(sd, sd.constant("n", Images.toArray(n, DataType.DOUBLE)));
        return Images.fromArray(sd.output(new java.util.HashMap<>(Map.of(DipGraph.PROGRESS, Nd4j.scalar(DataType.DOUBLE, progress))), f.name())
                .get(f.name()));
    }
}
