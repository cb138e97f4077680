package org.dip4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dip4j.api.report.ResultTable;
import org.dip4j.api.report.Stats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsTests {
    @Test
    void meanAndSampleStandardDeviationByHand() {
        // 1, 2, 4: mean 7/3; squared deviations 16/9 + 1/9 + 25/9 = 42/9; over n − 1 = 2: 7/3.
        Stats s = Stats.of(List.of(1.0, 2.0, 4.0));
        assertThat(s.mean()).isCloseTo(7.0 / 3, within(1e-12));
        assertThat(s.std()).isCloseTo(Math.sqrt(7.0 / 3), within(1e-12));
        assertThat(s.n()).isEqualTo(3);
    }

    @Test
    void nanIsLeftOutAndOneValueHasNoSpread() {
        assertThat(Stats.of(Arrays.asList(5.0, Double.NaN))).isEqualTo(new Stats(5.0, 0.0, 1));
        assertThat(Stats.of(List.of(Double.NaN)).isEmpty()).isTrue();
    }

    @Test
    void tablesShowMeanPlusMinusStdAndMissingSeeds(@TempDir Path dir) throws IOException {
        // Two seeds of configuration a, one (of two) of configuration b.
        metrics(dir.resolve("a0"), "0,0.1,10.0,1.0\n5,0.2,20.0,\n");
        metrics(dir.resolve("a1"), "0,0.1,12.0,3.0\n5,0.2,24.0,\n");
        metrics(dir.resolve("b0"), "0,0.1,30.0,2.0\n");
        Map<String, List<Path>> groups = new LinkedHashMap<>();
        groups.put("a", List.of(dir.resolve("a0"), dir.resolve("a1")));
        groups.put("b", List.of(dir.resolve("b0")));
        ResultTable t = IterationTable.join(groups, List.of("psnr"), 0, 2, (g, m) -> g + " " + m);
        assertThat(t.rows()).extracting(ResultTable.Row::key).containsExactly("0", "5");
        // a at 0: 10, 12 → mean 11, std √2; at 5: 20, 24 → mean 22, std √8.
        assertThat(t.rows().get(0).cells().get(0).std()).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(t.markdown()).contains("| 0 | 11.0000 ± 1.4142 | 30.0000 (n=1) |")
                .contains("| 5 | 22.0000 ± 2.8284 | – |");
        assertThat(t.csv()).startsWith("iteration,a:psnr_mean,a:psnr_std,a:psnr_n,b:psnr_mean,b:psnr_std,b:psnr_n\n")
                .contains("0,11.000000,1.414214,2,30.000000,,1\n");
        ResultTable all = IterationTable.join(groups, List.of(), 5, 2, (g, m) -> g + " " + m);
        assertThat(all.columns()).extracting(ResultTable.Column::csvName).containsExactly("a:psnr", "a:ssim", "b:psnr",
                "b:ssim");
        assertThat(all.rows()).extracting(ResultTable.Row::key).containsExactly("0", "5");
    }

    private static void metrics(Path folder, String rows) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("metrics.csv"), "iteration,seconds,psnr,ssim\n" + rows);
    }
}
