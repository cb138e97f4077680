package org.dip4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dip denoise}: Gaussian denoising of a clean image, or blind denoising of a noisy one. */
@Command(name = "denoise", mixinStandardHelpOptions = true,
        description = "Denoise: add Gaussian noise to --image and restore it, or restore a real --noisy image.")
final class DenoiseCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ArgGroup(multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--image", paramLabel = "FILE", required = true,
                description = "Clean image; synthetic noise of --sigma is added and PSNR is measured against it.")
        @Nullable Path image;

        @Option(names = "--noisy", paramLabel = "FILE", required = true,
                description = "An image that is already noisy (e.g. a JPEG); no ground truth.")
        @Nullable Path noisy;
    }

    @Option(names = "--sigma", paramLabel = "S", description = "Noise std on the 0-255 scale (default 25).")
    @Nullable Double sigma;

    @Option(names = "--crop", paramLabel = "PX", description = "Centre crop to PX×PX first (quick runs).")
    @Nullable Integer crop;

    @Option(names = "--preset", defaultValue = "fast",
            description = "fast (a 32-channel network, 1200 iterations: about 3 minutes at 128² on 2 idle cores) or paper (the reference settings). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Mixin
    RunOptions options = new RunOptions();

    @Override
    public Integer call() {
        return new Shortcut("denoise")
                .task("image", input.image).task("noisy", input.noisy).task("sigma", sigma).task("crop-size", crop)
                .launch(preset, options, spec);
    }
}
