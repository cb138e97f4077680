package org.dip4j.samediff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dip4j.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** Reading checkpoints: a round trip, the format version, and files that are not (whole) checkpoints. */
class CheckpointTests {
    @TempDir
    Path dir;

    private Path written() {
        Properties extra = new Properties();
        extra.setProperty("es.best", "12");
        Path file = dir.resolve(Checkpoint.FILE);
        new Checkpoint(40, 41, 1, 27.5, Map.of("param/w", Nd4j.linspace(1, 64, 64).reshape(8, 8)), extra).write(file);
        return file;
    }

    @Test
    void aWrittenCheckpointReadsBackWithItsFormat() throws Exception {
        Checkpoint c = Checkpoint.read(written());
        assertThat(c.iteration()).isEqualTo(40);
        assertThat(c.optimizerSteps()).isEqualTo(41);
        assertThat(c.lastPsnr()).isEqualTo(27.5);
        assertThat(c.array("param/w").getDouble(7, 7)).isEqualTo(64.0);
        assertThat(c.extra().getProperty("es.best")).isEqualTo("12");
    }

    @Test
    void aCheckpointWithoutAFormatIsFormatOneAndANewerFormatIsRefused() throws Exception {
        Path old = dir.resolve("old.zip");
        writeState(old, "iteration=5\noptimizer-steps=5\nrestores=0\nlast-psnr=NaN\n");
        assertThat(Checkpoint.read(old).iteration()).isEqualTo(5);
        Path newer = dir.resolve("newer.zip");
        writeState(newer, "format=" + (Checkpoint.FORMAT + 1) + "\niteration=5\noptimizer-steps=5\nrestores=0\n");
        assertThatThrownBy(() -> Checkpoint.read(newer)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("newer dip4j").hasMessageContaining(newer.toString());
    }

    @Test
    void emptyForeignAndTruncatedFilesAreNamedWithWhatToDo() throws Exception {
        Path empty = Files.write(dir.resolve("empty.zip"), new byte[0]);
        assertThatThrownBy(() -> Checkpoint.read(empty)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(empty.toString()).hasMessageContaining("empty").hasMessageContaining("start the run again");
        Path foreign = Files.writeString(dir.resolve("foreign.zip"), "hello, not a zip");
        assertThatThrownBy(() -> Checkpoint.read(foreign)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a dip4j checkpoint").hasMessageContaining("start the run again");
        Path whole = written();
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length / 2 + 40));
        assertThatThrownBy(() -> Checkpoint.read(cut)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(cut.toString()).hasMessageContaining("damaged")
                .hasMessageContaining("start the run again").hasMessageNotContaining("Exception");
    }

    private static void writeState(Path file, String properties) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("state.properties"));
            zip.write(properties.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            zip.closeEntry();
        }
    }
}
