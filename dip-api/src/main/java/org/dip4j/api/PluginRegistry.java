package org.dip4j.api;

import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.dip4j.spi.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every plugin on a class loader, by kind and id, found with {@link ServiceLoader}.
 *
 * <p>One broken jar does not take the others down: a provider that fails to load is recorded in
 * {@link #problems()}, naming its jar, and skipped. Two plugins of one kind with the same id keep
 * the first found and record a problem naming both jars; a run that selects that id fails with
 * the same message, since silently using either one would change results without a trace.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class PluginRegistry {
    private static final Logger log = LoggerFactory.getLogger(PluginRegistry.class);

    private final Map<PluginKind, Map<String, Plugin>> plugins = new EnumMap<>(PluginKind.class);
    private final Map<PluginKind, Map<String, String>> conflicts = new EnumMap<>(PluginKind.class);
    private final List<String> problems = new ArrayList<>();

    private PluginRegistry(ClassLoader loader, List<String> earlierProblems) {
        problems.addAll(earlierProblems);
        for (PluginKind kind : PluginKind.values()) {
            plugins.put(kind, discover(kind, loader));
        }
    }

    /** The plugins visible to the thread's context class loader. */
    public static PluginRegistry load() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return new PluginRegistry(cl == null ? PluginRegistry.class.getClassLoader() : cl, List.of());
    }

    /** The plugins visible to {@code loader} (for example one that adds a plugins folder). */
    public static PluginRegistry load(ClassLoader loader) {
        return new PluginRegistry(loader, List.of());
    }

    /**
     * The plugins of a {@link PluginPath} (the classpath plus external plugin jars); the path's
     * own warnings, such as a jar without service files, come first in {@link #problems()}.
     */
    public static PluginRegistry load(PluginPath path) {
        return new PluginRegistry(path.classLoader(), path.warnings());
    }

    private Map<String, Plugin> discover(PluginKind kind, ClassLoader loader) {
        Map<String, Plugin> byId = new TreeMap<>();
        Map<String, String> clashes = new TreeMap<>();
        Iterator<? extends Plugin> it = ServiceLoader.load(kind.serviceType(), loader).iterator();
        int failures = 0;
        while (true) {
            Plugin p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError e) {
                problem("skipped a %s plugin from %s that failed to load: %s".formatted(kind.label(),
                        ProviderSources.jarListing(loader, kind.serviceType(), e), reason(e)));
                if (++failures > 1000) {
                    break; // a service file the loader cannot get past; the problems say which
                }
                continue;
            }
            String id = p.id();
            if (!Plugin.ID_PATTERN.matcher(id).matches()) {
                problem("skipped %s plugin %s from %s: id '%s' must match %s".formatted(
                        kind.label(), p.getClass().getName(), sourceOf(p), id, Plugin.ID_PATTERN.pattern()));
                continue;
            }
            Plugin previous = byId.putIfAbsent(id, p);
            if (previous != null) {
                String msg = "two %s plugins share the id '%s': %s from %s and %s from %s; the first is listed, a run that selects '%s' fails; remove one jar"
                        .formatted(kind.label(), id, previous.getClass().getName(), sourceOf(previous),
                                p.getClass().getName(), sourceOf(p), id);
                clashes.merge(id, msg, (a, b) -> a);
                problem(msg);
                continue;
            }
            log.debug("found {} '{}' {} in {}", kind.label(), id, p.version(), sourceOf(p));
        }
        conflicts.put(kind, clashes);
        return Collections.unmodifiableMap(byId);
    }

    private void problem(String msg) {
        problems.add(msg);
        // Callers show problems() to the user; the log keeps them for embedded use.
        log.debug(msg);
    }

    /** The innermost message of a load failure: the class that is missing or the constructor that threw. */
    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String own = e.getMessage();
        return t == e || own == null ? String.valueOf(own) : own + " (" + t + ")";
    }

    /** Every kind has its map from the constructor on. */
    private Map<String, Plugin> pluginsOf(PluginKind kind) {
        return Objects.requireNonNull(plugins.get(kind));
    }

    /** All plugins of a kind, by id in alphabetical order. */
    public <T extends Plugin> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Plugin p : pluginsOf(PluginKind.of(type)).values()) {
            out.add(type.cast(p));
        }
        return out;
    }

    /** The ids of a kind, alphabetically. */
    public List<String> ids(Class<? extends Plugin> type) {
        return List.copyOf(pluginsOf(PluginKind.of(type)).keySet());
    }

    /**
     * The plugin of {@code type} with {@code id}; an unknown id is an {@link UnknownPluginException}
     * listing the available ids and the closest one.
     */
    public <T extends Plugin> T get(Class<T> type, String id) {
        PluginKind kind = PluginKind.of(type);
        String clash = Objects.requireNonNull(conflicts.get(kind)).get(id);
        if (clash != null) {
            throw new InvalidInputException(clash.substring(0, clash.indexOf("; the first")) + "; remove one jar");
        }
        Plugin p = pluginsOf(kind).get(id);
        if (p == null) {
            List<String> available = ids(type);
            String hint = Names.closest(id, available).map(c -> "; did you mean '" + c + "'?").orElse("");
            throw new UnknownPluginException("unknown %s '%s'; available: %s%s".formatted(
                    kind.label(), id, available, hint));
        }
        return type.cast(p);
    }

    /** Whether a plugin of {@code type} with {@code id} exists. */
    public boolean contains(Class<? extends Plugin> type, String id) {
        return pluginsOf(PluginKind.of(type)).containsKey(id);
    }

    /** Descriptions of every plugin, by kind then id. */
    public List<PluginInfo> describe() {
        List<PluginInfo> out = new ArrayList<>();
        for (Map.Entry<PluginKind, Map<String, Plugin>> e : plugins.entrySet()) {
            for (Plugin p : e.getValue().values()) {
                out.add(new PluginInfo(e.getKey(), p.id(), p.version(), p.description(), sourceOf(p),
                        p.getClass().getName()));
            }
        }
        return out;
    }

    /** Providers that failed to load, duplicate ids and jars without plugins, one message each. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The ids and versions of every plugin, for provenance records. */
    public Map<String, String> versions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (PluginInfo i : describe()) {
            out.put(i.kind().label() + ":" + i.id(), i.version());
        }
        return out;
    }

    static String sourceOf(Object plugin) {
        CodeSource cs = plugin.getClass().getProtectionDomain().getCodeSource();
        URL url = cs == null ? null : cs.getLocation();
        if (url == null) {
            return "(unknown location)";
        }
        String s = url.getPath();
        return s.isEmpty() ? url.toString() : s;
    }
}
