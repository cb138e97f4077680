package org.dip4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, messages and the files a run leaves. */
class CliTests {
    private static final Path F16 = Path.of("../data/denoising/F16_GT.png");

    record Outcome(int code, String out, String err) {}

    static Outcome dip(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    /** A tiny run: 32×32 crop, a two-scale network of 8 channels. */
    static String[] tinyDenoise(Path out, String... extra) {
        String[] base = {"denoise", "--image", F16.toString(), "--crop", "64", "--iterations", "6", "--out", out.toString(),
                "--set", "dip.run.log-every=5",
                "--set", "dip.architectures.skip.channels-down=[8,8]",
                "--set", "dip.architectures.skip.channels-up=[8,8]",
                "--set", "dip.architectures.skip.channels-skip=[2,2]"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void helpAndVersionWork() {
        assertThat(dip("--help").code()).isZero();
        assertThat(dip("--help").out()).contains("denoise", "plugins", "run");
        assertThat(dip("--version").out()).contains("dip4j");
        assertThat(dip("denoise", "--help").out()).contains("--sigma", "--preset");
    }

    @Test
    void pluginsListsEveryKindWithItsJar() {
        Outcome o = dip("plugins");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("task", "denoise", "loss", "mse", "architecture", "skip", "metric", "psnr_gt");
        // The engines of --engine are plugins too.
        assertThat(o.out()).containsPattern("executor +local ")
                .containsPattern("executor +spark ");
        assertThat(dip("plugins", "--json").out()).startsWith("[{").contains("\"id\":\"psnr_gt\"");
    }

    @Test
    void aMissingImageIsOneLineNamingTheFileWithExitCode2() {
        Outcome o = dip("denoise", "--image", "no/such/file.png");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("no/such/file.png").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(o.err().strip().lines()).hasSize(1);
    }

    @Test
    void aBadBlendOutputIsOneLineNamingTheKeyAndTheAllowedValuesWithExitCode2(@TempDir Path dir) {
        String set = "../data/blending/apple_orange/";
        Outcome o = dip("blend", "--fg", set + "fg.png", "--bg", set + "bg.png", "--mask", set + "mask.png",
                "--out", dir.resolve("run").toString(), "--set", "dip.tasks.blend.output=sharp");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip().lines()).hasSize(1);
        assertThat(o.err()).contains("dip.tasks.blend.output", "direct, composite, residual", "'sharp'")
                .doesNotContain("Exception");
        // refused before the fast preset's direct twin trained
        assertThat(o.out()).doesNotContain("training the direct formulation");
        assertThat(dir.resolve("run-direct")).doesNotExist();
    }

    @Test
    void aMisspeltKeyInARunFileNamesTheKeyTheFileAndTheFix(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("typo.conf");
        Files.writeString(conf, "dip.run.iteratons = 10\n");
        Outcome o = dip("run", conf.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("dip.run.iteratons", "typo.conf", "dip.run.iterations");
    }

    @Test
    void anUnknownPluginIdListsTheAvailableOnesAndTheClosest(@TempDir Path dir) {
        Outcome o = dip(tinyDenoise(dir.resolve("run"), "--set", "dip.network.architecture=skp"));
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("unknown architecture 'skp'", "[skip]", "did you mean 'skip'");
    }

    @Test
    void aRunWritesItsFolderAndItsSummary(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        Outcome o = dip(tinyDenoise(out));
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("psnr_gt", "result.png");
        for (String f : new String[] {"result.png", "result_smoothed.png", "noisy.png", "ground_truth.png",
                "metrics.csv", "run.conf", "summary.json"}) {
            assertThat(out.resolve(f)).exists();
        }
        assertThat(Files.readString(out.resolve("summary.json")))
                .contains("\"task\" : \"denoise\"", "\"iterations\" : 6", "\"seconds\"", "\"psnr_gt\"");
        assertThat(Files.readAllLines(out.resolve("metrics.csv")).get(0))
                .isEqualTo("iteration,seconds,psnr_noisy,psnr_gt,psnr_gt_sm");
        // provenance.json identifies the input file (size and hash from `stat` and `sha256sum`) and the command.
        com.typesafe.config.Config provenance = com.typesafe.config.ConfigFactory.parseFile(
                out.resolve("provenance.json").toFile());
        assertThat(provenance.getConfigList("inputs")).singleElement().satisfies(in -> {
            assertThat(in.getString("setting")).isEqualTo("dip.tasks.denoise.image");
            assertThat(in.getLong("bytes")).isEqualTo(430608);
            assertThat(in.getString("sha256")).isEqualTo("33810cc97ab8222e5bbb5fb32394d314d7d53564b008a4bf5371d0044ca45336");
        });
        // run.conf is itself a valid run file, and repeating it gives the same numbers.
        Path again = dir.resolve("again");
        Outcome replay = dip("run", out.resolve("run.conf").toString(), "--out", again.toString());
        assertThat(replay.code()).as(replay.err()).isZero();
        assertThat(Files.readAllLines(again.resolve("metrics.csv")).stream().map(CliTests::withoutSeconds))
                .isEqualTo(Files.readAllLines(out.resolve("metrics.csv")).stream().map(CliTests::withoutSeconds).toList());
    }

    @Test
    void resumingAFinishedRunKeepsItsRecordAndAMissingCheckpointIsABadInput(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        assertThat(dip(tinyDenoise(out)).code()).isZero();
        assertThat(out.resolve("checkpoint.zip")).exists();
        java.util.List<String> before = Files.readAllLines(out.resolve("metrics.csv"));
        Outcome resumed = dip("resume", out.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("metrics.csv"))).isEqualTo(before);
        Outcome missing = dip("resume", dir.resolve("nothing-here").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("checkpoint");
    }

    @Test
    void compareJoinsTheRunsIntoOneTableAndKeepsFinishedRunsWhenRepeated(@TempDir Path dir) throws Exception {
        String tiny = """
                dip.run { task = denoise, iterations = 6, log-every = 5 }
                dip.tasks.denoise { image = "%s", crop-size = 64 }
                dip.architectures.skip { channels-down = [8, 8], channels-up = [8, 8], channels-skip = [2, 2] }
                """.formatted(F16.toAbsolutePath().toString().replace("\\", "/"));
        Path a = Files.writeString(dir.resolve("a.conf"), tiny);
        Path b = Files.writeString(dir.resolve("b.conf"), tiny + "dip.optimizer.learning-rate = 0.001\n");
        Path out = dir.resolve("cmp");
        Outcome first = dip("compare", a.toString(), b.toString(), "--out", out.toString());
        assertThat(first.code()).as(first.err()).isZero();
        String table = Files.readString(out.resolve("table.md"));
        assertThat(table).contains("a:psnr_gt", "b:psnr_gt");
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(out.resolve("a/summary.json"));

        Outcome again = dip("compare", a.toString(), b.toString(), "--out", out.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("already finished in " + out.resolve("a"), "already finished in " + out.resolve("b"));
        assertThat(Files.getLastModifiedTime(out.resolve("a/summary.json"))).isEqualTo(written);
        assertThat(Files.readString(out.resolve("table.md"))).isEqualTo(table);
    }

    private static String withoutSeconds(String csvRow) {
        String[] cells = csvRow.split(",", -1);
        cells[1] = "";
        return String.join(",", cells);
    }

    @Test
    void baselineAndScoreWorkOnTheirOwn(@TempDir Path dir) {
        Path lr = dir.resolve("lr.png");
        Images.writePng(Images.readRgb(F16).crop(0, 0, 32, 48), lr);
        Path up = dir.resolve("up.png");
        Outcome b = dip("baseline", "sr", "--method", "bicubic", "--lr", lr.toString(), "--factor", "4", "--out",
                up.toString());
        assertThat(b.code()).as(b.err()).isZero();
        Image result = Images.readRgb(up);
        assertThat(result.height()).isEqualTo(128);
        assertThat(result.width()).isEqualTo(192);
        Outcome same = dip("score", "--reference", up.toString(), "--candidate", up.toString(), "--json");
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(same.out()).contains("\"psnr\":\"inf\"", "\"ssim\":1");
        Outcome bad = dip("baseline", "sr", "--method", "bicubc", "--lr", lr.toString(), "--factor", "4", "--out",
                up.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("bicubic");
    }
}
