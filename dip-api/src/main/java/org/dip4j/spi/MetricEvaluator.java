package org.dip4j.spi;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.OptionalDouble;
import org.apiguardian.api.API;
import org.dip4j.api.Configs;
import org.dip4j.api.PluginKind;
import org.dip4j.api.PluginRegistry;

/**
 * Evaluates metric plugins by id with a run's settings ({@code dip.metrics.<id>}), the way the
 * run's {@code metrics.csv} does, so that a task's report gives the same numbers for the same
 * images without depending on the metric implementations.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface MetricEvaluator {
    /**
     * The metric {@code id} on {@code inputs}, with the run's settings for it (those in
     * {@code inputs} are replaced); empty when it does not apply.
     */
    OptionalDouble evaluate(String id, MetricInputs inputs);

    /** The metrics of {@code registry}, each with its settings in the resolved {@code config}. */
    static MetricEvaluator of(PluginRegistry registry, Config config) {
        return (id, inputs) -> {
            String path = PluginKind.METRIC.settingsPath(id);
            Config settings = config.hasPath(path) ? config.getConfig(path) : ConfigFactory.empty();
            return registry.get(Metric.class, id).evaluate(inputs.withSettings(settings));
        };
    }

    /** The metrics visible to {@code loader}, with their default settings. */
    static MetricEvaluator defaults(ClassLoader loader) {
        PluginRegistry registry = PluginRegistry.load(loader);
        return of(registry, Configs.resolve(ConfigFactory.empty(), loader, registry));
    }
}
