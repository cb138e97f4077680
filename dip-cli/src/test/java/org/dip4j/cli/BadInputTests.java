package org.dip4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dip4j.cli.CliTests.dip;
import static org.dip4j.cli.CliTests.tinyDenoise;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dip4j.api.Images;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input a new user met (issue 18): exit code 2, one line that says why and what to do, no stack trace. */
class BadInputTests {
    private static final Path F16 = Path.of("../data/denoising/F16_GT.png");

    /** The outcome is exit code 2 with one line on stderr containing {@code parts}, and no stack trace. */
    static void assertBadInput(CliTests.Outcome o, String... parts) {
        assertThat(o.code()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).contains(parts).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(o.err().strip().lines()).as(o.err()).hasSize(1);
    }

    private static Map<String, byte[]> contents(Path dir, String... files) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String f : files) {
            out.put(f, Files.readAllBytes(dir.resolve(f)));
        }
        return out;
    }

    @Test
    void aFolderHoldingARunIsRefusedAndLeftAloneUnlessForced(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        assertThat(dip(tinyDenoise(out)).code()).isZero();
        String[] files = {"result.png", "summary.json", "checkpoint.zip", "metrics.csv", "run.conf"};
        Map<String, byte[]> before = contents(out, files);
        CliTests.Outcome again = dip(tinyDenoise(out, "--seed", "7"));
        assertBadInput(again, out.toString(), "dip resume", "--force");
        Map<String, byte[]> after = contents(out, files);
        for (String f : files) {
            assertThat(after.get(f)).as(f).isEqualTo(before.get(f));
        }
        CliTests.Outcome forced = dip(tinyDenoise(out, "--seed", "7", "--force"));
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(Files.readString(out.resolve("run.conf"))).contains("; seed 7 ");
    }

    @Test
    void anOutFolderThatIsAFileOrUnderAFileSaysSo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken.txt"), "not a folder");
        assertBadInput(dip(tinyDenoise(file)), file.toString(), "it is a file");
        assertBadInput(dip(tinyDenoise(file.resolve("run"))), "cannot create the run folder", file + " is a file");
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    @Test
    void aBaselineNeverReplacesAFolderAndSaysWhy(@TempDir Path dir) throws Exception {
        Path lr = dir.resolve("lr.png");
        Images.writePng(Images.readRgb(F16).crop(0, 0, 16, 16), lr);
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertBadInput(dip("baseline", "sr", "--method", "bicubic", "--lr", lr.toString(), "--factor", "2",
                "--out", empty.toString()), empty.toString(), "it is a folder");
        assertThat(empty).isEmptyDirectory();
        Path full = Files.createDirectory(dir.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "keep");
        assertBadInput(dip("baseline", "sr", "--method", "bicubic", "--lr", lr.toString(), "--factor", "2",
                "--out", full.toString()), full.toString(), "it is a folder");
        assertThat(Files.readString(full.resolve("keep.txt"))).isEqualTo("keep");
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertBadInput(dip("baseline", "sr", "--method", "bicubic", "--lr", lr.toString(), "--factor", "2",
                "--out", file.resolve("up.png").toString()), file + " is a file");
    }

    @Test
    void anEmptyOrForeignCheckpointIsNamedWithWhatToDo(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectory(dir.resolve("run"));
        Files.write(run.resolve("checkpoint.zip"), new byte[0]);
        assertBadInput(dip("resume", run.toString()), "checkpoint.zip", "empty", "start the run again");
        Files.writeString(run.resolve("checkpoint.zip"), "PK? not really");
        assertBadInput(dip("resume", run.toString()), "checkpoint.zip", "start the run again");
    }

    @Test
    void aFolderGivenAsAnImageSaysItIsAFolder(@TempDir Path dir) {
        assertBadInput(dip("denoise", "--image", dir.toString()), dir.toString(), "is a folder, not an image file");
    }

    @Test
    void cropsAreCheckedAlikeByDenoisingAndInpainting() {
        assertBadInput(dip("denoise", "--image", F16.toString(), "--crop", "-64"), "crop-size must be 0 (no crop) or positive");
        assertBadInput(dip("denoise", "--image", F16.toString(), "--crop", "50"), "crop-size 50", "use 32 or 64");
        assertBadInput(dip("inpaint", "--image", F16.toString(), "--drop", "0.5", "--crop", "-64"),
                "crop-size must be 0 (no crop) or positive");
        assertBadInput(dip("inpaint", "--image", F16.toString(), "--drop", "0.5", "--crop", "50"), "crop-size 50",
                "use 64");
    }

    @Test
    void anImageBelowTheNetworksMinimumSaysTheRealMinimumFirst(@TempDir Path dir) {
        Path small = dir.resolve("small.png");
        Images.writePng(Images.readRgb(F16).crop(0, 0, 32, 32), small);
        // The fast preset's five levels of 3×3 reflection-padded convolutions need 64 px: at 32 px the deepest map is 1×1.
        assertBadInput(dip("denoise", "--image", small.toString()), "32×32", "needs at least 64×64");
    }

    @Test
    void dropZeroIsRejectedAsAFractionOutOfRange() {
        CliTests.Outcome o = dip("inpaint", "--image", F16.toString(), "--drop", "0");
        assertBadInput(o, "--drop must be a fraction between 0 and 1");
        assertThat(o.err()).doesNotContain("got none");
    }
}
