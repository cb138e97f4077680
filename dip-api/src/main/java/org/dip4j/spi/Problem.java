package org.dip4j.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.dip4j.api.Image;
import org.jspecify.annotations.Nullable;

/**
 * A prepared restoration problem: the observation the network is fitted to, what the network
 * must produce, and whatever the losses and metrics need besides.
 *
 * <p>Build one with {@link #builder(Image)}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Problem {
    private final Image observation;
    private final @Nullable Image groundTruth;
    private final @Nullable Image mask;
    private final int outputChannels;
    private final int outputHeight;
    private final int outputWidth;
    private final ForwardModel forwardModel;
    private final Map<String, Image> auxiliary;
    private final Map<String, Image> inputsToSave;

    private Problem(Builder b) {
        this.observation = b.observation;
        this.groundTruth = b.groundTruth;
        this.mask = b.mask;
        this.outputChannels = b.outputChannels == 0 ? b.observation.channels() : b.outputChannels;
        this.outputHeight = b.outputHeight == 0 ? b.observation.height() : b.outputHeight;
        this.outputWidth = b.outputWidth == 0 ? b.observation.width() : b.outputWidth;
        this.forwardModel = b.forwardModel;
        this.auxiliary = Collections.unmodifiableMap(new LinkedHashMap<>(b.auxiliary));
        this.inputsToSave = Collections.unmodifiableMap(new LinkedHashMap<>(b.inputsToSave));
        if (groundTruth != null && (groundTruth.height() != outputHeight || groundTruth.width() != outputWidth)) {
            throw new IllegalArgumentException("ground truth " + groundTruth.shape()
                    + " does not match the output size " + outputHeight + "×" + outputWidth);
        }
        if (mask != null && (mask.channels() != 1 || mask.height() != observation.height()
                || mask.width() != observation.width())) {
            throw new IllegalArgumentException("mask " + mask.shape() + " must be 1×H×W of the observation "
                    + observation.shape());
        }
    }

    /** Starts a problem whose loss compares the (degraded) output with {@code observation}. */
    public static Builder builder(Image observation) {
        return new Builder(observation);
    }

    /** The degraded image the network is fitted to. */
    public Image observation() {
        return observation;
    }

    /** The clean image, when known (synthetic degradations); null for real inputs. */
    public @Nullable Image groundTruth() {
        return groundTruth;
    }

    /** 1×H×W at observation size, 1 where the observation is known; null when all of it is. */
    public @Nullable Image mask() {
        return mask;
    }

    public int outputChannels() {
        return outputChannels;
    }

    public int outputHeight() {
        return outputHeight;
    }

    public int outputWidth() {
        return outputWidth;
    }

    /** Maps the network output to the observation's space inside the graph. */
    public ForwardModel forwardModel() {
        return forwardModel;
    }

    /** Named extra images for losses and metrics (for example {@code fg}, {@code bg}). */
    public Map<String, Image> auxiliary() {
        return auxiliary;
    }

    /** Images the run folder keeps beside the result, by file name (for example {@code noisy.png}). */
    public Map<String, Image> inputsToSave() {
        return inputsToSave;
    }

    /** Builder of {@link Problem}; sizes default to the observation's. */
    public static final class Builder {
        private final Image observation;
        private @Nullable Image groundTruth;
        private @Nullable Image mask;
        private int outputChannels;
        private int outputHeight;
        private int outputWidth;
        private ForwardModel forwardModel = ForwardModel.identity();
        private final Map<String, Image> auxiliary = new LinkedHashMap<>();
        private final Map<String, Image> inputsToSave = new LinkedHashMap<>();

        private Builder(Image observation) {
            this.observation = Objects.requireNonNull(observation, "observation");
        }

        public Builder groundTruth(@Nullable Image groundTruth) {
            this.groundTruth = groundTruth;
            return this;
        }

        public Builder mask(@Nullable Image mask) {
            this.mask = mask;
            return this;
        }

        /** The network output's size when it differs from the observation's (super-resolution). */
        public Builder outputSize(int channels, int height, int width) {
            this.outputChannels = channels;
            this.outputHeight = height;
            this.outputWidth = width;
            return this;
        }

        public Builder forwardModel(ForwardModel forwardModel) {
            this.forwardModel = Objects.requireNonNull(forwardModel, "forwardModel");
            return this;
        }

        public Builder auxiliary(String name, Image image) {
            auxiliary.put(name, image);
            return this;
        }

        public Builder saveInput(String fileName, Image image) {
            inputsToSave.put(fileName, image);
            return this;
        }

        public Problem build() {
            return new Problem(this);
        }
    }
}
