package org.dip4j.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.dip4j.api.Configs;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginRegistry;
import org.dip4j.experiment.ExecutorProvider;
import org.dip4j.experiment.RunExecutor;
import org.dip4j.experiment.RunRecord;
import org.dip4j.experiment.RunSpec;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dip batch}: one task configuration over every image of a folder, each image its own
 * run folder under {@code --out}, executed by an engine ({@code local}, or {@code spark} for a
 * cluster), with a summary table of every run's status and final metrics.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Run one task on every image of a folder (one run per image), locally or on Spark; "
                + "writes OUT/<image>/ per run and OUT/batch.csv and OUT/batch.md.",
                "Exit code 1 when any run failed (the others still ran; the table says which and why)."})
final class BatchCommand implements Callable<Integer> {
    /** The image files ImageIO reads. */
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--task", required = true, paramLabel = "ID", description = "The task, e.g. denoise, sr, inpaint.")
    String task;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder of input images (png, jpg, bmp, gif).")
    Path images;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder: one run folder per image, plus batch.csv and batch.md. "
                    + "A finished run folder is kept, so a stopped batch continues where it stopped.")
    Path out;

    @Option(names = "--image-key", paramLabel = "KEY", defaultValue = "image",
            description = "The task setting each image goes to (dip.tasks.<task>.KEY). Default: ${DEFAULT-VALUE}.")
    String imageKey;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "The task's preset (fast or paper); default: fast when the task has one.")
    @Nullable String preset;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one setting for every run, e.g. --set dip.tasks.denoise.sigma=50 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--iterations", paramLabel = "N", description = "Number of iterations of every run.")
    @Nullable Integer iterations;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every run.")
    @Nullable Long seed;

    @Option(names = "--engine", paramLabel = "ID", defaultValue = "local",
            description = "local (one run after another here) or spark. Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N], spark://HOST:PORT, yarn... (default: spark-submit's, else local[*]).")
    @Nullable String master;

    @Override
    public Integer call() throws IOException {
        PluginRegistry registry = DipCommand.of(spec).registry();
        ExecutorProvider provider = Engines.get(registry, engine);
        List<RunSpec> specs = specs(registry);
        org.dip4j.api.OutputPaths.createFolder(out, "batch folder");

        String markdown;
        List<RunRecord> records;
        // On Ctrl-C the current runs stop after their iteration and the table is written; then exit.
        CtrlC ctrlC = CtrlC.install("dip-batch-ctrl-c", "stopping after the current iteration; writing "
                + out.resolve(BatchTable.CSV) + " ...");
        try {
            RunExecutor executor = provider.create(new ExecutorProvider.Options(master, registry,
                    new ProgressBar(ProgressBar.onTerminal()), ctrlC.stop()));
            records = executor.execute(specs, out.toAbsolutePath());
            markdown = BatchTable.write(out, specs, records);
        } finally {
            ctrlC.close();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(markdown);
        stdout.println("table: " + out.resolve(BatchTable.CSV));
        stdout.flush();
        if (ctrlC.signalled()) {
            return Main.INTERRUPTED;
        }
        return records.stream().anyMatch(r -> r.status() == RunRecord.Status.FAILED) ? 1 : 0;
    }

    /** One spec per image, the images in name order; fails before any run on a bad setting. */
    private List<RunSpec> specs(PluginRegistry registry) {
        List<Path> files = imageFiles();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Config base = ConfigFactory.empty();
        String presetName = preset != null ? preset : "fast";
        String resource = "dip/presets/" + task + "-" + presetName + ".conf";
        if (loader.getResource(resource) != null) {
            base = Configs.parseResource(loader, resource);
        } else if (preset != null) {
            throw new InvalidInputException("no preset '" + preset + "' for " + task + " (no " + resource + ")");
        }
        List<String> all = new ArrayList<>();
        if (iterations != null) {
            all.add("dip.run.iterations=" + iterations);
        }
        if (seed != null) {
            all.add("dip.run.seed=" + seed);
        }
        all.addAll(overrides);
        Config options = all.isEmpty() ? ConfigFactory.empty() : Configs.parseOverrides(all, "--set");
        String workingDirectory = Path.of("").toAbsolutePath().toString();
        List<RunSpec> specs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("dip.run.task", task);
            settings.put("dip.tasks." + task + "." + imageKey, file.toAbsolutePath().normalize().toString());
            Config user = options.withFallback(ConfigFactory.parseMap(settings, "dip batch")).withFallback(base);
            Config resolved = Configs.resolve(user, loader, registry);
            String name = file.getFileName().toString();
            specs.add(new RunSpec(uniqueId(name, ids), Map.of("image", name), Configs.render(resolved), workingDirectory));
        }
        return specs;
    }

    private List<Path> imageFiles() {
        if (!Files.isDirectory(images)) {
            throw new InvalidInputException("--images " + images + ": no such folder");
        }
        try (Stream<Path> list = Files.list(images)) {
            List<Path> files = list.filter(Files::isRegularFile).filter(p -> EXTENSIONS.contains(extension(p)))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new InvalidInputException("--images " + images + ": no images (" + EXTENSIONS + ") in the folder");
            }
            return files;
        } catch (IOException e) {
            throw new InvalidInputException("cannot list " + images + ": " + e.getMessage(), e);
        }
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The file name without extension (a folder name), made unique when two images share it. */
    private static String uniqueId(String fileName, Set<String> taken) {
        int dot = fileName.lastIndexOf('.');
        String stem = (dot > 0 ? fileName.substring(0, dot) : fileName).replaceAll("[^A-Za-z0-9._-]", "_");
        String id = taken.contains(stem) ? stem + "-" + extensionOf(fileName) : stem;
        for (int i = 2; taken.contains(id); i++) {
            id = stem + "-" + i;
        }
        taken.add(id);
        return id;
    }

    private static String extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1);
    }
}
