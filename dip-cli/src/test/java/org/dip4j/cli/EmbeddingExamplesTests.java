package org.dip4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The applications in examples/embed-java and examples/embed-kotlin build on their own against
 * the installed artifacts (dip4j-bom, dip4j, dip-kotlin, dip-backend-cpu) and their tests, which
 * denoise and inpaint through the embedding API, pass. Runs in the main build's {@code mvn
 * install} after those modules are installed; skipped when the local repository holds other
 * jars than this build's (a {@code mvn verify} without install), which the examples would test instead.
 */
class EmbeddingExamplesTests {
    /** The modules whose installed jars the examples run on. */
    private static final List<String> MODULES = List.of("dip-api", "dip-samediff", "dip-losses", "dip-metrics",
            "dip-tasks", "dip4j", "dip-kotlin");

    @ParameterizedTest
    @ValueSource(strings = {"embed-java", "embed-kotlin"})
    void theExampleBuildsAndItsTestsPass(String name) throws IOException, InterruptedException {
        Path example = Path.of("../examples", name);
        Path log = Files.createTempFile(name + "-build", ".log");
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-o", "verify"));
        String repo = System.getProperty("dip.maven.repo");
        if (repo != null && !repo.isBlank()) {
            command.add("-Dmaven.repo.local=" + repo);
            String stale = staleModules(Path.of(repo));
            assumeTrue(stale.isEmpty(), "the jars of " + stale + " in " + repo + " are not this build's;"
                    + " `mvn install` installs them and then builds and tests examples/" + name);
        }
        Process p;
        try {
            p = new ProcessBuilder(command).directory(example.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            assumeTrue(false, "mvn is not on the PATH; cannot build " + example);
            throw e;
        }
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("example build within 10 minutes").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        boolean offlineGap = output.contains("offline") || output.contains("Could not resolve")
                || output.contains("could not be resolved") || output.contains("Cannot access");
        assumeTrue(p.exitValue() == 0 || !offlineGap, "examples/" + name + " cannot be built offline (run `mvn install`"
                + " of the main build first, which puts dip4j-bom, dip4j, dip-kotlin and dip-backend-cpu in ~/.m2):\n"
                + tail(output));
        assertThat(p.exitValue()).as("mvn verify of %s:%n%s", example, tail(output)).isZero();
        assertThat(example.resolve("target/surefire-reports")).isDirectory();
    }

    /** The modules whose jar in {@code repo} differs from the one this build made (or either is missing). */
    private static String staleModules(Path repo) throws IOException {
        List<String> stale = new ArrayList<>();
        for (String module : MODULES) {
            String version = System.getProperty("dip.version", "0.1.0-SNAPSHOT");
            String jar = module + "-" + version + ".jar";
            Path built = Path.of("..", module, "target", jar);
            Path installed = repo.resolve("org/dip4j/" + module + "/" + version + "/" + jar);
            if (!Files.isRegularFile(built) || !Files.isRegularFile(installed)
                    || Files.mismatch(built, installed) != -1) {
                stale.add(module);
            }
        }
        return String.join(", ", stale);
    }

    private static String tail(String s) {
        List<String> lines = s.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
