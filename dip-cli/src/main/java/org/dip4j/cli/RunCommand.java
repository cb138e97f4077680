package org.dip4j.cli;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dip4j.api.Configs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code dip run FILE.conf}: runs a HOCON run file (or a run folder's {@code run.conf}). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the restoration a HOCON file describes (e.g. config/quickstart.conf or a run's run.conf).")
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.conf", description = "The run configuration.")
    Path file;

    @Mixin
    RunOptions options = new RunOptions();

    @Override
    public Integer call() {
        Config user = options.asConfig().withFallback(Configs.parseFile(file));
        return RunLauncher.launch(user, options.out, options.force, spec);
    }
}
