package org.dip4j.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dip4j.api.Configs;
import org.dip4j.api.InvalidInputException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds and launches the run behind a task shortcut such as {@code dip denoise --image F}:
 * the task's preset ({@code dip/presets/<task>-<preset>.conf} on the classpath), under the
 * shortcut's own options, under {@code --set} and the other shared options.
 */
final class Shortcut {
    private final String task;
    private final Map<String, Object> settings = new LinkedHashMap<>();

    Shortcut(String task) {
        this.task = task;
        settings.put("dip.run.task", task);
    }

    /** Sets {@code key} when {@code value} is not null. */
    Shortcut set(String key, @org.jspecify.annotations.Nullable Object value) {
        if (value != null) {
            settings.put(key, value instanceof java.nio.file.Path p ? p.toString() : value);
        }
        return this;
    }

    /** Sets {@code dip.tasks.<task>.<key>} when {@code value} is not null. */
    Shortcut task(String key, @org.jspecify.annotations.Nullable Object value) {
        return set("dip.tasks." + task + "." + key, value);
    }

    int launch(String preset, RunOptions options, CommandSpec command) {
        String resource = "dip/presets/" + task + "-" + preset + ".conf";
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader.getResource(resource) == null) {
            throw new InvalidInputException("no preset '" + preset + "' for " + task + "; use fast or paper");
        }
        Config user = options.asConfig()
                .withFallback(ConfigFactory.parseMap(settings, "command-line options"))
                .withFallback(Configs.parseResource(loader, resource));
        return RunLauncher.launch(user, options.out, options.force, command);
    }
}
