package org.dip4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dip4j.cli.CliTests.dip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** What a user sees while a run goes and when asking for help (issue 18 items 18-20). */
class ProgressAndHelpTests {
    private static final Path F16 = Path.of("../data/denoising/F16_GT.png");

    @Test
    void aLoggedLineShowsTheIterationOfTheTotalTheElapsedTimeAndTheEta() {
        assertThat(ProgressBar.logLine(99, 1000, 50.0, "psnr=20.000", 512))
                .isEqualTo("iteration 99/1000 (0m50s elapsed, ETA 7m30s): psnr=20.000 rss=512 MB");
        assertThat(ProgressBar.logLine(999, 1000, 500.0, "psnr=20.000", 512))
                .isEqualTo("iteration 999/1000 (8m20s elapsed): psnr=20.000 rss=512 MB");
        assertThat(ProgressBar.count(1, "iteration")).isEqualTo("1 iteration");
        assertThat(ProgressBar.count(2, "iteration")).isEqualTo("2 iterations");
    }

    @Test
    void aOneIterationRunSaysOneIteration(@TempDir Path dir) {
        CliTests.Outcome o = dip("denoise", "--image", F16.toString(), "--crop", "64", "--iterations", "1",
                "--out", dir.resolve("run").toString(),
                "--set", "dip.architectures.skip.channels-down=[8,8]",
                "--set", "dip.architectures.skip.channels-up=[8,8]",
                "--set", "dip.architectures.skip.channels-skip=[2,2]");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("denoise: 1 iteration in ").doesNotContain("1 iterations");
    }

    @Test
    void noHelpTextBreaksInsideAToken() {
        CommandLine root = Main.commandLine(new DipCommand());
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        int checked = 0;
        for (CommandLine c : all) {
            String help = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            List<String> lines = help.lines().toList();
            for (OptionSpec option : c.getCommandSpec().options()) {
                for (String description : option.description()) {
                    for (String token : description.split("\\s+")) {
                        if (token.isEmpty() || token.contains("${") || token.length() > Main.HELP_WIDTH / 2) {
                            continue;
                        }
                        assertThat(lines.stream().anyMatch(l -> l.contains(token)))
                                .as("'%s' of %s %s is broken across lines:%n%s", token, c.getCommandName(),
                                        option.longestName(), help)
                                .isTrue();
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, out));
    }

    @Test
    void theLauncherAsksForNoColoursAndNoBarWhenStderrIsNotATerminal(@TempDir Path dir) throws Exception {
        // A copy of the launcher in a folder without the CLI jar, with mvn and java that only print their arguments.
        Path root = Files.createDirectory(dir.resolve("repo"));
        Path launcher = Files.copy(Path.of("../dip"), root.resolve("dip"));
        Path bin = Files.createDirectory(dir.resolve("bin"));
        for (String tool : new String[] {"mvn", "java"}) {
            Path fake = Files.writeString(bin.resolve(tool), "#!/usr/bin/env bash\necho \"" + tool + " $*\"\n");
            Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path log = dir.resolve("log.txt");
        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "--version")
                .redirectErrorStream(false).redirectOutput(log.toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(err).contains("mvn ", "-Dstyle.color=never").doesNotContain("\u001b[");
        assertThat(Files.readString(log)).contains("java ", "-Ddip.terminal=false");
    }

    @Test
    void ctrlCWhileStartingSaysThatNothingWasWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        Path stderr = dir.resolve("err.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "denoise", "--image", F16.toString(), "--crop", "64", "--iterations", "100000", "--out", out.toString())
                .redirectError(stderr.toFile()).start();
        try {
            Thread.sleep(700); // main has begun; ND4J's native libraries take seconds more to load
            p.destroy(); // SIGTERM: the JVM's shutdown hooks run as on Ctrl-C
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        String err = Files.readString(stderr);
        if (out.toFile().exists()) { // a slow machine may have reached the run: then its own hook speaks
            assertThat(err).contains("stopping after the current iteration");
        } else {
            assertThat(err).contains(CtrlC.STARTUP_MESSAGE);
        }
    }

    @Test
    void ctrlCDuringARunStillPrintsTheSummaryAndSaysWhatWasWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        Path stdout = dir.resolve("out.txt");
        Path stderr = dir.resolve("err.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "denoise", "--image", F16.toString(), "--crop", "64", "--iterations", "100000", "--out", out.toString(),
                "--set", "dip.run.log-every=1",
                "--set", "dip.architectures.skip.channels-down=[8,8]",
                "--set", "dip.architectures.skip.channels-up=[8,8]",
                "--set", "dip.architectures.skip.channels-skip=[2,2]")
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!Files.readString(stderr).contains("iteration 3/") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(Files.readString(stderr)).contains("iteration 3/");
            p.destroy(); // SIGTERM: the JVM's shutdown hooks run as on Ctrl-C
            assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(Files.readString(stderr)).contains("stopping after the current iteration");
        assertThat(Files.readString(stdout)).contains("(interrupted)", "result: ", "run folder: " + out, "dip resume");
        assertThat(out.resolve("summary.json")).exists();
        assertThat(out.resolve("checkpoint.zip")).exists();
    }

}
