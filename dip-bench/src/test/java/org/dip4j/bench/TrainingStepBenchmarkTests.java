package org.dip4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dip4j.samediff.engine.RunResult;
import org.junit.jupiter.api.Test;

/** The benchmark's state and method, called directly on a small crop (JMH itself is not run in tests). */
class TrainingStepBenchmarkTests {
    @Test
    void eachInvocationRunsTheDeclaredNumberOfTrainingSteps() {
        Path image = Path.of("../data/denoising/F16_GT.png");
        assertThat(image).exists();
        TrainingStepBenchmark b = new TrainingStepBenchmark();
        b.size = 64; // the smallest crop the five-scale F16 network takes
        b.image = image.toAbsolutePath().toString();
        b.prepare();
        RunResult first = b.trainingSteps();
        RunResult second = b.trainingSteps();
        assertThat(first.iterations()).isEqualTo(TrainingStepBenchmark.STEPS);
        assertThat(second.iterations()).isEqualTo(TrainingStepBenchmark.STEPS);
        // The network keeps training across invocations: the second output differs from the first.
        assertThat(second.output()).isNotEqualTo(first.output());
    }
}
