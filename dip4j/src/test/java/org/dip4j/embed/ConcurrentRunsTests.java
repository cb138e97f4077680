package org.dip4j.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dip4j.api.Images;
import org.dip4j.api.run.Dip;
import org.dip4j.api.run.DipResult;
import org.dip4j.api.run.RunBuilder;
import org.junit.jupiter.api.Test;

/** Two restorations at once in one JVM get the numbers each gets alone. */
class ConcurrentRunsTests {
    private static RunBuilder denoise() {
        return TinyRuns.tiny(Dip.task("denoise").input("image", TinyRuns.picture())).iterations(15).seed(11);
    }

    private static RunBuilder inpaint() {
        return TinyRuns.inpaint(Images.fromBufferedImage(TinyRuns.picture()), TinyRuns.band())
                .iterations(15).seed(12);
    }

    @Test
    void twoRunsAtOnceGetTheNumbersTheyGetAlone() throws Exception {
        DipResult denoiseAlone = denoise().run();
        DipResult inpaintAlone = inpaint().run();

        CompletableFuture<DipResult> a = denoise().start();
        CompletableFuture<DipResult> b = inpaint().start();
        DipResult denoiseTogether = a.get(10, TimeUnit.MINUTES);
        DipResult inpaintTogether = b.get(10, TimeUnit.MINUTES);

        assertThat(denoiseTogether.metrics()).isEqualTo(denoiseAlone.metrics());
        assertThat(inpaintTogether.metrics()).isEqualTo(inpaintAlone.metrics());
        assertThat(denoiseTogether.output().toArray()).isEqualTo(denoiseAlone.output().toArray());
        assertThat(inpaintTogether.output().toArray()).isEqualTo(inpaintAlone.output().toArray());
        // The two runs are different problems: equal numbers are not a coincidence of sharing.
        assertThat(denoiseAlone.metrics()).isNotEqualTo(inpaintAlone.metrics());
    }

    @Test
    void twoRunsOfTheSameTaskAtOnceWithDifferentSeedsKeepTheirOwnNumbers() throws Exception {
        DipResult one = denoise().seed(21).run();
        DipResult two = denoise().seed(22).run();
        CompletableFuture<DipResult> a = denoise().seed(21).start();
        CompletableFuture<DipResult> b = denoise().seed(22).start();
        assertThat(a.get(10, TimeUnit.MINUTES).metrics()).isEqualTo(one.metrics());
        assertThat(b.get(10, TimeUnit.MINUTES).metrics()).isEqualTo(two.metrics());
        assertThat(one.metrics()).isNotEqualTo(two.metrics());
    }
}
