package org.dip4j.api.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;
import org.dip4j.api.Configs;
import org.dip4j.api.DipException;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginRegistry;
import org.dip4j.spi.TaskContext;
import org.jspecify.annotations.Nullable;

/**
 * Describes one run; {@link #build()} checks it and returns the {@link DipRun}. Settings are laid
 * in this order, each over the next: {@link #set} (and {@link #iterations}, {@link #seed}), the
 * inputs, the configuration file or {@code Config}, the preset, and every plugin's defaults.
 * A builder is not thread-safe; each {@link #build()} makes an independent run.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class RunBuilder {
    private final @Nullable String task;
    private final Config base;
    private @Nullable String preset;
    private Config overrides = ConfigFactory.empty();
    private final Map<String, String> inputs = new LinkedHashMap<>();
    private final Map<String, Image> images = new LinkedHashMap<>();
    private final List<ProgressListener> listeners = new ArrayList<>();
    private @Nullable ClassLoader loader;
    private @Nullable PluginRegistry registry;
    private @Nullable Path baseDirectory;
    private @Nullable Path runFolder;
    private RunRequest.FolderMode folderMode = RunRequest.FolderMode.REFUSE;

    RunBuilder(@Nullable String task, @Nullable Config base) {
        this.task = task;
        this.base = base == null ? ConfigFactory.empty() : base;
    }

    /** A file input of the task, by its setting name, e.g. {@code input("image", Path.of("kate.png"))}. */
    public RunBuilder input(String key, Path file) {
        inputs.put(key, file.toString());
        return this;
    }

    /** An in-memory input of the task, by its setting name, e.g. {@code input("mask", mask)}. */
    public RunBuilder input(String key, BufferedImage image) {
        return input(key, Images.fromBufferedImage(image));
    }

    /** An in-memory input of the task, by its setting name; a mask may have 1 or 3 channels. */
    public RunBuilder input(String key, Image image) {
        images.put(key, image);
        inputs.put(key, TaskContext.MEMORY + key);
        return this;
    }

    /** The task's preset: {@code fast} (minutes on a CPU) or {@code paper} (the reference's settings). */
    public RunBuilder preset(String name) {
        this.preset = name;
        return this;
    }

    /** {@code dip.run.iterations}. */
    public RunBuilder iterations(int iterations) {
        return set("dip.run.iterations", iterations);
    }

    /** {@code dip.run.seed}: the same seed gives the same numbers. */
    public RunBuilder seed(long seed) {
        return set("dip.run.seed", seed);
    }

    /** One setting by its full key, e.g. {@code set("dip.run.log-every", 10)}; lists as {@code List}. */
    public RunBuilder set(String key, Object value) {
        overrides = ConfigFactory.empty().withValue(key, ConfigValueFactory.fromAnyRef(value, "set(" + key + ")"))
                .withFallback(overrides);
        return this;
    }

    /** One setting as HOCON, {@code key = value}, e.g. {@code set("dip.tasks.denoise.sigma = 50")}. */
    public RunBuilder set(String assignment) {
        overrides = Configs.parseOverrides(List.of(assignment), "set").withFallback(overrides);
        return this;
    }

    /** Adds a listener (called in the order added, on the run's thread). */
    public RunBuilder onProgress(ProgressListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Writes the run folder (inputs, metrics, results, checkpoint, summary) to {@code folder}; none by default. */
    public RunBuilder runFolder(Path folder) {
        this.runFolder = folder;
        return this;
    }

    /** Replaces a run already in the run folder instead of refusing it. */
    public RunBuilder replaceRunFolder() {
        this.folderMode = RunRequest.FolderMode.REPLACE;
        return this;
    }

    /**
     * Continues the run in the run folder from its checkpoint, when it has one (with the same
     * settings the numbers are those of an uninterrupted run); a folder without one is run into
     * afresh. {@link Dip#resume} does this with the folder's own settings.
     */
    public RunBuilder resumeRunFolder() {
        this.folderMode = RunRequest.FolderMode.RESUME;
        return this;
    }

    /** Where plugins (and the engine) are looked up; by default the thread's context class loader. */
    public RunBuilder plugins(ClassLoader loader) {
        this.loader = loader;
        return this;
    }

    /** The plugins to use (e.g. one registry shared by many runs); by default loaded from the class loader. */
    public RunBuilder plugins(PluginRegistry registry) {
        this.registry = registry;
        return this;
    }

    /** Where relative input paths are resolved; by default the working directory. */
    public RunBuilder baseDirectory(Path directory) {
        this.baseDirectory = directory;
        return this;
    }

    /**
     * Checks the settings (unknown keys and plugin ids are refused with the closest real key)
     * and prepares the run; the network is built when it runs.
     *
     * @throws InvalidInputException for bad settings
     */
    public DipRun build() {
        ClassLoader cl = loader != null ? loader : Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = RunBuilder.class.getClassLoader();
        }
        PluginRegistry plugins = registry != null ? registry : PluginRegistry.load(cl);
        Config user = overrides.withFallback(base);
        String id = task != null ? task : user.hasPath("dip.run.task") ? user.getString("dip.run.task") : null;
        if (id == null && (!inputs.isEmpty() || preset != null)) {
            throw new InvalidInputException("name the task (Dip.task(\"denoise\") or dip.run.task) to give inputs or a preset");
        }
        if (id != null) {
            Map<String, Object> taskSettings = new LinkedHashMap<>();
            taskSettings.put("dip.run.task", id);
            inputs.forEach((key, value) -> taskSettings.put("dip.tasks." + id + "." + key, value));
            user = user.withFallback(ConfigFactory.parseMap(taskSettings, "inputs"));
            if (preset != null) {
                String resource = "dip/presets/" + id + "-" + preset + ".conf";
                if (cl.getResource(resource) == null) {
                    throw new InvalidInputException("no preset '" + preset + "' for " + id + "; use fast or paper");
                }
                user = user.withFallback(Configs.parseResource(cl, resource));
            }
        }
        Config config = Configs.resolve(user, cl, plugins);
        Path base = baseDirectory != null ? baseDirectory : Path.of("").toAbsolutePath();
        RunRequest request = new RunRequest(config, plugins, base, images, runFolder, folderMode, listeners,
                new AtomicBoolean());
        return new DipRun(engine(cl), request);
    }

    /** {@code build().run()}. */
    public DipResult run() {
        return build().run();
    }

    /** {@code build().start()}. */
    public CompletableFuture<DipResult> start() {
        return build().start();
    }

    private static RunEngine engine(ClassLoader loader) {
        Iterator<RunEngine> engines = ServiceLoader.load(RunEngine.class, loader).iterator();
        if (!engines.hasNext()) {
            throw new DipException("no dip4j engine on the class path: add the artifact org.dip4j:dip4j"
                    + " (or org.dip4j:dip-samediff) and a backend such as org.dip4j:dip-backend-cpu");
        }
        return engines.next();
    }
}
