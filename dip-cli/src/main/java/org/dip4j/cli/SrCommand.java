package org.dip4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dip sr}: super-resolution ×4 or ×8. */
@Command(name = "sr", mixinStandardHelpOptions = true,
        description = "Super-resolution: downscale --image and restore it, or enlarge a real --lr image.")
final class SrCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ArgGroup(multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--image", paramLabel = "HR.png", required = true,
                description = "High-resolution image: its Lanczos downscale is the input, itself the ground truth.")
        @Nullable Path image;

        @Option(names = "--lr", paramLabel = "LR.png", required = true,
                description = "A real low-resolution image (no ground truth: only psnr_lr is reported).")
        @Nullable Path lr;
    }

    @Option(names = "--factor", paramLabel = "4|8", description = "Scale factor (default 4).")
    @Nullable Integer factor;

    @Option(names = "--crop", paramLabel = "PX", description = "Centre crop of the high-resolution image (a multiple of 32).")
    @Nullable Integer crop;

    @Option(names = "--preset", defaultValue = "fast", description = "fast or paper. Default: ${DEFAULT-VALUE}.")
    String preset;

    @Mixin
    RunOptions options = new RunOptions();

    @Override
    public Integer call() {
        return new Shortcut("sr").task("image", input.image).task("lr", input.lr).task("factor", factor).task("crop-size", crop)
                .launch(preset, options, spec);
    }
}
