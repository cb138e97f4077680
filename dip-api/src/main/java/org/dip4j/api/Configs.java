package org.dip4j.api;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.dip4j.spi.Loss;
import org.jspecify.annotations.Nullable;

/**
 * Loading and checking run configurations: the {@code reference.conf} of every jar, under a
 * user's HOCON file, under {@code --set key=value} overrides.
 *
 * <p>Every key the user writes below {@code dip} must exist in some {@code reference.conf}, so a
 * misspelt key fails at start-up with its file, line and the closest real key, instead of being
 * silently ignored for a three-hour run.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Configs {
    private Configs() {}

    /** Parses a HOCON file; a missing file or a syntax error is an {@link InvalidInputException}. */
    public static Config parseFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("configuration file not found: " + file.toAbsolutePath());
        }
        try {
            return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new InvalidInputException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses classpath resource {@code name} (for presets), or fails naming it. */
    public static Config parseResource(ClassLoader loader, String name) {
        if (loader.getResource(name) == null) {
            throw new InvalidInputException("no bundled configuration '" + name + "'");
        }
        return ConfigFactory.parseResources(loader, name);
    }

    /**
     * Parses {@code key=value} overrides; the value is HOCON ({@code 3}, {@code "a b"},
     * {@code [1, 2]}). Later overrides win.
     */
    public static Config parseOverrides(List<String> assignments) {
        return parseOverrides(assignments, "override");
    }

    /**
     * As {@link #parseOverrides(List)}, naming the overrides' {@code source} in messages and in
     * the settings' origin (a command-line tool passes its option, e.g. {@code --set}).
     */
    public static Config parseOverrides(List<String> assignments, String source) {
        Config out = ConfigFactory.empty();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException(source + " expects key=value, got '" + a + "'");
            }
            String key = a.substring(0, eq).trim();
            String value = a.substring(eq + 1).trim();
            Config one;
            try {
                one = ConfigFactory.parseString(key + " = " + value,
                        ConfigParseOptions.defaults().setOriginDescription(source + " " + key));
            } catch (ConfigException e) {
                try {
                    // An unquoted value HOCON cannot parse (a path with ':'): take it as a string.
                    one = ConfigFactory.parseMap(Map.of(key, value), source + " " + key);
                } catch (ConfigException e2) {
                    throw new InvalidInputException("cannot parse " + source + " " + a + ": " + e.getMessage(), e);
                }
            }
            out = one.withFallback(out);
        }
        return out;
    }

    /**
     * The effective configuration: {@code user} over every {@code reference.conf} visible to
     * {@code loader}, resolved, and checked with {@link #checkKeys}.
     */
    public static Config resolve(Config user, ClassLoader loader, PluginRegistry registry) {
        Config reference = ConfigFactory.defaultReference(loader);
        checkKeys(user, reference, registry);
        Config effective;
        try {
            effective = user.withFallback(reference).resolve();
        } catch (ConfigException e) {
            throw new InvalidInputException("configuration error: " + e.getMessage(), e);
        }
        try {
            effective.checkValid(reference, "dip");
        } catch (ConfigException.ValidationFailed e) {
            throw new InvalidInputException("configuration error: " + e.getMessage(), e);
        }
        return effective;
    }

    /**
     * Fails on the first key below {@code dip} that no reference defines. Keys inside a task's
     * {@code losses} block are loss ids and are checked against the registry instead.
     */
    public static void checkKeys(Config user, Config reference, PluginRegistry registry) {
        if (!user.hasPath("dip")) {
            return;
        }
        Set<String> known = new TreeSet<>();
        for (Map.Entry<String, ConfigValue> e : reference.entrySet()) {
            known.add(e.getKey());
        }
        for (Map.Entry<String, ConfigValue> e : user.withOnlyPath("dip").entrySet()) {
            String key = e.getKey();
            if (known.contains(key) || isPrefixOfKnownList(key, known)) {
                continue;
            }
            String lossId = lossIdIn(key);
            if (lossId != null) {
                if (!registry.contains(Loss.class, lossId)) {
                    registry.get(Loss.class, lossId); // throws with the available ids
                }
                continue;
            }
            throw new InvalidInputException("unknown configuration key '%s' (%s)%s".formatted(
                    key, where(e.getValue()), suggestion(key, known)));
        }
    }

    private static boolean isPrefixOfKnownList(String key, Set<String> known) {
        // Keys inside a list-of-objects value are reported with their full path by entrySet.
        for (String k : known) {
            if (key.startsWith(k + ".")) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String lossIdIn(String key) {
        String[] parts = key.split("\\.");
        // dip.tasks.<task>.losses.<loss id>
        if (parts.length == 5 && parts[1].equals("tasks") && parts[3].equals("losses")) {
            return parts[4].replace("\"", "");
        }
        return null;
    }

    private static String where(ConfigValue v) {
        String d = v.origin().description();
        return d == null ? "unknown origin" : d;
    }

    private static String suggestion(String key, Set<String> known) {
        List<String> sameParent = new ArrayList<>();
        String parent = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : "";
        for (String k : known) {
            if (k.startsWith(parent + ".")) {
                sameParent.add(k);
            }
        }
        return Names.closest(key, sameParent.isEmpty() ? known : sameParent)
                .map(c -> "; did you mean '" + c + "'?")
                .orElse("; see the reference.conf of the module that owns this subtree");
    }

    /** A HOCON string that renders the effective {@code dip} tree, with comments saying where values came from. */
    public static String render(Config config) {
        return config.withOnlyPath("dip").root().render(com.typesafe.config.ConfigRenderOptions.defaults()
                .setOriginComments(false).setComments(false).setJson(false).setFormatted(true));
    }

    /** Reads a list of doubles or a single number as a one-element list. */
    public static List<Double> doubles(Config c, String path) {
        if (c.getValue(path).valueType() == ConfigValueType.LIST) {
            return c.getDoubleList(path);
        }
        return List.of(c.getDouble(path));
    }
}
