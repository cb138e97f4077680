package org.dip4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dip blend}: multi-scale DIP blending of a foreground into a background. */
@Command(name = "blend", mixinStandardHelpOptions = true,
        description = "Blend --fg into --bg through the coarse --mask with a DIP network.")
final class BlendCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--fg", paramLabel = "FILE", required = true, description = "Foreground, placed over the background.")
    Path fg;

    @Option(names = "--bg", paramLabel = "FILE", required = true, description = "Background of the same size.")
    Path bg;

    @Option(names = "--mask", paramLabel = "FILE", required = true, description = "Coarse mask: white = foreground.")
    Path mask;

    @Option(names = "--preset", defaultValue = "fast", description = "fast or paper. Default: ${DEFAULT-VALUE}.")
    String preset;

    @Mixin
    RunOptions options = new RunOptions();

    @Override
    public Integer call() {
        return new Shortcut("blend").task("foreground", fg).task("background", bg).task("mask", mask)
                .launch(preset, options, spec);
    }
}
