package org.dip4j.cli;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options every run command shares: overrides, output folder, iterations, seed. */
final class RunOptions {
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one setting, e.g. --set dip.run.iterations=500 (HOCON value; repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: runs/<task>-<time>).")
    @Nullable Path out;

    @Option(names = "--force", description = "Replace the run already in the --out folder (its results, "
            + "checkpoint and snapshots are deleted first).")
    boolean force;

    @Option(names = "--iterations", paramLabel = "N", description = "Number of iterations.")
    @Nullable Integer iterations;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random stream of the run.")
    @Nullable Long seed;

    /** The overrides as a config that wins over everything else. */
    Config asConfig() {
        List<String> all = new ArrayList<>();
        if (iterations != null) {
            all.add("dip.run.iterations=" + iterations);
        }
        if (seed != null) {
            all.add("dip.run.seed=" + seed);
        }
        all.addAll(overrides);
        return org.dip4j.api.Configs.parseOverrides(all, "--set");
    }
}
