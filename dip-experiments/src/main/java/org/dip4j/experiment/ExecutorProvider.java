package org.dip4j.experiment;

import java.util.concurrent.atomic.AtomicBoolean;
import org.dip4j.api.PluginRegistry;
import org.dip4j.samediff.engine.RunObserver;
import org.jspecify.annotations.Nullable;

/**
 * An execution engine for experiment grids, found with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/org.dip4j.experiment.ExecutorProvider}: {@code local} here, {@code spark}
 * in {@code dip-spark}. The CLI picks one with {@code --engine ID}.
 */
public interface ExecutorProvider {
    /** The engine's id for {@code --engine}. */
    String id();

    /** An executor for one experiment. */
    RunExecutor create(Options options);

    /**
     * What an engine may use.
     *
     * @param master   the cluster to run on ({@code --master}), or null for the engine's default
     * @param registry the plugins of the driver (an engine running elsewhere ships their jars)
     * @param observer progress of runs executed in this JVM
     * @param stop     set on Ctrl-C
     */
    record Options(@Nullable String master, PluginRegistry registry, RunObserver observer, AtomicBoolean stop) {}
}
