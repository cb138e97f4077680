package org.dip4j.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dip4j.api.InvalidInputException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dip inpaint}: fill the pixels a mask hides. */
@Command(name = "inpaint", mixinStandardHelpOptions = true,
        description = "Inpainting: restore the pixels of --image that the mask hides.")
final class InpaintCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--image", paramLabel = "FILE", required = true, description = "The image (also the ground truth).")
    Path image;

    @CommandLine.ArgGroup(multiplicity = "1")
    MaskSource mask;

    static final class MaskSource {
        @Option(names = "--mask", paramLabel = "FILE", required = true,
                description = "Mask file of the image's size: white = known, black = missing.")
        @Nullable Path file;

        @Option(names = "--drop", paramLabel = "FRACTION", required = true,
                description = "Drop this fraction of the pixels at random (seeded).")
        @Nullable Double drop;

        @Option(names = "--text", paramLabel = "TEXT", required = true, description = "Hide this text drawn over the image.")
        @Nullable String text;
    }

    @Option(names = "--loss", paramLabel = "ID",
            description = "masked-mse (the original DIP) or multiscale-mse (the report's multi-scale loss).")
    @Nullable String loss;

    @Option(names = "--crop", paramLabel = "PX", description = "Centre crop to PX×PX first (a multiple of 64).")
    @Nullable Integer crop;

    @Option(names = "--preset", defaultValue = "fast", description = "fast or paper. Default: ${DEFAULT-VALUE}.")
    String preset;

    @Mixin
    RunOptions options = new RunOptions();

    @Override
    public Integer call() {
        if (mask.drop != null && !(mask.drop > 0 && mask.drop < 1)) {
            throw new InvalidInputException("--drop must be a fraction between 0 and 1 (exclusive), e.g. --drop 0.5;"
                    + " got " + mask.drop);
        }
        Shortcut s = new Shortcut("inpaint").task("image", image).task("mask", mask.file).task("drop", mask.drop)
                .task("text", mask.text).task("crop-size", crop);
        if (loss != null) {
            s.task("losses", Map.of(loss, 1.0, loss.equals("masked-mse") ? "multiscale-mse" : "masked-mse", 0.0));
        }
        return s.launch(preset, options, spec);
    }
}
