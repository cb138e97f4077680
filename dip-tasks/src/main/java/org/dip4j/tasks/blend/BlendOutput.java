package org.dip4j.tasks.blend;

import com.typesafe.config.Config;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.InvalidInputException;
import org.dip4j.spi.ForwardModel;
import org.dip4j.tasks.blend.baseline.BlendBaselines;
import org.jspecify.annotations.Nullable;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How the network output N becomes the blend F that the seven terms judge and the run keeps
 * ({@code dip.tasks.blend.output}); it is the blending problem's forward model, so the engine
 * builds it into the graph right after the network:
 *
 * <ul>
 *   <li>{@code direct}: F = N, the report's formulation (the network paints every pixel);</li>
 *   <li>{@code composite}: F = B + α_t·(N − B) = (1 − α_t)·B + α_t·N, with α_t the soft map
 *       annealed by the run's progress as the loss terms anneal it, α_t = clip(α^γ, 0, 1) with
 *       γ = 1 + s·(1 − t/T)^c ({@code output-anneal-scale} s, {@code output-anneal-power} c): where α = 0 the background is exact by construction;</li>
 *   <li>{@code residual}: F = clip(C + κ·(2N − 1), 0, 1), C a classical blend
 *       ({@code residual-base}: {@code laplacian}, {@code poisson} or {@code poisson-mixed}) and
 *       κ = {@code residual-scale}:
 *       the network's output starts near ½, so the residual starts near zero and F near C.</li>
 * </ul>
 */
public final class BlendOutput implements ForwardModel {
    /** The parameterisations, by their configuration names. */
    public enum Kind {
        DIRECT, COMPOSITE, RESIDUAL;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static String allowed() {
            return Arrays.stream(values()).map(Kind::id).collect(Collectors.joining(", "));
        }
    }

    /** The classical blends a residual may start from. */
    static final java.util.List<String> RESIDUAL_BASES = java.util.List.of("laplacian", "poisson", "poisson-mixed");

    private static final String SCOPE = "blend-output/";
    /**
     * The engine's progress placeholder (t/T), which the graph holds before the forward model is
     * built; tasks do not depend on the engine, so its name is repeated here (a test holds them equal).
     */
    static final String PROGRESS = "dip/progress";
    /** α is clamped to this before its logarithm, so that α = 0 gives α_t = 0 and no NaN. */
    private static final double LOG_FLOOR = 1e-30;

    private final Kind kind;
    private final Image background;
    private final Image alpha;
    private final @Nullable Image base;
    private final double residualScale;
    private final double residualRamp;
    private final double annealScale;
    private final double annealPower;

    private BlendOutput(Kind kind, Image background, Image alpha, @Nullable Image base, double residualScale,
            double residualRamp, double annealScale, double annealPower) {
        this.kind = kind;
        this.background = background;
        this.alpha = alpha;
        this.base = base;
        this.residualScale = residualScale;
        this.residualRamp = residualRamp;
        this.annealScale = annealScale;
        this.annealPower = annealPower;
    }

    /** The report's formulation: F = N. */
    public static BlendOutput direct(Image background, Image alpha) {
        return new BlendOutput(Kind.DIRECT, background, alpha, null, 0, 0, 0, 1);
    }

    /** F = (1 − α_t)·B + α_t·N with α_t = clip(α^γ), γ = 1 + scale·(1 − t/T)^power. */
    public static BlendOutput composite(Image background, Image alpha, double annealScale, double annealPower) {
        if (annealScale < 0 || annealPower <= 0) {
            throw new InvalidInputException("dip.tasks.blend.output-anneal-scale must be >= 0 and output-anneal-power"
                    + " > 0, got " + annealScale + " and " + annealPower);
        }
        return new BlendOutput(Kind.COMPOSITE, background, alpha, null, 0, 0, annealScale, annealPower);
    }

    /** F = clip(C + κ·(2N − 1), 0, 1) around the classical blend C. */
    public static BlendOutput residual(Image background, Image alpha, Image base, double residualScale) {
        return residual(background, alpha, base, residualScale, 0);
    }

    /**
     * The residual whose scale rises linearly from 0 to κ over the first {@code ramp} of the run
     * (progress t/T), so that F starts exactly at C while the network's initial output is fitted.
     */
    public static BlendOutput residual(Image background, Image alpha, Image base, double residualScale, double ramp) {
        if (!(ramp >= 0 && ramp < 1)) {
            throw new InvalidInputException("dip.tasks.blend.residual-ramp must be in [0, 1), got " + ramp);
        }
        if (!(residualScale > 0)) {
            throw new InvalidInputException("dip.tasks.blend.residual-scale must be > 0, got " + residualScale);
        }
        if (!base.sameShape(background)) {
            throw new IllegalArgumentException("the residual's base " + base.shape() + " must match the background "
                    + background.shape());
        }
        return new BlendOutput(Kind.RESIDUAL, background, alpha, base, residualScale, ramp, 0, 1);
    }

    /**
     * The parameterisation named by {@code settings} ({@code dip.tasks.blend}) for these images;
     * bad names are an {@link InvalidInputException} naming the key and the allowed values.
     */
    public static BlendOutput from(Config settings, Image fg, Image bg, Image mask, Image alpha) {
        Kind kind = kindOf(settings.getString("output"));
        return switch (kind) {
            case DIRECT -> direct(bg, alpha);
            case COMPOSITE -> composite(bg, alpha, settings.getDouble("output-anneal-scale"),
                    settings.getDouble("output-anneal-power"));
            case RESIDUAL -> residual(bg, alpha, BlendBaselines.blend(residualBase(settings.getString("residual-base")),
                    fg, bg, mask), settings.getDouble("residual-scale"), settings.getDouble("residual-ramp"));
        };
    }

    /** The kind called {@code id}, or an error naming {@code dip.tasks.blend.output} and the allowed values. */
    public static Kind kindOf(String id) {
        for (Kind k : Kind.values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new InvalidInputException("dip.tasks.blend.output must be one of " + Kind.allowed() + ", got '" + id + "'");
    }

    private static String residualBase(String id) {
        if (!RESIDUAL_BASES.contains(id)) {
            throw new InvalidInputException("dip.tasks.blend.residual-base must be one of "
                    + String.join(", ", RESIDUAL_BASES) + ", got '" + id + "'");
        }
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** The classical blend a residual starts from; null for the other kinds. */
    public @Nullable Image base() {
        return base;
    }

    @Override
    public SDVariable degrade(SameDiff sd, SDVariable output) {
        return switch (kind) {
            case DIRECT -> output;
            case COMPOSITE -> composite(sd, output);
            case RESIDUAL -> residual(sd, output);
        };
    }

    private SDVariable composite(SameDiff sd, SDVariable n) {
        DataType type = n.dataType();
        SDVariable progress = progress(sd, type, "the composite blend");
        SDVariable b = sd.constant(SCOPE + "bg", Images.toArray(background, type));
        SDVariable a = sd.constant(SCOPE + "alpha", Images.toArray(alpha, type));
        // α_t as the blend-* terms anneal it (AnnealedAlpha of dip-losses; a test holds them equal).
        SDVariable remaining = sd.math().clipByValue(progress.rsub(1.0), 0.0, 1.0);
        SDVariable gamma = sd.math().pow(remaining, annealPower).mul(annealScale).add(1.0);
        SDVariable logAlpha = sd.math().log(sd.math().clipByValue(a, LOG_FLOOR, 1.0));
        SDVariable alphaT = sd.math().clipByValue(SCOPE + "alpha-t", sd.math().exp(logAlpha.mul(gamma)), 0.0, 1.0);
        return b.add(SCOPE + "blend", alphaT.mul(n.sub(b)));
    }

    private SDVariable residual(SameDiff sd, SDVariable n) {
        SDVariable c = sd.constant(SCOPE + "base",
                Images.toArray(java.util.Objects.requireNonNull(base, "the residual output has a base"), n.dataType()));
        SDVariable r = n.mul(2.0).sub(1.0).mul(residualScale);
        if (residualRamp > 0) {
            SDVariable progress = progress(sd, n.dataType(), "the residual's ramp");
            r = r.mul(sd.math().clipByValue(progress.div(residualRamp), 0.0, 1.0));
        }
        return sd.math().clipByValue(SCOPE + "blend", c.add(r), 0.0, 1.0);
    }

    /** The engine's progress t/T in {@code type}; {@code user} names what needs it in the error. */
    private static SDVariable progress(SameDiff sd, DataType type, String user) {
        SDVariable progress = sd.getVariable(PROGRESS);
        if (progress == null) {
            throw new IllegalStateException(user + " needs the progress placeholder " + PROGRESS);
        }
        return progress.castTo(type);
    }

    /** F for a network output image at the end of the run (progress 1), computed as in the graph. */
    public Image apply(Image networkOutput) {
        if (kind == Kind.DIRECT) {
            return networkOutput;
        }
        SameDiff sd = SameDiff.create();
        sd.placeHolder(PROGRESS, DataType.DOUBLE);
        SDVariable n = sd.constant("n", Images.toArray(networkOutput, DataType.DOUBLE));
        SDVariable f = degrade(sd, n);
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(PROGRESS, Nd4j.scalar(DataType.DOUBLE, 1.0));
        return Images.fromArray(java.util.Objects.requireNonNull(sd.output(feed, f.name()).get(f.name())));
    }
}
