package org.dip4j.samediff.engine;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.dip4j.api.DipException;
import org.dip4j.api.PluginRegistry;
import org.dip4j.samediff.graph.Layers;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a run was made from, as {@code provenance.json} in its folder: the versions of dip4j,
 * ND4J, Java and every plugin, the backend and its native build, the seed, the process's command
 * line, and the size and SHA-256 of every input file its settings name. {@code run.conf} holds
 * the settings; this file identifies the code and the data, in a form a script can read.
 */
public final class Provenance {
    /** The file name in a run folder. */
    public static final String FILE = "provenance.json";
    /** Bumped when a field changes meaning or goes away. */
    public static final int FORMAT = 1;

    private Provenance() {}

    /**
     * The provenance of a starting run as JSON; input files are the settings under {@code dip}
     * whose string value names a regular file relative to the run's base directory (or absolute).
     */
    public static String json(RunInfo info, Config config, PluginRegistry registry) {
        Path workingDirectory = info.baseDirectory();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("format", FORMAT);
        p.put("written", Instant.now().toString());
        p.put("dip4j", RunFolder.version());
        p.put("nd4j", nd4jVersion());
        p.put("backend", info.backend());
        p.put("native_build", Device.nativeVariant());
        p.put("convolutions", Layers.convolutionPath(info.settings().usesPlanGraph())); // they round differently
        p.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        p.put("seed", info.settings().seed());
        p.put("parameters", info.parameterCount());
        p.put("working_directory", workingDirectory.toAbsolutePath().toString());
        p.put("command_line", commandLine());
        p.put("plugins", new TreeMap<>(registry.versions()));
        p.put("inputs", inputs(config, workingDirectory));
        return ConfigValueFactory.fromMap(p).render(ConfigRenderOptions.concise().setJson(true).setFormatted(true)) + "\n";
    }

    /** Every setting under {@code dip} naming an existing file: setting, path, size and SHA-256. */
    static List<Map<String, Object>> inputs(Config config, Path workingDirectory) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!config.hasPath("dip")) {
            return out;
        }
        Map<String, ConfigValue> sorted = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> e : config.getConfig("dip").entrySet()) {
            sorted.put("dip." + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, ConfigValue> e : sorted.entrySet()) {
            if (e.getValue().valueType() != ConfigValueType.STRING) {
                continue;
            }
            String value = (String) e.getValue().unwrapped();
            Path file = resolve(workingDirectory, value);
            if (file == null || !Files.isRegularFile(file)) {
                continue;
            }
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("setting", e.getKey());
            input.put("path", value);
            input.put("bytes", size(file));
            input.put("sha256", sha256(file));
            out.add(input);
        }
        return out;
    }

    private static @Nullable Path resolve(Path workingDirectory, String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return workingDirectory.resolve(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new DipException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The lower-case hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new DipException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The process's command line (for a run of {@code ./dip}: java, its options, the jar and the arguments). */
    private static List<String> commandLine() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        List<String> line = new ArrayList<>();
        info.command().ifPresent(line::add);
        info.arguments().ifPresent(args -> line.addAll(List.of(args)));
        return line;
    }

    private static String nd4jVersion() {
        return org.dip4j.samediff.nd4j.Nd4jAdapter.nd4jVersion();
    }
}
