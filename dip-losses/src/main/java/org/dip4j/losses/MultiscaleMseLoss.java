package org.dip4j.losses;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import org.dip4j.api.Configs;
import org.dip4j.api.InvalidInputException;
import org.dip4j.spi.Loss;
import org.dip4j.spi.LossGraph;
import org.jspecify.annotations.Nullable;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * {@code multiscale-mse}: the report's multi-scale DIP loss (section 4.2),
 * {@code Σ_s w_s · ‖M_s ⊙ (O_s − I_s)‖² / ‖M_s‖₁}, where {@code X_s} is X average-pooled over
 * non-overlapping s×s blocks and {@code ‖M_s‖₁} counts the mask over all C channels, so each
 * term is a mean squared error over the known samples at that scale.
 *
 * <p>{@code pooling = masked-residual} (the default) masks the residual before pooling it:
 * {@code O_s − I_s} is taken as {@code pool(M ⊙ (O − I))}. For a binary mask and s = 1 this is
 * exactly the report's term; for s &gt; 1 it keeps the loss blind to missing samples, whose
 * observation values may be anything (the inpaint task keeps the clean image there).
 * {@code pooling = separate} is the report's literal formula, {@code M_s ⊙ (pool(O) − pool(I))},
 * with I the masked image (hidden samples zero, as in the reference's masked input, never the
 * clean values the task keeps there): at a hole's edge a block then compares the output's hidden
 * samples with zeros. {@code docs/results/multiscale-pooling/} compares the two.
 *
 * <p>When H or W is not a multiple of a scale, that scale's term leaves out the last
 * {@code H mod s} rows and {@code W mod s} columns (see {@link GraphOps#averagePool}); a scale larger
 * than the image is rejected. Without a mask every sample counts as known.
 */
public final class MultiscaleMseLoss implements Loss {
    private static final String ID = "multiscale-mse";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "weighted masked MSE at several average-pooled scales (multi-scale DIP)";
    }

    @Override
    public SDVariable define(LossGraph graph) {
        List<Term> terms = terms(graph.settings());
        checkScalesFit(terms, graph.observation());
        Pooling pooling = Pooling.from(graph.settings());
        SameDiff sd = graph.sameDiff();
        @Nullable SDVariable mask = graph.mask();
        SDVariable total = null;
        for (Term t : terms) {
            if (t.weight() == 0) {
                continue; // an unused scale costs nothing
            }
            SDVariable term = scaleTerm(sd, graph.prediction(), graph.observation(), mask, t.scale(), pooling)
                    .mul(t.weight());
            total = total == null ? term : total.add(term);
        }
        if (total == null) {
            throw new InvalidInputException("every weight in " + key("weights") + " is 0; give at least one scale a"
                    + " positive weight, or set this loss's weight in the task's losses block to 0");
        }
        return sd.identity(graph.name("value"), total);
    }

    /** How O, I and M come to scale s: see the class comment. */
    enum Pooling {
        /** {@code R_s = pool(M ⊙ (O − I))}: hidden samples never reach the loss (the default). */
        MASKED_RESIDUAL("masked-residual"),
        /** {@code R_s = pool(O) − pool(M ⊙ I)}: the report's formula, I's hidden samples zero. */
        SEPARATE("separate");

        private final String name;

        Pooling(String name) {
            this.name = name;
        }

        static Pooling from(Config settings) {
            String v = settings.hasPath("pooling") ? settings.getString("pooling") : MASKED_RESIDUAL.name;
            for (Pooling p : values()) {
                if (p.name.equals(v)) {
                    return p;
                }
            }
            throw new InvalidInputException(key("pooling") + " must be masked-residual or separate, got '" + v + "'");
        }
    }

    /**
     * {@code ‖M_s ⊙ R_s‖² / (C·‖M_s‖)}, written as a ratio of means so the channel count never has
     * to be known: mean over C·h·w of the numerator over mean over h·w of the mask.
     */
    private static SDVariable scaleTerm(SameDiff sd, SDVariable prediction, SDVariable observation,
            @Nullable SDVariable mask, int s, Pooling pooling) {
        SDVariable r;
        if (mask == null) {
            r = GraphOps.averagePool(sd, prediction.sub(observation), s);
        } else if (pooling == Pooling.MASKED_RESIDUAL) {
            r = GraphOps.averagePool(sd, prediction.sub(observation).mul(mask), s);
        } else {
            // The report's masked image has zeros where pixels are hidden, never the values the task keeps there.
            r = GraphOps.averagePool(sd, prediction, s).sub(GraphOps.averagePool(sd, observation.mul(mask), s));
        }
        if (mask == null) {
            return sd.mean(sd.math().square(r));
        }
        SDVariable m = GraphOps.averagePool(sd, mask, s);
        return sd.mean(sd.math().square(r.mul(m))).div(sd.mean(m));
    }

    /** One scale and its weight. */
    record Term(int scale, double weight) {}

    /** The validated {@code scales} and {@code weights}, paired in order. */
    static List<Term> terms(Config settings) {
        List<Integer> scales;
        List<Double> weights;
        try {
            scales = settings.getIntList("scales");
        } catch (ConfigException e) {
            throw new InvalidInputException(key("scales") + " must be a list of positive integers: " + e.getMessage(), e);
        }
        try {
            weights = Configs.doubles(settings, "weights");
        } catch (ConfigException e) {
            throw new InvalidInputException(key("weights") + " must be a list of numbers: " + e.getMessage(), e);
        }
        if (scales.isEmpty()) {
            throw new InvalidInputException(key("scales") + " is empty; give at least one scale, e.g. [1, 2, 4]");
        }
        if (scales.size() != weights.size()) {
            throw new InvalidInputException("%s has %d entries but %s has %d; give one weight per scale"
                    .formatted(key("weights"), weights.size(), key("scales"), scales.size()));
        }
        List<Term> out = new ArrayList<>();
        for (int i = 0; i < scales.size(); i++) {
            int s = scales.get(i);
            double w = weights.get(i);
            if (s <= 0) {
                throw new InvalidInputException(key("scales") + " must be positive, got " + s);
            }
            if (!Double.isFinite(w) || w < 0) {
                throw new InvalidInputException(key("weights") + " must be finite and not negative, got " + w);
            }
            out.add(new Term(s, w));
        }
        return out;
    }

    /** Fails clearly when a scale exceeds the image; the observation is a constant, so its size is known. */
    private static void checkScalesFit(List<Term> terms, SDVariable observation) {
        long[] shape = observation.getShape();
        if (shape == null || shape.length != 4 || shape[2] <= 0 || shape[3] <= 0) {
            return; // unknown until execution: pooling will fail there instead
        }
        for (Term t : terms) {
            if (t.scale() > shape[2] || t.scale() > shape[3]) {
                throw new InvalidInputException("%s contains %d, larger than the %d×%d image".formatted(
                        key("scales"), t.scale(), shape[2], shape[3]));
            }
        }
    }

    private static String key(String setting) {
        return "dip.losses." + ID + "." + setting;
    }
}
