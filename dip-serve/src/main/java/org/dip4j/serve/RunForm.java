package org.dip4j.serve;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.dip4j.api.Configs;
import org.dip4j.api.Images;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginKind;
import org.dip4j.api.PluginRegistry;
import org.dip4j.samediff.engine.DipGraph;
import org.dip4j.spi.Task;
import org.dip4j.spi.TaskContext;
import org.jspecify.annotations.Nullable;

/**
 * Turns the new-run form (fields {@code task}, {@code preset}, {@code iterations}, {@code seed},
 * {@code set}; files {@code image}, {@code mask}, {@code fg}, {@code bg}, {@code noisy}, {@code lr})
 * into a run configuration, checked as the command line checks its runs: every upload read by
 * the image reader, every key against the {@code reference.conf} files, and the task's own
 * input checks (sizes, masks, crops). Bad input is an {@link InvalidInputException} with the
 * CLI's one-line message, with the uploaded file's own name in place of where it was stored.
 */
final class RunForm {
    /** Upload field → the task setting it fills (when the names differ). */
    private static final Map<String, String> KEYS = Map.of("fg", "foreground", "bg", "background");
    private static final Set<String> FILES = Set.of("image", "mask", "fg", "bg", "noisy", "lr");
    private static final Set<String> FIELDS = Set.of("task", "preset", "iterations", "seed", "set", "token");
    /** The largest image accepted (decoded, 25 megapixels take 600 MB as the reader's doubles). */
    static final long MAX_PIXELS = 25_000_000L;
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    /** An uploaded file: the name the client gave it (never used as a path) and its bytes. */
    interface Upload {
        String fileName();

        void writeTo(Path target) throws IOException;
    }

    /** The form as received. */
    record Form(Map<String, List<String>> fields, Map<String, Upload> files) {}

    /** A checked run: its folder (holding the uploads), task, the settings to run it with, and its iterations. */
    record Prepared(Path folder, String task, Config config, int iterations) {}

    private final PluginRegistry registry;
    private final ClassLoader loader;

    RunForm(PluginRegistry registry, ClassLoader loader) {
        this.registry = registry;
        this.loader = loader;
    }

    /**
     * Checks {@code form}; once its task and preset are known, creates the run folder with
     * {@code newFolder} (given the task id) and stores the uploads in its {@code inputs}. On bad
     * input that folder is deleted again.
     */
    Prepared prepare(Form form, Function<String, Path> newFolder) {
        for (String f : form.fields().keySet()) {
            if (!FIELDS.contains(f)) {
                throw new InvalidInputException("unknown form field '" + f + "'; the fields are task, preset, iterations,"
                        + " seed, set and the files image, mask, fg, bg, noisy, lr");
            }
        }
        for (String f : form.files().keySet()) {
            if (!FILES.contains(f)) {
                throw new InvalidInputException("unknown upload '" + f + "'; upload files as image, mask, fg, bg, noisy or lr");
            }
        }
        String task = one(form, "task", null);
        if (task == null || task.isBlank()) {
            throw new InvalidInputException("no task: choose one of " + String.join(", ", registry.ids(Task.class)));
        }
        registry.get(Task.class, task); // an unknown task id fails here with the CLI's message
        String preset = one(form, "preset", "fast");
        String resource = "dip/presets/" + task + "-" + preset + ".conf";
        if (loader.getResource(resource) == null) {
            throw new InvalidInputException("no preset '" + preset + "' for " + task + "; use fast or paper");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("dip.run.task", task);
        Integer iterations = whole(form, "iterations", 1);
        if (iterations != null) {
            settings.put("dip.run.iterations", iterations);
        }
        String seed = one(form, "seed", null);
        if (seed != null && !seed.isBlank()) {
            try {
                settings.put("dip.run.seed", Long.parseLong(seed.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("seed must be a whole number, got '" + seed.strip() + "'");
            }
        }
        if ("blend".equals(task)) {
            settings.put("dip.tasks.blend.compare-direct", false); // the server trains one network per run
        }
        Path folder = newFolder.apply(task);
        try {
            return prepare(form, folder, task, resource, settings);
        } catch (RuntimeException e) {
            deleteTree(folder);
            throw e;
        }
    }

    private Prepared prepare(Form form, Path folder, String task, String resource, Map<String, Object> settings) {
        Map<Path, String> shownAs = new LinkedHashMap<>();
        Path inputs = folder.resolve("inputs");
        for (Map.Entry<String, Upload> e : form.files().entrySet()) {
            String field = e.getKey();
            Upload upload = e.getValue();
            String name = displayName(upload.fileName());
            Path stored = inputs.resolve(field + extension(name));
            try {
                Files.createDirectories(inputs);
                upload.writeTo(stored);
            } catch (IOException ex) {
                throw new InvalidInputException("cannot store upload '" + name + "': " + ex.getMessage());
            }
            shownAs.put(stored, "'" + name + "'");
            checkPixels(stored, field, name);
            try {
                if (field.equals("mask")) {
                    Images.readMask(stored);
                } else {
                    Images.readRgb(stored);
                }
            } catch (InvalidInputException ex) {
                throw new InvalidInputException(field + ": " + shown(Json.message(ex), shownAs));
            }
            settings.put("dip.tasks." + task + "." + KEYS.getOrDefault(field, field), stored.toAbsolutePath().toString());
        }
        List<String> lines = new ArrayList<>();
        for (String block : form.fields().getOrDefault("set", List.of())) {
            block.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(lines::add);
        }
        try {
            Config user = Configs.parseOverrides(lines, "set")
                    .withFallback(ConfigFactory.parseMap(settings, "form"))
                    .withFallback(Configs.parseResource(loader, resource));
            Config resolved = Configs.resolve(user, loader, registry);
            int total = resolved.getInt("dip.run.iterations");
            // Live views: a few dozen points on the curve and images during the run, unless set.
            if (!hasExplicit(lines, "dip.run.log-every")) {
                user = user.withValue("dip.run.log-every", ConfigValueFactory.fromAnyRef(Math.max(1, total / 100)));
            }
            if (!hasExplicit(lines, "dip.run.snapshot-every")) {
                user = user.withValue("dip.run.snapshot-every", ConfigValueFactory.fromAnyRef(Math.max(1, total / 20)));
            }
            resolved = Configs.resolve(user, loader, registry);
            Config taskSettings = DipGraph.settingsOf(resolved, PluginKind.TASK, task);
            registry.get(Task.class, task).prepare(new TaskContext(taskSettings, resolved.getLong("dip.run.seed"), folder));
            return new Prepared(folder, task, user, total);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(shown(Json.message(e), shownAs), e);
        } catch (ConfigException e) {
            throw new InvalidInputException("configuration error: " + shown(Json.message(e), shownAs), e);
        }
    }

    /** Refuses an image larger than {@link #MAX_PIXELS} from its header, before it is decoded. */
    private static void checkPixels(Path file, String field, String name) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return; // the image reader names what is wrong
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w * h > MAX_PIXELS) {
                    throw new InvalidInputException("%s: '%s' is %d×%d pixels; dip serve takes images of at most %d"
                            .formatted(field, name, w, h, MAX_PIXELS / 1_000_000) + " megapixels (crop or scale it first)");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            // the image reader names what is wrong
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover folder without run files is not listed
        }
    }

    private static boolean hasExplicit(List<String> lines, String key) {
        return lines.stream().anyMatch(l -> l.startsWith(key));
    }

    private static @Nullable String one(Form form, String field, @Nullable String fallback) {
        List<String> values = form.fields().getOrDefault(field, List.of());
        return values.isEmpty() || values.get(0).isBlank() ? fallback : values.get(0).strip();
    }

    private static @Nullable Integer whole(Form form, String field, int minimum) {
        String v = one(form, field, null);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= minimum) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new InvalidInputException(field + " must be a whole number of at least " + minimum + ", got '" + v + "'");
    }

    /** The client's file name for messages: its last segment, printable, at most 100 characters. */
    static String displayName(String fileName) {
        String last = fileName.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "");
        if (last.length() > 100) {
            last = last.substring(0, 100);
        }
        return last.isEmpty() ? "upload" : last;
    }

    /** A known image extension of {@code name} (lower case, with the dot), else none. */
    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSIONS.contains(ext) ? "." + ext : "";
    }

    private static String shown(String message, Map<Path, String> shownAs) {
        String m = message;
        for (Map.Entry<Path, String> e : shownAs.entrySet()) {
            m = m.replace(e.getKey().toAbsolutePath().toString(), e.getValue()).replace(e.getKey().toString(), e.getValue());
        }
        return m;
    }
}
