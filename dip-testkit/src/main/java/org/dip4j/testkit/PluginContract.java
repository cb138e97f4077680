package org.dip4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.dip4j.api.PluginKind;
import org.dip4j.api.PluginRegistry;
import org.dip4j.spi.Plugin;
import org.nd4j.linalg.factory.Nd4j;

/** The checks every kind of plugin shares; the contract classes call them with their plugin. */
final class PluginContract {
    private PluginContract() {}

    static void assertIdWellFormed(Plugin plugin) {
        assertThat(plugin.id()).as("id of %s", plugin.getClass().getName()).matches(Plugin.ID_PATTERN);
        assertThat(plugin.version()).as("version of %s", plugin.id()).isNotBlank();
    }

    /** ServiceLoader finds the plugin by its id, as the same class, on the plugin's own loader. */
    static void assertRegistered(Plugin plugin, Class<? extends Plugin> kind) {
        PluginRegistry registry = PluginRegistry.load(loaderOf(plugin));
        assertThat(registry.ids(kind))
                .as("ids of the %s plugins in META-INF/services/%s (problems: %s)", PluginKind.of(kind).label(),
                        kind.getName(), registry.problems())
                .contains(plugin.id());
        assertThat(registry.get(kind, plugin.id()).getClass()).isEqualTo(plugin.getClass());
    }

    /** {@code dip.<kind>.<id>} from the reference.conf files visible to the plugin's loader. */
    static Config referenceSettings(Plugin plugin, PluginKind kind) {
        Config reference = ConfigFactory.defaultReference(loaderOf(plugin));
        String path = kind.settingsPath(plugin.id());
        assertThat(reference.hasPath(path))
                .as("%s has defaults in its reference.conf under %s (an empty block `%s {}` if it has no settings)",
                        plugin.id(), path, plugin.id())
                .isTrue();
        return reference.getConfig(path);
    }

    /** The tested settings have every key the reference has, with the same types. */
    static void assertSettingsValid(Config settings, Config reference) {
        settings.checkValid(reference);
    }

    /**
     * Fails with the dependency to add when no ND4J backend is on the test class path (dip-testkit
     * brings the API only, so that a plugin chooses its backend: CPU or CUDA).
     */
    static void assertBackendPresent() {
        try {
            Nd4j.getBackend();
        } catch (RuntimeException | LinkageError e) {
            throw new AssertionError("no ND4J backend on the test class path: add org.dip4j:dip-backend-cpu "
                    + "(type pom, scope test, its version from org.dip4j:dip4j-bom) next to dip-testkit", e);
        }
    }

    static ClassLoader loaderOf(Plugin plugin) {
        ClassLoader cl = plugin.getClass().getClassLoader();
        return cl != null ? cl : ClassLoader.getSystemClassLoader();
    }
}
