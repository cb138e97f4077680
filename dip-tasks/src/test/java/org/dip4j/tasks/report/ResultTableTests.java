package org.dip4j.tasks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dip4j.tasks.report.ResultTable.Column;
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
}
