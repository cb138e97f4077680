package org.dip4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dip4j.cli.BadInputTests.assertBadInput;
import static org.dip4j.cli.CliTests.dip;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dip serve} from the command line; the server itself is tested in dip-serve. */
class ServeCommandTests {
    @Test
    void helpNamesEveryOption() {
        CliTests.Outcome o = dip("serve", "--help");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("--port", "--host", "--runs", "--parallel", "--token", "--max-upload", "8080",
                "127.0.0.1");
        assertThat(dip("--help").out()).contains("serve");
    }

    @Test
    void badOptionsAndATakenPortAreOneLineWithExitCode2(@TempDir Path dir) throws Exception {
        String runs = dir.resolve("runs").toString();
        assertBadInput(dip("serve", "--runs", runs, "--parallel", "0"), "--parallel must be at least 1");
        assertBadInput(dip("serve", "--runs", runs, "--port", "70000"), "--port");
        assertBadInput(dip("serve", "--runs", runs, "--host", "no-such-host.invalid"), "--host 'no-such-host.invalid'");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertBadInput(dip("serve", "--runs", runs, "--port", String.valueOf(taken.getLocalPort())),
                    "cannot serve on 127.0.0.1:" + taken.getLocalPort(), "--port");
        }
    }
}
