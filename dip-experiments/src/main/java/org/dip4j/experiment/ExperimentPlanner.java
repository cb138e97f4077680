package org.dip4j.experiment;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dip4j.api.Configs;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Reads an experiment file and plans its grid: every combination of the axes' variants, once per
 * seed, as a {@link RunSpec} with its complete configuration. Each run's configuration is resolved
 * and checked here, so a misspelt key or a missing image fails before the first of many runs.
 *
 * <p>A run's settings, lowest first: every {@code reference.conf}; the files of
 * {@code experiment.base}; the {@code base} files of its variants; the experiment file's own
 * {@code dip} block; its variants' {@code dip} blocks (later axes win); {@code dip.run.seed}; the
 * command line's {@code --set}. See {@code config/experiments/README.md} for the format.
 */
public final class ExperimentPlanner {
    private static final Set<String> TOP = Set.of("experiment", "dip");
    private static final Set<String> EXPERIMENT = Set.of("title", "description", "base", "axes", "seeds", "table",
            "plots", "output");
    private static final Set<String> VARIANT = Set.of("name", "label", "base", "dip");
    private static final Set<String> TABLE = Set.of("rows", "metrics", "every", "file", "methods", "labels");
    private static final Set<String> PLOTS = Set.of("metrics");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Set<String> IMAGE_SUFFIXES = Set.of(".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff");

    private ExperimentPlanner() {}

    /**
     * Plans {@code file}.
     *
     * @param overrides        {@code --set key=value} assignments applied to every run; keys under
     *                         {@code experiment.} change the experiment block instead
     * @param workingDirectory what relative image paths in run settings are resolved against
     * @param loader           the loader whose {@code reference.conf}s and presets apply
     * @param registry         the plugins the runs may name
     * @throws InvalidInputException on any error of the file or of a run's configuration
     */
    public static ExperimentPlan plan(Path file, List<String> overrides, Path workingDirectory, ClassLoader loader,
            PluginRegistry registry) {
        // --set experiment.<key>=... changes the experiment block (e.g. experiment.table.every); the rest apply to runs.
        List<String> experimentOverrides = overrides.stream().filter(o -> o.trim().startsWith("experiment.")).toList();
        List<String> runOverrides = overrides.stream().filter(o -> !o.trim().startsWith("experiment.")).toList();
        Config whole = Configs.parseFile(file);
        if (!experimentOverrides.isEmpty()) {
            whole = Configs.parseOverrides(experimentOverrides, "--set").withFallback(whole);
        }
        ExperimentKeys.check(whole.root(), "", TOP);
        if (!whole.hasPath("experiment") || whole.getValue("experiment").valueType() != ConfigValueType.OBJECT) {
            throw new InvalidInputException(file + " has no experiment { ... } block; see config/experiments/README.md");
        }
        Config e = whole.getConfig("experiment");
        ExperimentKeys.check(e.root(), "experiment", EXPERIMENT);
        try {
            return plan(file, whole, e, runOverrides, workingDirectory.toAbsolutePath().normalize(), loader, registry);
        } catch (ConfigException.WrongType | ConfigException.BadValue ex) {
            throw new InvalidInputException("in " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static ExperimentPlan plan(Path file, Config whole, Config e, List<String> overrides, Path cwd,
            ClassLoader loader, PluginRegistry registry) {
        // An absolute file path always has a parent folder.
        Path dir = java.util.Objects.requireNonNull(file.toAbsolutePath().getParent());
        String stem = file.getFileName().toString().replaceFirst("\\.conf$", "");
        String title = e.hasPath("title") ? e.getString("title") : stem;
        String description = e.hasPath("description") ? e.getString("description") : "";
        Path output = cwd.resolve(e.hasPath("output") ? e.getString("output") : "runs/experiments/" + stem);
        List<String> bases = e.hasPath("base") ? bases(e, "base", dir) : List.of();
        List<Axis> axes = e.hasPath("axes") ? axes(e.getObject("axes"), dir) : List.of();
        List<Long> seeds = e.hasPath("seeds") ? e.getLongList("seeds") : List.of(0L);
        if (seeds.isEmpty() || new HashSet<>(seeds).size() != seeds.size()) {
            throw new InvalidInputException("experiment.seeds must list distinct seeds (" + where(e, "seeds") + ")");
        }
        TableSpec table = table(e);
        List<String> plotMetrics = table.metrics();
        if (e.hasPath("plots")) {
            ExperimentKeys.check(e.getObject("plots"), "experiment.plots", PLOTS);
            if (e.hasPath("plots.metrics")) {
                plotMetrics = e.getStringList("plots.metrics");
            }
        }
        Config common = whole.hasPath("dip") ? whole.withOnlyPath("dip") : ConfigFactory.empty();
        Config cli = overrides.isEmpty() ? ConfigFactory.empty() : Configs.parseOverrides(overrides, "--set");

        Map<String, Config> parsedBases = new LinkedHashMap<>();
        Set<String> logged = new LinkedHashSet<>();
        List<PlannedRun> runs = new ArrayList<>();
        for (List<Variant> combination : combinations(axes)) {
            Configuration configuration = configuration(axes, combination);
            for (long seed : seeds) {
                Map<String, String> coordinates = new LinkedHashMap<>(configuration.coordinates());
                coordinates.put("seed", Long.toString(seed));
                String id = (configuration.coordinates().isEmpty() ? "" : configuration.key() + ".") + "seed" + seed;
                Config user = cli.withFallback(ConfigFactory.parseMap(Map.of("dip.run.seed", seed), "experiment.seeds"));
                for (int i = combination.size() - 1; i >= 0; i--) {
                    user = user.withFallback(combination.get(i).settings());
                }
                user = user.withFallback(common);
                List<String> files = new ArrayList<>(bases);
                combination.forEach(v -> files.addAll(v.bases()));
                for (int i = files.size() - 1; i >= 0; i--) {
                    user = user.withFallback(parsedBases.computeIfAbsent(files.get(i), f -> parseBase(f, loader)));
                }
                Config resolved;
                try {
                    resolved = Configs.resolve(user, loader, registry);
                    checkInputsExist(resolved, cwd);
                } catch (InvalidInputException ex) {
                    throw new InvalidInputException("run " + id + " of " + file + ": " + ex.getMessage(), ex);
                }
                String taskMetrics = "dip.tasks." + resolved.getString("dip.run.task") + ".metrics";
                if (resolved.hasPath(taskMetrics)) {
                    logged.addAll(resolved.getStringList(taskMetrics));
                }
                runs.add(new PlannedRun(new RunSpec(id, coordinates, Configs.render(resolved), cwd.toString()),
                        configuration, seed));
            }
        }
        checkMetrics(file, table, e.hasPath("plots.metrics") ? plotMetrics : List.of(), logged);
        return new ExperimentPlan(file.toAbsolutePath(), title, description, output, axes, seeds, runs, table,
                plotMetrics);
    }

    /**
     * Table and plot metrics must be ones the runs log (their tasks' {@code metrics}); a table by
     * runs may also show {@code seconds} and {@code iterations}. Method tables read the reports'
     * own columns, which are known only once the runs have written them. Plots show metrics.csv.
     */
    private static void checkMetrics(Path file, TableSpec table, List<String> plotMetrics, Set<String> logged) {
        Set<String> forTable = new LinkedHashSet<>(logged);
        if (table.rows() == TableSpec.Rows.RUNS) {
            forTable.addAll(List.of("seconds", "iterations"));
        }
        if (table.rows() != TableSpec.Rows.METHODS) {
            for (String m : table.metrics()) {
                if (!forTable.contains(m)) {
                    throw new InvalidInputException("experiment.table.metrics in " + file + " names '" + m
                            + "', which no run logs; known: " + String.join(", ", forTable));
                }
            }
        }
        for (String m : plotMetrics) {
            if (!logged.contains(m)) {
                throw new InvalidInputException("experiment.plots.metrics in " + file + " names '" + m
                        + "', which no run logs; known: " + String.join(", ", logged));
            }
        }
    }

    private static List<String> bases(Config c, String path, Path dir) {
        List<String> names = c.getValue(path).valueType() == ConfigValueType.LIST ? c.getStringList(path)
                : List.of(c.getString(path));
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n.startsWith("preset:")) {
                out.add(n);
            } else {
                Path p = dir.resolve(n).normalize();
                if (!Files.isRegularFile(p)) {
                    throw new InvalidInputException("base file not found: " + p + " (" + where(c, path) + ")");
                }
                out.add(p.toString());
            }
        }
        return out;
    }

    private static Config parseBase(String base, ClassLoader loader) {
        if (base.startsWith("preset:")) {
            return Configs.parseResource(loader, "dip/presets/" + base.substring("preset:".length()) + ".conf");
        }
        return Configs.parseFile(Path.of(base));
    }

    /** The axes in the order written: HOCON objects keep no order, so the axes' line numbers give it. */
    private static List<Axis> axes(ConfigObject object, Path dir) {
        List<Map.Entry<String, ConfigValue>> entries = new ArrayList<>(object.entrySet());
        entries.sort(Comparator.comparingInt(en -> en.getValue().origin().lineNumber()));
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).getValue().origin().lineNumber() == entries.get(i - 1).getValue().origin().lineNumber()) {
                throw new InvalidInputException("experiment.axes: put each axis on its own line (their order is the "
                        + "grid's order): " + entries.get(i - 1).getKey() + ", " + entries.get(i).getKey()
                        + " (" + entries.get(i).getValue().origin().description() + ")");
            }
        }
        List<Axis> axes = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> en : entries) {
            String name = en.getKey();
            if (!NAME.matcher(name).matches() || name.equals("seed")) {
                throw new InvalidInputException("experiment.axes: '" + name + "' is not a usable axis name (letters, "
                        + "digits, - and _; 'seed' is reserved) (" + en.getValue().origin().description() + ")");
            }
            if (en.getValue().valueType() != ConfigValueType.LIST) {
                throw new InvalidInputException("experiment.axes." + name + " must be a list of variants, e.g. "
                        + "[ { name = a, dip { ... } }, { name = b } ] (" + en.getValue().origin().description() + ")");
            }
            List<Variant> variants = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (ConfigValue v : (com.typesafe.config.ConfigList) en.getValue()) {
                Variant variant = variant(name, v, dir);
                if (!seen.add(variant.name())) {
                    throw new InvalidInputException("experiment.axes." + name + ": variant '" + variant.name()
                            + "' appears twice (" + v.origin().description() + ")");
                }
                variants.add(variant);
            }
            if (variants.isEmpty()) {
                throw new InvalidInputException("experiment.axes." + name + " has no variants");
            }
            axes.add(new Axis(name, variants));
        }
        return axes;
    }

    private static Variant variant(String axis, ConfigValue v, Path dir) {
        String where = "experiment.axes." + axis;
        if (v.valueType() == ConfigValueType.STRING) {
            String name = checkName(where, (String) v.unwrapped(), v);
            return new Variant(name, name, List.of(), ConfigFactory.empty());
        }
        if (v.valueType() != ConfigValueType.OBJECT) {
            throw new InvalidInputException(where + ": a variant is a name or { name = ..., label = ..., base = ..., "
                    + "dip { ... } } (" + v.origin().description() + ")");
        }
        Config c = ((ConfigObject) v).toConfig();
        ExperimentKeys.check((ConfigObject) v, where, VARIANT);
        if (!c.hasPath("name")) {
            throw new InvalidInputException(where + ": a variant needs a name (" + v.origin().description() + ")");
        }
        String name = checkName(where, c.getString("name"), v);
        return new Variant(name, c.hasPath("label") ? c.getString("label") : name,
                c.hasPath("base") ? bases(c, "base", dir) : List.of(),
                c.hasPath("dip") ? c.withOnlyPath("dip") : ConfigFactory.empty());
    }

    private static String checkName(String where, String name, ConfigValue v) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException(where + ": variant name '" + name + "' must be letters, digits, - or _ "
                    + "(it names the run folders) (" + v.origin().description() + ")");
        }
        return name;
    }

    /** Every combination of one variant per axis, the first axis varying slowest. */
    static List<List<Variant>> combinations(List<Axis> axes) {
        List<List<Variant>> out = new ArrayList<>();
        out.add(List.of());
        for (Axis axis : axes) {
            List<List<Variant>> next = new ArrayList<>();
            for (List<Variant> prefix : out) {
                for (Variant v : axis.variants()) {
                    List<Variant> c = new ArrayList<>(prefix);
                    c.add(v);
                    next.add(c);
                }
            }
            out = next;
        }
        return out;
    }

    private static Configuration configuration(List<Axis> axes, List<Variant> combination) {
        Map<String, String> coordinates = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) {
            coordinates.put(axes.get(i).name(), combination.get(i).name());
            names.add(combination.get(i).name());
            labels.add(combination.get(i).label());
        }
        return new Configuration(names.isEmpty() ? "all" : String.join(".", names),
                labels.isEmpty() ? "DIP" : String.join(" · ", labels), coordinates);
    }

    private static TableSpec table(Config e) {
        if (!e.hasPath("table")) {
            return new TableSpec(TableSpec.Rows.ITERATIONS, List.of(), 0, "table.csv", List.of(), Map.of());
        }
        ExperimentKeys.check(e.getObject("table"), "experiment.table", TABLE);
        Config t = e.getConfig("table");
        TableSpec.Rows rows = TableSpec.Rows.ITERATIONS;
        if (t.hasPath("rows")) {
            String r = t.getString("rows");
            try {
                rows = TableSpec.Rows.valueOf(r.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new InvalidInputException("experiment.table.rows must be iterations, methods or runs, not '" + r
                        + "' (" + where(t, "rows") + ")");
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (t.hasPath("labels")) {
            t.getObject("labels").forEach((k, v) -> labels.put(k, String.valueOf(v.unwrapped())));
        }
        int every = t.hasPath("every") ? t.getInt("every") : 0;
        if (every < 0) {
            throw new InvalidInputException("experiment.table.every must be ≥ 0 (" + where(t, "every") + ")");
        }
        return new TableSpec(rows, t.hasPath("metrics") ? t.getStringList("metrics") : List.of(), every,
                t.hasPath("file") ? t.getString("file") : "table.csv",
                t.hasPath("methods") ? t.getStringList("methods") : List.of(), labels);
    }

    /** Image files named in the task's settings must exist: a typo fails now, not hours later. */
    private static void checkInputsExist(Config resolved, Path cwd) {
        String task = resolved.getString("dip.run.task");
        String path = "dip.tasks." + task;
        if (!resolved.hasPath(path)) {
            return;
        }
        for (Map.Entry<String, ConfigValue> en : resolved.getConfig(path).entrySet()) {
            if (en.getValue().valueType() != ConfigValueType.STRING) {
                continue;
            }
            String value = (String) en.getValue().unwrapped();
            String lower = value.toLowerCase(Locale.ROOT);
            if (IMAGE_SUFFIXES.stream().anyMatch(lower::endsWith) && !Files.isRegularFile(cwd.resolve(value))) {
                throw new InvalidInputException("%s.%s: file not found: %s (paths are relative to %s)".formatted(path,
                        en.getKey(), value, cwd));
            }
        }
    }

    private static String where(Config c, String path) {
        @Nullable String d = c.getValue(path).origin().description();
        return d == null ? path : d;
    }
}
