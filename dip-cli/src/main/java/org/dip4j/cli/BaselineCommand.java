package org.dip4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.OutputPaths;
import org.dip4j.tasks.blend.baseline.BlendBaselines;
import org.dip4j.tasks.sr.SrBaselines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dip baseline sr|blend}: the classical methods DIP is compared with, on their own. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Run a classical baseline: upsampling for SR, or alpha/Laplacian/Poisson blending.",
        subcommands = {BaselineCommand.Sr.class, BaselineCommand.Blend.class})
final class BaselineCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a baseline: sr or blend");
    }

    @Command(name = "sr", mixinStandardHelpOptions = true, description = "Upsample a low-resolution image.")
    static final class Sr implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--method", required = true, description = "nearest, bilinear, bicubic or lanczos (Pillow-exact).")
        String method;

        @Option(names = "--lr", required = true, paramLabel = "LR.png", description = "The low-resolution image.")
        Path lr;

        @Option(names = "--factor", required = true, paramLabel = "F", description = "Scale factor.")
        int factor;

        @Option(names = "--out", required = true, paramLabel = "OUT.png", description = "Where to write the result.")
        Path out;

        @Override
        public Integer call() {
            OutputPaths.checkFile(out);
            Image up = SrBaselines.upsample(Images.readRgb(lr), factor, method);
            Images.writePng(up, out);
            spec.commandLine().getOut().println(out + " (" + up.width() + "×" + up.height() + ")");
            return 0;
        }
    }

    @Command(name = "blend", mixinStandardHelpOptions = true, description = "Blend a foreground into a background.")
    static final class Blend implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--method", required = true,
                description = "alpha, feather, laplacian, poisson or poisson-mixed.")
        String method;

        @Option(names = "--fg", required = true, paramLabel = "FILE") Path fg;

        @Option(names = "--bg", required = true, paramLabel = "FILE") Path bg;

        @Option(names = "--mask", required = true, paramLabel = "FILE", description = "White = foreground.")
        Path mask;

        @Option(names = "--out", required = true, paramLabel = "OUT.png") Path out;

        @Override
        public Integer call() {
            OutputPaths.checkFile(out);
            Image result = BlendBaselines.blend(method, Images.readRgb(fg), Images.readRgb(bg), Images.readMask(mask));
            Images.writePng(result, out);
            spec.commandLine().getOut().println(out);
            return 0;
        }
    }
}
