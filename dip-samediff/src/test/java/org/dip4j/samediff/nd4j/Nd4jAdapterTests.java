package org.dip4j.samediff.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.dip4j.api.DipException;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jAdapterTests {
    @Test
    void theClassPathHoldsTheVersionTheAdapterIsWrittenFor() {
        assertThat(Nd4jAdapter.nd4jVersion()).isEqualTo(Nd4jAdapter.VERSION);
        Nd4jAdapter.checkVersion(Nd4jAdapter.VERSION);
    }

    @Test
    void anotherVersionFailsWithAMessageNamingBoth() {
        assertThatThrownBy(() -> Nd4jAdapter.checkVersion("1.0.0-M3"))
                .isInstanceOf(DipException.class)
                .hasMessageContaining("1.0.0-M3").hasMessageContaining(Nd4jAdapter.VERSION).hasMessageContaining("nd4j-api");
    }

    @Test
    void theFilterDropsSameDiffsPerOpLinesAndPassesEverythingElse() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream target = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PrintStream filter = new OpLogFilter(target);
        filter.println(OpLogFilter.PREFIX + "conv2d");
        filter.println("kept é");
        filter.printf("%d%n", 42);
        filter.print('x');
        filter.println((Object) "object");
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("kept é" + System.lineSeparator() + "42" + System.lineSeparator() + "xobject"
                        + System.lineSeparator());
    }

    @Test
    void buildingAGradientPrintsNothingAndLeavesTheCurrentStreamInPlace() {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        try {
            SameDiff sd = SameDiff.create();
            SDVariable x = sd.var("x", Nd4j.rand(2, 3));
            sd.setLossVariables(sd.sum(x.mul(x)));
            Nd4jAdapter.createGradFunction(sd);
            System.out.println("after");
            assertThat(sd.getFunction("grad")).isNotNull();
            assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("after" + System.lineSeparator());
        } finally {
            System.setOut(original);
        }
    }
}
