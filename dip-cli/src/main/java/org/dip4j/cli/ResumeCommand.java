package org.dip4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dip4j.api.Configs;
import org.dip4j.samediff.engine.Checkpoint;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dip resume RUN_DIR}: continues a stopped or crashed run from its last checkpoint. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a run from the checkpoint in its folder (same settings, same numbers).")
final class ResumeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run folder (holds run.conf and checkpoint.zip).")
    Path folder;

    @Override
    public Integer call() {
        // Read once here only to name a missing, empty or foreign checkpoint before anything else.
        Checkpoint.read(folder.resolve(Checkpoint.FILE));
        return RunLauncher.resume(Configs.parseFile(folder.resolve("run.conf")), folder, spec);
    }
}
