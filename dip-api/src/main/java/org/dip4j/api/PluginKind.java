package org.dip4j.api;

import org.apiguardian.api.API;
import org.dip4j.spi.Architecture;
import org.dip4j.spi.ExecutorPlugin;
import org.dip4j.spi.Loss;
import org.dip4j.spi.Metric;
import org.dip4j.spi.Plugin;
import org.dip4j.spi.Task;

/** The five kinds of plugin, each with its service interface and configuration subtree. */
@API(status = API.Status.STABLE, since = "0.1")
public enum PluginKind {
    TASK(Task.class, "tasks"),
    LOSS(Loss.class, "losses"),
    ARCHITECTURE(Architecture.class, "architectures"),
    METRIC(Metric.class, "metrics"),
    /** Engines for many runs ({@code --engine}); implementations extend {@code ExecutorProvider}. */
    EXECUTOR(ExecutorPlugin.class, "executors");

    private final Class<? extends Plugin> serviceType;
    private final String configKey;

    PluginKind(Class<? extends Plugin> serviceType, String configKey) {
        this.serviceType = serviceType;
        this.configKey = configKey;
    }

    public Class<? extends Plugin> serviceType() {
        return serviceType;
    }

    /** The settings path of plugin {@code id}: {@code dip.<kind>.<id>}. */
    public String settingsPath(String id) {
        return "dip." + configKey + "." + id;
    }

    /** Singular lower-case name for messages: "task", "loss", "architecture", "metric", "executor". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The kind whose service interface is {@code type} or a supertype of it (ExecutorProvider). */
    public static PluginKind of(Class<? extends Plugin> type) {
        for (PluginKind k : values()) {
            if (k.serviceType.isAssignableFrom(type)) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a plugin service type: " + type.getName());
    }
}
