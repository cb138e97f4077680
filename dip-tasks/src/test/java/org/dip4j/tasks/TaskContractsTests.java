package org.dip4j.tasks;

import org.dip4j.spi.Task;
import org.dip4j.tasks.blend.BlendingTask;
import org.dip4j.tasks.denoise.DenoisingTask;
import org.dip4j.tasks.inpaint.InpaintingTask;
import org.dip4j.tasks.sr.SuperResolutionTask;
import org.dip4j.testkit.TaskContractTests;
import org.junit.jupiter.api.Nested;

/** Every task of this module passes the plugin contract of dip-testkit. */
class TaskContractsTests {
    @Nested
    class Denoise extends TaskContractTests {
        @Override
        protected Task task() {
            return new DenoisingTask();
        }
    }

    @Nested
    class SuperResolution extends TaskContractTests {
        @Override
        protected Task task() {
            return new SuperResolutionTask();
        }
    }

    @Nested
    class Inpaint extends TaskContractTests {
        @Override
        protected Task task() {
            return new InpaintingTask();
        }
    }

    @Nested
    class Blend extends TaskContractTests {
        @Override
        protected Task task() {
            return new BlendingTask();
        }
    }
}
