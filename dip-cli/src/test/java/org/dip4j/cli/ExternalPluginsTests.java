package org.dip4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins from outside the build: jars in folders named by {@code --plugins} or
 * {@code DIP_PLUGINS}, the Kotlin example plugin in a real run, and broken jars that must not take
 * the others down.
 */
class ExternalPluginsTests {
    private static final Path EXAMPLE = Path.of("../examples/tv-loss-kotlin");

    record Outcome(int code, String out, String err) {}

    static Outcome dip(@org.jspecify.annotations.Nullable String pluginsVariable, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), pluginsVariable);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void theKotlinExamplePluginIsListedAndUsedInARun(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(buildExample(), plugins.resolve("tv-loss-kotlin-0.1.0.jar"));

        Outcome list = dip(null, "--plugins", plugins.toString(), "plugins");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("loss +tv +0\\.1\\.0 +tv-loss-kotlin-0\\.1\\.0\\.jar");
        assertThat(list.err()).isEmpty();
        Outcome fromVariable = dip(plugins.toString(), "plugins", "--json");
        assertThat(fromVariable.out()).contains("\"id\":\"tv\"", "tv-loss-kotlin-0.1.0.jar");

        Path out = dir.resolve("run");
        Outcome run = dip(null, CliTests.tinyDenoise(out, "--plugins", plugins.toString(),
                "--set", "dip.tasks.denoise.losses={mse=1.0,tv=0.01}"));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("denoise: 6 iterations", "psnr_gt", "result.png");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"iterations\" : 6", "\"psnr_gt\"");
        // The plugin's reference.conf reached the effective configuration through the plugin loader.
        assertThat(Files.readString(out.resolve("run.conf"))).contains("loss:tv 0.1.0", "isotropic");
    }

    @Test
    void withoutItsFolderTheLossIsUnknown(@TempDir Path dir) {
        Outcome run = dip(null, CliTests.tinyDenoise(dir.resolve("run"), "--set",
                "dip.tasks.denoise.losses={mse=1.0,tv=0.01}"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("unknown loss 'tv'");
    }

    @Test
    void aMissingPluginsFolderIsBadInput() {
        Outcome o = dip(null, "--plugins", "no/such/folder", "plugins");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("no/such/folder");
    }

    @Test
    void brokenJarsAreNamedAndTheRestStillLoad(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        jar(plugins.resolve("empty.jar"), Map.of("README.txt", "no plugins here"));
        jar(plugins.resolve("missing-class.jar"), Map.of("META-INF/services/org.dip4j.spi.Metric", "broken.NoSuchMetric\n"));
        Files.writeString(plugins.resolve("not-a-zip.jar"), "text");

        Outcome o = dip(null, "--plugins", plugins.toString(), "plugins");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("psnr_gt", "mse", "skip");
        assertThat(o.err()).contains("empty.jar provides no plugins")
                .containsPattern("missing-class\\.jar that failed to load: .*broken\\.NoSuchMetric")
                .contains("not-a-zip.jar (not a zip file)");
    }

    @Test
    void aDuplicateIdKeepsTheFirstAndFailsOnlyARunThatSelectsIt(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path source = Files.createDirectories(dir.resolve("src/dup")).resolve("OtherMse.java");
        Files.writeString(source, """
                package dup;
                public final class OtherMse implements org.dip4j.spi.Loss {
                    public String id() { return "mse"; }
                    public org.nd4j.autodiff.samediff.SDVariable define(org.dip4j.spi.LossGraph g) { return g.output(); }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "needs a JDK to compile the duplicate plugin");
        int compiled = javac.run(null, OutputStream.nullOutputStream(), System.err, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertThat(compiled).isZero();
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        jar(plugins.resolve("other-mse.jar"), Map.of(
                "META-INF/services/org.dip4j.spi.Loss", "dup.OtherMse\n",
                "dup/OtherMse.class", classes.resolve("dup/OtherMse.class")));

        Outcome list = dip(null, "--plugins", plugins.toString(), "plugins");
        assertThat(list.code()).isZero();
        assertThat(list.out()).containsPattern("loss +mse +\\S+ +dip-losses");
        assertThat(list.err()).contains("two loss plugins share the id 'mse'", "other-mse.jar", "dip-losses");

        Outcome run = dip(null, CliTests.tinyDenoise(dir.resolve("run"), "--plugins", plugins.toString()));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("two loss plugins share the id 'mse'", "other-mse.jar", "remove one jar");
        // A run that does not select the clashing id is unaffected.
        Outcome baseline = dip(null, "--plugins", plugins.toString(), "score", "--reference",
                "../data/denoising/F16_GT.png", "--candidate", "../data/denoising/F16_GT.png", "--metrics", "ssim");
        assertThat(baseline.code()).as(baseline.err()).isZero();
    }

    /**
     * Builds examples/tv-loss-kotlin offline (unless its jar is newer than its sources) and returns
     * its jar; skips when that cannot work here.
     */
    private static Path buildExample() throws IOException, InterruptedException {
        Path jar = EXAMPLE.resolve("target/tv-loss-kotlin-0.1.0.jar");
        if (isUpToDate(jar)) {
            return jar;
        }
        Path log = Files.createTempFile("tv-loss-kotlin-build", ".log");
        Process p;
        try {
            // Only the jar: the example's own build compiles and runs its contract tests.
            p = new ProcessBuilder("mvn", "-B", "-q", "-o", "package", "-Dmaven.test.skip=true")
                    .directory(EXAMPLE.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            assumeTrue(false, "mvn is not on the PATH; cannot build " + EXAMPLE);
            throw e;
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("example build within 5 minutes").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        boolean offlineGap = output.contains("offline") || output.contains("Could not resolve")
                || output.contains("could not be resolved") || output.contains("Cannot access");
        assumeTrue(p.exitValue() == 0 || !offlineGap,
                "examples/tv-loss-kotlin cannot be built offline (run `mvn install` of the main build first, "
                        + "which puts dip4j-bom, dip-api, dip-testkit and dip-backend-cpu in ~/.m2):\n" + tail(output));
        assertThat(p.exitValue()).as("mvn package of %s:%n%s", EXAMPLE, tail(output)).isZero();
        return jar;
    }

    private static boolean isUpToDate(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        java.nio.file.attribute.FileTime built = Files.getLastModifiedTime(jar);
        try (java.util.stream.Stream<Path> files = Files.walk(EXAMPLE.resolve("src"))) {
            return Files.getLastModifiedTime(EXAMPLE.resolve("pom.xml")).compareTo(built) < 0
                    && files.filter(Files::isRegularFile).allMatch(f -> modified(f).compareTo(built) < 0);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String tail(String s) {
        List<String> lines = s.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /** A jar of text entries (String values) and copied files (Path values). */
    private static void jar(Path file, Map<String, Object> entries) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, Object> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                if (e.getValue() instanceof Path p) {
                    jar.write(Files.readAllBytes(p));
                } else {
                    jar.write(e.getValue().toString().getBytes(StandardCharsets.UTF_8));
                }
                jar.closeEntry();
            }
        }
    }
}
