package org.dip4j.cli;

import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginRegistry;
import org.dip4j.experiment.ExecutorProvider;

/** The engine {@code --engine ID} names: an executor plugin of the registry. */
final class Engines {
    private Engines() {}

    static ExecutorProvider get(PluginRegistry registry, String id) {
        if (!registry.contains(ExecutorProvider.class, id)) {
            throw new InvalidInputException("--engine " + id + ": unknown engine; available: "
                    + String.join(", ", registry.ids(ExecutorProvider.class))
                    + (id.equals("spark") ? " (the spark engine comes with the dip-spark module)" : ""));
        }
        return registry.get(ExecutorProvider.class, id);
    }
}
