package org.dip4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dip batch}: one run per image, a table of all of them, the same numbers on either engine. */
class BatchCommandTests {
    @TempDir
    Path dir;

    private Path images() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        Files.copy(Path.of("../data/denoising/F16_GT.png"), images.resolve("f16.png"));
        Files.copy(Path.of("../data/denoising/snail.jpg"), images.resolve("snail.jpg"));
        Files.writeString(images.resolve("notes.txt"), "not an image; skipped");
        return images;
    }

    private static String[] batch(Path images, Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("batch", "--task", "denoise", "--images", images.toString(),
                "--out", out.toString(), "--iterations", "4",
                "--set", "dip.tasks.denoise.crop-size=32", "--set", "dip.run.log-every=2",
                "--set", "dip.architectures.skip.channels-down=[4]", "--set", "dip.architectures.skip.channels-up=[4]",
                "--set", "dip.architectures.skip.channels-skip=[2]"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void aBrokenImageFailsAloneAndTheTableSaysWhy() throws Exception {
        Path images = images();
        Files.writeString(images.resolve("broken.png"), "not a png");
        Path out = dir.resolve("out");
        CliTests.Outcome o = CliTests.dip(batch(images, out));
        assertThat(o.code()).as(o.err()).isEqualTo(1);
        List<String> csv = Files.readAllLines(out.resolve("batch.csv"));
        assertThat(csv.get(0)).startsWith("image,status,iterations,seconds,").contains("psnr_gt").endsWith(",error");
        assertThat(csv).hasSize(4);
        assertThat(csv.get(1)).startsWith("broken.png,FAILED,0,");
        assertThat(csv.get(2)).startsWith("f16.png,FINISHED,4,");
        assertThat(csv.get(3)).startsWith("snail.jpg,FINISHED,4,");
        assertThat(out.resolve("f16/summary.json")).isRegularFile();
        assertThat(out.resolve("batch.md")).content().contains("| f16.png | FINISHED | 4 |");
        assertThat(o.out()).contains("| snail.jpg | FINISHED |");
    }

    @Test
    void theSparkEngineGivesTheSameTableAsTheLocalOne() throws Exception {
        Path images = images();
        CliTests.Outcome local = CliTests.dip(batch(images, dir.resolve("local")));
        CliTests.Outcome spark = CliTests.dip(batch(images, dir.resolve("spark"), "--engine", "spark", "--master", "local[2]"));
        assertThat(local.code()).as(local.err()).isZero();
        assertThat(spark.code()).as(spark.err()).isZero();
        // The seconds column differs; every other cell (status, iterations, metrics) is equal.
        assertThat(withoutSeconds(dir.resolve("spark/batch.csv"))).isEqualTo(withoutSeconds(dir.resolve("local/batch.csv")));
    }

    @Test
    void anUnknownEngineIsBadInput() throws Exception {
        CliTests.Outcome o = CliTests.dip(batch(images(), dir.resolve("x"), "--engine", "flink"));
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("unknown engine", "spark", "local");
    }

    private static List<String> withoutSeconds(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(l -> {
            String[] c = l.split(",", -1);
            c[3] = "";
            return String.join(",", c);
        }).toList();
    }
}
