package org.dip4j.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.run.Dip;
import org.dip4j.api.run.DipResult;
import org.dip4j.api.run.DipRun;
import org.dip4j.api.run.Progress;
import org.dip4j.api.run.RunStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding API end to end, on tiny images and a tiny network. */
class EmbeddingApiTests {
    private static final BufferedImage PICTURE = TinyRuns.picture();

    @Test
    void aListenerSeesEveryIterationInOrderAndTheLoggedMetrics() {
        List<Integer> seen = new ArrayList<>();
        List<Integer> logged = new ArrayList<>();
        AtomicReference<RunStart> start = new AtomicReference<>();
        DipResult r = TinyRuns.tiny(Dip.task("denoise").input("image", PICTURE)).iterations(12).seed(1)
                .onProgress(new org.dip4j.api.run.ProgressListener() {
                    @Override
                    public void started(RunStart s) {
                        start.set(s);
                    }

                    @Override
                    public void progress(Progress p) {
                        seen.add(p.iteration());
                        assertThat(p.total()).isEqualTo(12);
                        if (p.logged()) {
                            logged.add(p.iteration());
                            assertThat(p.metrics()).containsKey("psnr_gt");
                        }
                    }
                })
                .run();
        assertThat(seen).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(logged).containsExactly(0, 5, 10, 11);
        assertThat(start.get().height()).isEqualTo(32);
        assertThat(start.get().iterations()).isEqualTo(12);
        assertThat(r.iterations()).isEqualTo(12);
        assertThat(r.cancelled()).isFalse();
        assertThat(r.output().shape()).isEqualTo("3×32×32");
        assertThat(r.outputs()).containsKeys("result", "result_smoothed");
        assertThat(r.inputs()).containsKeys("noisy", "ground_truth");
        assertThat(r.metric("psnr_gt")).isBetween(5.0, 60.0);
        assertThat(r.runFolder()).isNull();
    }

    @Test
    void theCurrentOutputIsMadeOnRequestDuringTheCallbackOnly() {
        List<Image> outputs = new ArrayList<>();
        List<Progress> kept = new ArrayList<>();
        TinyRuns.tiny(Dip.denoise(PICTURE)).iterations(3).onProgress(p -> {
            if (p.iteration() == 1) {
                outputs.add(p.output());
            }
            kept.add(p);
        }).run();
        assertThat(outputs).hasSize(1);
        assertThat(outputs.get(0).shape()).isEqualTo("3×32×32");
        assertThatThrownBy(() -> kept.get(0).output()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cancellingStopsAfterTheCurrentIterationWithAPartialResult() {
        AtomicReference<DipRun> self = new AtomicReference<>();
        DipRun r = TinyRuns.tiny(Dip.denoise(PICTURE)).iterations(500).onProgress(p -> {
            if (p.iteration() == 4) {
                self.get().cancel();
            }
        }).build();
        self.set(r);
        DipResult result = r.run();
        assertThat(result.cancelled()).isTrue();
        assertThat(result.iterations()).isEqualTo(5);
        assertThat(result.total()).isEqualTo(500);
        assertThat(result.output().shape()).isEqualTo("3×32×32");
    }

    @Test
    void aRunCancelledFromAnotherThreadCompletesItsFutureWithAPartialResult() throws Exception {
        CompletableFuture<Integer> third = new CompletableFuture<>();
        DipRun run = TinyRuns.tiny(Dip.denoise(PICTURE)).iterations(100_000).onProgress(p -> {
            if (p.iteration() == 2) {
                third.complete(p.iteration());
            }
        }).build();
        CompletableFuture<DipResult> future = run.start();
        third.get(5, TimeUnit.MINUTES);
        run.cancel();
        DipResult result = future.get(5, TimeUnit.MINUTES);
        assertThat(result.cancelled()).isTrue();
        assertThat(result.iterations()).isBetween(3, 99_999);
    }

    @Test
    void aRunCancelledBeforeItStartsDoesNotRun() {
        DipRun run = TinyRuns.tiny(Dip.denoise(PICTURE)).iterations(5).build();
        run.cancel();
        assertThatThrownBy(run::run).isInstanceOf(CancellationException.class);
        assertThatThrownBy(run::run).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInMemoryImageGivesTheNumbersOfTheSameImageReadFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("picture.png");
        ImageIO.write(PICTURE, "png", file.toFile());
        DipResult fromMemory = TinyRuns.tiny(Dip.task("denoise").input("image", PICTURE)).iterations(6).seed(5).run();
        DipResult fromFile = TinyRuns.tiny(Dip.task("denoise").input("image", file)).iterations(6).seed(5).run();
        DipResult fromImage = TinyRuns.tiny(Dip.task("denoise").input("image", Images.readRgb(file))).iterations(6)
                .seed(5).run();
        assertThat(fromMemory.metrics()).isEqualTo(fromFile.metrics());
        assertThat(fromImage.metrics()).isEqualTo(fromFile.metrics());
        assertThat(fromMemory.output().toArray()).isEqualTo(fromFile.output().toArray());
    }

    @Test
    void inpaintingKeepsTheMaskItWasGiven() {
        DipResult r = TinyRuns.inpaint(Images.fromBufferedImage(PICTURE), TinyRuns.band()).iterations(4).run();
        assertThat(r.inputs().get("mask").toArray()).isEqualTo(TinyRuns.band().toArray());
        assertThat(r.metrics()).containsKey("psnr_masked");
    }

    @Test
    void theRunFolderIsWrittenOnlyWhenAskedAndAnOldRunIsNotReplacedSilently(@TempDir Path dir) {
        Path folder = dir.resolve("run");
        DipResult r = TinyRuns.tiny(Dip.denoise(PICTURE)).iterations(3).runFolder(folder).run();
        assertThat(r.runFolder()).isEqualTo(folder);
        assertThat(folder.resolve("result.png")).exists();
        assertThat(folder.resolve("summary.json")).exists();
        assertThatThrownBy(() -> TinyRuns.tiny(Dip.denoise(PICTURE)).iterations(3).runFolder(folder).run())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already holds a run");
        TinyRuns.tiny(Dip.denoise(PICTURE)).iterations(2).runFolder(folder).replaceRunFolder().run();
        assertThat(folder.resolve("summary.json")).exists();
    }

    @Test
    void aMisspeltKeyIsRefusedWhenTheRunIsBuilt() {
        assertThatThrownBy(() -> TinyRuns.tiny(Dip.denoise(PICTURE)).set("dip.run.iteratoins", 5).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("iterations");
        assertThatThrownBy(() -> Dip.denoise(PICTURE).preset("quick").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("fast or paper");
    }

    @Test
    void aRunCanBeResumedToTheNumbersOfAnUninterruptedOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("picture.png");
        ImageIO.write(PICTURE, "png", file.toFile());
        DipResult whole = TinyRuns.tiny(Dip.task("denoise").input("image", file)).iterations(8).run();
        Path folder = dir.resolve("run");
        AtomicReference<DipRun> self = new AtomicReference<>();
        DipRun first = TinyRuns.tiny(Dip.task("denoise").input("image", file)).iterations(8).runFolder(folder)
                .onProgress(p -> {
                    if (p.iteration() == 3) {
                        self.get().cancel();
                    }
                }).build();
        self.set(first);
        assertThat(first.run().iterations()).isEqualTo(4);
        List<Integer> seen = new ArrayList<>();
        DipResult resumed = Dip.resume(folder).onProgress(p -> seen.add(p.iteration())).run();
        assertThat(seen).containsExactly(4, 5, 6, 7);
        assertThat(resumed.metrics()).isEqualTo(whole.metrics());
        assertThat(Files.readString(folder.resolve("summary.json"))).containsPattern("\"iterations\"\\s*:\\s*8,");
    }

    @Test
    void theFutureFailsWithTheRunsError() {
        CompletableFuture<DipResult> f = Dip.task("denoise").input("image", Path.of("no-such-file.png")).start();
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(InvalidInputException.class);
    }
}
