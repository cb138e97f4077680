package org.dip4j.samediff.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTests {
    /** FIPS 180-2's test vector: SHA-256("abc"). */
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void everySettingThatNamesAFileIsAnInputWithItsSizeAndHash(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.png"), "abc");
        Files.createDirectories(dir.resolve("runs"));
        Path absolute = Files.writeString(dir.resolve("b.png"), "");
        Config config = ConfigFactory.parseMap(Map.of(
                "dip.tasks.denoise.image", "a.png",
                "dip.tasks.blend.mask", absolute.toString(),
                "dip.tasks.denoise.noisy", "missing.png",
                "dip.run.output-dir", "runs",
                "dip.run.iterations", 3,
                "other.file", "a.png"));

        List<Map<String, Object>> inputs = Provenance.inputs(config, dir);

        assertThat(inputs).containsExactly(
                Map.of("setting", "dip.tasks.blend.mask", "path", absolute.toString(), "bytes", 0L,
                        "sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                Map.of("setting", "dip.tasks.denoise.image", "path", "a.png", "bytes", 3L, "sha256", SHA256_ABC));
    }

    @Test
    void theHashIsSha256OfTheBytes(@TempDir Path dir) throws IOException {
        assertThat(Provenance.sha256(Files.writeString(dir.resolve("x"), "abc"))).isEqualTo(SHA256_ABC);
    }
}
