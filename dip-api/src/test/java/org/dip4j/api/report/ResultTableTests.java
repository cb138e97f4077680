package org.dip4j.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dip4j.api.report.ResultTable.Column;
import org.junit.jupiter.api.Test;

class ResultTableTests {
    private final ResultTable table = new ResultTable(List.of(new Column("psnr", "PSNR (dB)", 2),
            new Column("ssim", "SSIM", 3)))
            .add("a", 12.345678, 0.5)
            .add("b", Double.POSITIVE_INFINITY, Double.NaN);

    @Test
    void csvKeepsSixDecimalsAndMarksMissingValuesEmpty() {
        assertThat(table.csv()).isEqualTo("method,psnr,ssim\na,12.345678,0.500000\nb,inf,\n");
    }

    @Test
    void markdownRoundsPerColumnAndRightAligns() {
        assertThat(table.markdown()).isEqualTo("""
                | Method | PSNR (dB) | SSIM |
                |---|---:|---:|
                | a | 12.35 | 0.500 |
                | b | inf | – |
                """);
    }

    @Test
    void refusesARowOfTheWrongLength() {
        assertThatThrownBy(() -> table.add("c", 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesWithSeparatorsAreQuotedInCsvAndEscapedInMarkdown() {
        ResultTable t = new ResultTable(List.of(new Column("psnr", "PSNR", 1))).add("a|b, \"c\"", 1.0);
        assertThat(t.csv()).isEqualTo("method,psnr\n\"a|b, \"\"c\"\"\",1.000000\n");
        assertThat(t.markdown()).contains("| a\\|b, \"c\" | 1.0 |");
    }

    @Test
    void overSeedsCellsShowMeanStdAndMissingSeeds() {
        ResultTable t = new ResultTable("configuration", List.of(new Column("psnr", "PSNR")),
                List.of(new ResultTable.Row("x", "x", List.of(Stats.of(List.of(1.0, 3.0)))),
                        new ResultTable.Row("y", "y", List.of(Stats.of(List.of(2.0, Double.NaN))))), 2);
        // mean 2, sample std sqrt(2) over two seeds; one seed missing in y.
        assertThat(t.csv()).isEqualTo("configuration,psnr_mean,psnr_std,psnr_n\nx,2.000000,1.414214,2\ny,2.000000,,1\n");
        assertThat(t.markdown()).contains("| x | 2.0000 ± 1.4142 |", "| y | 2.0000 (n=1) |");
    }
}
