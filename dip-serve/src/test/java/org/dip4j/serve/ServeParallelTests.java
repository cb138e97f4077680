package org.dip4j.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.dip4j.api.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --parallel 2}: two runs execute at once, a third waits for a free slot. */
class ServeParallelTests {
    @Test
    void twoRunsRunAtOnceAndAThirdWaits(@TempDir Path dir) throws Exception {
        try (DipServer server = DipServer.start(new DipServer.Options("127.0.0.1", 0, dir, 2, null, 1 << 20),
                PluginRegistry.load(), Thread.currentThread().getContextClassLoader())) {
            Http http = new Http(server.port());
            Http.Form[] forms = {ServeApiTests.inpaint(5000), ServeApiTests.inpaint(5000), ServeApiTests.inpaint(5000)};
            String[] ids = new String[3];
            for (int i = 0; i < 3; i++) {
                Http.Reply r = http.post("/api/runs", forms[i]);
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                ids[i] = r.json().getString("id");
            }
            long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < end && !(running(http, ids[0]) && running(http, ids[1]))) {
                Thread.sleep(50);
            }
            assertThat(running(http, ids[0]) && running(http, ids[1])).as("both running").isTrue();
            assertThat(http.get("/api/runs/" + ids[2]).json().getString("status")).isEqualTo("queued");
            for (String id : ids) {
                http.post("/api/runs/" + id + "/stop");
            }
        }
    }

    private static boolean running(Http http, String id) {
        var run = http.get("/api/runs/" + id).json();
        return run.getString("status").equals("running") && run.getInt("iteration") >= 1;
    }
}
