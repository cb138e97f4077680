package org.dip4j.samediff.engine;

import com.typesafe.config.Config;
import org.dip4j.api.InvalidInputException;

/**
 * The engine's settings of one run, read once from {@code dip.run}, {@code dip.optimizer},
 * {@code dip.input} and {@code dip.network}; defaults and documentation are in this module's
 * {@code reference.conf}.
 */
public record RunSettings(
        String task,
        long seed,
        int iterations,
        int logEvery,
        int snapshotEvery,
        int checkpointEvery,
        int collectEvery,
        boolean reuseArrays,
        Executor executor,
        boolean javaKernels,
        int stepsPerFit,
        String outputDirectory,
        String device,
        double ema,
        boolean backtrack,
        double backtrackPsnrDrop,
        int maxRestores,
        boolean earlyStop,
        int earlyStopWindow,
        int earlyStopPatience,
        boolean earlyStopHalt,
        double learningRate,
        double beta1,
        double beta2,
        double epsilon,
        InputKind inputKind,
        int inputChannels,
        double inputScale,
        double regNoiseStd,
        String architecture) {

    /** What runs the training steps. */
    public enum Executor {
        /** The gradient graph compiled once into a flat list of bound native calls (the default). */
        PLAN,
        /** SameDiff's own {@code fit}. */
        SAMEDIFF;

        public static Executor parse(String value) {
            return switch (value) {
                case "plan" -> PLAN;
                case "samediff" -> SAMEDIFF;
                default -> throw new InvalidInputException(
                        "dip.run.executor = '" + value + "' is not an executor; use plan or samediff");
            };
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Whether plan graphs use dip4j's Java kernels (fused BatchNorm + LeakyReLU, reflection
     * padding, bilinear upsampling): {@code auto} on the CPU backend only, since the kernels read
     * and write host memory; {@code on} (CPU backend only) or {@code off} to choose.
     */
    static boolean javaKernels(String value) {
        return switch (value) {
            case "auto" -> !Device.isGpuBuild();
            case "on" -> {
                if (Device.isGpuBuild()) {
                    throw new InvalidInputException("dip.run.java-kernels = on needs the CPU backend (the kernels"
                            + " work on host memory); use auto or off with the CUDA backend");
                }
                yield true;
            }
            case "off" -> false;
            default -> throw new InvalidInputException(
                    "dip.run.java-kernels = '" + value + "' is not a choice; use auto, on or off");
        };
    }

    /** Whether the graph is built for the plan executor with its Java kernels. */
    public boolean usesPlanGraph() {
        return executor == Executor.PLAN && javaKernels;
    }

    /** The network input z. */
    public enum InputKind {
        /** Uniform noise U[0, 1) times {@code scale}. */
        NOISE,
        /** Two channels [x, y], each running from 0 to 1 across the image. */
        MESHGRID
    }

    public RunSettings {
        require(iterations >= 1, "dip.run.iterations", "must be at least 1, got " + iterations);
        require(logEvery >= 1, "dip.run.log-every", "must be at least 1, got " + logEvery);
        require(snapshotEvery >= 0, "dip.run.snapshot-every", "must be 0 (off) or positive");
        require(checkpointEvery >= 0, "dip.run.checkpoint-every", "must be 0 (only at the end) or positive");
        require(stepsPerFit >= 1, "dip.run.steps-per-fit", "must be at least 1, got " + stepsPerFit);
        require(collectEvery >= 0, "dip.run.collect-every", "must be 0 (never) or positive");
        require(ema >= 0 && ema < 1, "dip.run.ema", "must be in [0, 1), got " + ema);
        require(earlyStopWindow >= 2, "dip.run.early-stop.window", "must be at least 2");
        require(earlyStopPatience >= 1, "dip.run.early-stop.patience", "must be at least 1");
        require(learningRate > 0, "dip.optimizer.learning-rate", "must be positive, got " + learningRate);
        require(inputChannels >= 1, "dip.input.channels", "must be at least 1");
        require(inputKind != InputKind.MESHGRID || inputChannels == 2, "dip.input.channels",
                "must be 2 for a meshgrid input, got " + inputChannels);
        require(regNoiseStd >= 0, "dip.input.reg-noise-std", "must not be negative");
    }

    public static RunSettings from(Config c) {
        String kind = c.getString("dip.input.kind");
        InputKind inputKind = switch (kind) {
            case "noise" -> InputKind.NOISE;
            case "meshgrid" -> InputKind.MESHGRID;
            default -> throw new InvalidInputException(
                    "dip.input.kind = '" + kind + "' is not an input kind; use noise or meshgrid");
        };
        return new RunSettings(
                c.getString("dip.run.task"),
                c.getLong("dip.run.seed"),
                c.getInt("dip.run.iterations"),
                c.getInt("dip.run.log-every"),
                c.getInt("dip.run.snapshot-every"),
                c.getInt("dip.run.checkpoint-every"),
                c.getInt("dip.run.collect-every"),
                c.getBoolean("dip.run.reuse-arrays"),
                Executor.parse(c.getString("dip.run.executor")),
                javaKernels(c.getString("dip.run.java-kernels")),
                c.getInt("dip.run.steps-per-fit"),
                c.getString("dip.run.output-dir"),
                c.getString("dip.run.device"),
                c.getDouble("dip.run.ema"),
                c.getBoolean("dip.run.backtrack.enabled"),
                c.getDouble("dip.run.backtrack.psnr-drop"),
                c.getInt("dip.run.backtrack.max-restores"),
                c.getBoolean("dip.run.early-stop.enabled"),
                c.getInt("dip.run.early-stop.window"),
                c.getInt("dip.run.early-stop.patience"),
                c.getBoolean("dip.run.early-stop.halt"),
                c.getDouble("dip.optimizer.learning-rate"),
                c.getDouble("dip.optimizer.beta1"),
                c.getDouble("dip.optimizer.beta2"),
                c.getDouble("dip.optimizer.epsilon"),
                inputKind,
                c.getInt("dip.input.channels"),
                c.getDouble("dip.input.scale"),
                c.getDouble("dip.input.reg-noise-std"),
                c.getString("dip.network.architecture"));
    }

    private static void require(boolean ok, String key, String message) {
        if (!ok) {
            throw new InvalidInputException(key + " " + message);
        }
    }
}
