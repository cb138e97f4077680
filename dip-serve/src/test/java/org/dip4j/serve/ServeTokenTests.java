package org.dip4j.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.dip4j.api.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On an address other than loopback, every request needs the server's token. */
class ServeTokenTests {
    @Test
    void aNonLoopbackBindMakesUpATokenAndRefusesRequestsWithoutIt(@TempDir Path dir) throws Exception {
        try (DipServer server = DipServer.start(new DipServer.Options("0.0.0.0", 0, dir, 1, null, 1 << 20),
                PluginRegistry.load(), Thread.currentThread().getContextClassLoader())) {
            String token = server.token();
            assertThat(token).isNotNull().hasSizeGreaterThanOrEqualTo(20);
            assertThat(server.uri().toString()).endsWith("/?token=" + token);
            Http anonymous = new Http(server.port());
            assertThat(anonymous.get("/").status()).isEqualTo(401);
            assertThat(anonymous.get("/api/runs").status()).isEqualTo(401);
            assertThat(anonymous.post("/api/runs/x/stop").status()).isEqualTo(401);
            assertThat(new Http(server.port()).header("Authorization", "Bearer wrong" + token).get("/api/runs").status())
                    .isEqualTo(401);

            assertThat(new Http(server.port()).header("Authorization", "Bearer " + token).get("/api/runs").status())
                    .isEqualTo(200);
            // The page opened with ?token= sets a cookie that its scripts, images and event streams carry.
            Http.Reply page = anonymous.get("/?token=" + token);
            assertThat(page.status()).isEqualTo(200);
            String cookie = page.headers().firstValue("set-cookie").orElseThrow();
            assertThat(cookie).startsWith("dip_token=" + token).containsIgnoringCase("HttpOnly")
                    .containsIgnoringCase("SameSite=Strict");
            assertThat(new Http(server.port()).header("Cookie", "dip_token=" + token).get("/api/runs").status())
                    .isEqualTo(200);
            assertThat(new Http(server.port()).header("Cookie", "dip_token=nope").get("/api/runs").status())
                    .isEqualTo(401);
        }
    }

    @Test
    void aTokenGivenOnLoopbackIsRequiredToo(@TempDir Path dir) {
        try (DipServer server = DipServer.start(new DipServer.Options("127.0.0.1", 0, dir, 1, "s3cret-token", 1 << 20),
                PluginRegistry.load(), Thread.currentThread().getContextClassLoader())) {
            assertThat(new Http(server.port()).get("/api/runs").status()).isEqualTo(401);
            assertThat(new Http(server.port()).get("/api/runs?token=s3cret-token").status()).isEqualTo(200);
        }
    }
}
