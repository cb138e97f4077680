package org.dip4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.Map;
import org.apiguardian.api.API;
import org.dip4j.api.PluginKind;
import org.dip4j.spi.Plugin;
import org.dip4j.spi.Task;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link Task} plugin: a well-formed id, registration in
 * {@code META-INF/services/org.dip4j.spi.Task}, and a {@code reference.conf} subtree
 * {@code dip.tasks.<id>} that names the task's default loss terms ({@code losses { id = weight }},
 * at least one non-zero weight, none negative) and metrics ({@code metrics = [ids]}) with
 * well-formed ids. Preparing a problem needs input files, so that is left to the task's own tests.
 */
@API(status = API.Status.STABLE, since = "0.1")
public abstract class TaskContractTests {
    /** A freshly constructed instance of the task under test. */
    protected abstract Task task();

    @Test
    public void idIsWellFormed() {
        PluginContract.assertIdWellFormed(task());
    }

    @Test
    public void isRegisteredAsAService() {
        PluginContract.assertRegistered(task(), Task.class);
    }

    @Test
    public void referenceConfNamesTheDefaultLossesAndMetrics() {
        Config settings = PluginContract.referenceSettings(task(), PluginKind.TASK);
        assertThat(settings.hasPath("losses")).as("dip.tasks.%s.losses", task().id()).isTrue();
        double total = 0;
        for (Map.Entry<String, ConfigValue> e : settings.getConfig("losses").root().entrySet()) {
            assertThat(e.getKey()).as("loss id in dip.tasks.%s.losses", task().id()).matches(Plugin.ID_PATTERN);
            assertThat(e.getValue().valueType()).as("weight of %s", e.getKey()).isEqualTo(ConfigValueType.NUMBER);
            double w = ((Number) e.getValue().unwrapped()).doubleValue();
            assertThat(w).as("weight of %s", e.getKey()).isGreaterThanOrEqualTo(0.0);
            total += w;
        }
        assertThat(total).as("sum of the default loss weights of %s", task().id()).isPositive();
        assertThat(settings.getStringList("metrics")).as("dip.tasks.%s.metrics", task().id())
                .allSatisfy(id -> assertThat(id).matches(Plugin.ID_PATTERN));
    }
}
