package org.dip4j.spi;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.dip4j.api.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The graph a {@link Loss} builds into: the network output, its degraded prediction, the
 * observation and the problem's extra images, all as variables of one {@link SameDiff}.
 * Shapes are 1×C×H×W; masks are 1×1×H×W.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class LossGraph {
    private final SameDiff sameDiff;
    private final SDVariable output;
    private final SDVariable prediction;
    private final SDVariable observation;
    private final @Nullable SDVariable mask;
    private final Map<String, SDVariable> auxiliary;
    private final @Nullable SDVariable progress;
    private final Config settings;
    private final String scope;

    private LossGraph(Builder b) {
        this.sameDiff = b.sameDiff;
        this.output = Objects.requireNonNull(b.output, "output");
        this.prediction = b.prediction == null ? b.output : b.prediction;
        this.observation = Objects.requireNonNull(b.observation, "observation");
        this.mask = b.mask;
        this.auxiliary = Map.copyOf(b.auxiliary);
        this.progress = b.progress;
        this.settings = b.settings;
        this.scope = b.scope;
    }

    public static Builder builder(SameDiff sameDiff) {
        return new Builder(sameDiff);
    }

    public SameDiff sameDiff() {
        return sameDiff;
    }

    /** The network output at full resolution, 1×C×H×W in (0, 1). */
    public SDVariable output() {
        return output;
    }

    /** The output mapped by the problem's forward model, the same shape as the observation. */
    public SDVariable prediction() {
        return prediction;
    }

    /** The observation, a constant. */
    public SDVariable observation() {
        return observation;
    }

    /** The known-pixel mask (1 = known) at observation size, or null when every pixel is known. */
    public @Nullable SDVariable mask() {
        return mask;
    }

    /** A named extra image of the problem (such as {@code fg}); a clear error when absent. */
    public SDVariable auxiliary(String name) {
        SDVariable v = auxiliary.get(name);
        if (v == null) {
            throw new InvalidInputException("loss needs the image '" + name + "', which this task does not provide"
                    + " (available: " + auxiliary.keySet() + ")");
        }
        return v;
    }

    /** Whether the problem provides the extra image {@code name}. */
    public boolean hasAuxiliary(String name) {
        return auxiliary.containsKey(name);
    }

    /**
     * The run's progress t/T as a scalar placeholder, fed by the engine every iteration; for
     * schedules such as an annealed blending map.
     */
    public SDVariable progress() {
        if (progress == null) {
            throw new IllegalStateException("this graph has no progress placeholder");
        }
        return progress;
    }

    /** The loss's own settings, {@code dip.losses.<id>}. */
    public Config settings() {
        return settings;
    }

    /** A graph-unique variable name for this loss: {@code <loss id>/<suffix>}. */
    public String name(String suffix) {
        return scope.isEmpty() ? suffix : scope + "/" + suffix;
    }

    /** The same graph seen by another loss, with its settings and name scope. */
    public LossGraph forLoss(String id, Config lossSettings) {
        Builder b = new Builder(sameDiff);
        b.output = output;
        b.prediction = prediction;
        b.observation = observation;
        b.mask = mask;
        b.auxiliary.putAll(auxiliary);
        b.progress = progress;
        b.settings = lossSettings;
        b.scope = id;
        return new LossGraph(b);
    }

    /** Builder of {@link LossGraph}. */
    public static final class Builder {
        private final SameDiff sameDiff;
        private @Nullable SDVariable output;
        private @Nullable SDVariable prediction;
        private @Nullable SDVariable observation;
        private @Nullable SDVariable mask;
        private final Map<String, SDVariable> auxiliary = new LinkedHashMap<>();
        private @Nullable SDVariable progress;
        private Config settings = ConfigFactory.empty();
        private String scope = "";

        private Builder(SameDiff sameDiff) {
            this.sameDiff = Objects.requireNonNull(sameDiff, "sameDiff");
        }

        public Builder output(SDVariable output) {
            this.output = output;
            return this;
        }

        /** Defaults to the output (identity forward model). */
        public Builder prediction(SDVariable prediction) {
            this.prediction = prediction;
            return this;
        }

        public Builder observation(SDVariable observation) {
            this.observation = observation;
            return this;
        }

        public Builder mask(@Nullable SDVariable mask) {
            this.mask = mask;
            return this;
        }

        public Builder auxiliary(String name, SDVariable image) {
            auxiliary.put(name, image);
            return this;
        }

        public Builder progress(SDVariable progress) {
            this.progress = progress;
            return this;
        }

        public Builder settings(Config settings) {
            this.settings = settings;
            return this;
        }

        public LossGraph build() {
            return new LossGraph(this);
        }
    }
}
