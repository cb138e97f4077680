package org.dip4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutputLocationTests {
    @Test
    void aPlainPathIsWrittenInPlaceAndAUriGoesThroughHadoop() {
        assertThat(OutputLocation.parse("runs/exp").isHadoop()).isFalse();
        assertThat(OutputLocation.parse("runs/exp").folderOf("a"))
                .isEqualTo(Path.of("runs/exp/a").toAbsolutePath().toString());
        assertThat(OutputLocation.parse("hdfs://nn:8020/dip/").isHadoop()).isTrue();
        assertThat(OutputLocation.parse("hdfs://nn:8020/dip/").child("exp").folderOf("a"))
                .isEqualTo("hdfs://nn:8020/dip/exp/a");
        assertThat(OutputLocation.parse("s3a://bucket/runs").folderOf("b")).isEqualTo("s3a://bucket/runs/b");
        assertThat(OutputLocation.parse("file:///shared/runs").isHadoop()).isTrue();
    }
}
