package org.dip4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dip4j.serve.DipServer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dip serve}: the browser UI and HTTP API, until Ctrl-C (which stops the runs cleanly). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"A local web page and HTTP API (under /api) that start runs, paint masks, show progress live "
                + "and compare results; runs execute in this process, one at a time unless --parallel."})
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to bind. Any non-loopback address needs the token on every request. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs",
            description = "The folder of run folders: listed, and where new runs go. Default: ${DEFAULT-VALUE}.")
    Path runs;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "Runs that execute at once; the others wait in a queue. Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Require this token on every request (made up and printed on non-loopback addresses).")
    @Nullable String token;

    @Option(names = "--max-upload", paramLabel = "MB", defaultValue = "50",
            description = "Largest new-run form, images included. Default: ${DEFAULT-VALUE} MB.")
    int maxUploadMb;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        DipServer.Options options = new DipServer.Options(host, port, runs, parallel, token, maxUploadMb * 1024L * 1024L);
        CtrlC ctrlC = CtrlC.install("dip-serve-ctrl-c", "stopping: every run writes its folder and checkpoint"
                + " (resume it from the page or with 'dip resume') ...");
        try (DipServer server = DipServer.start(options, DipCommand.of(spec).registry(),
                Thread.currentThread().getContextClassLoader())) {
            out.println("dip serve: " + server.uri() + "  (runs in " + server.runs() + "; Ctrl-C stops)");
            if (server.token() != null) {
                out.println("token: " + server.token() + "  (send 'Authorization: Bearer <token>' from scripts)");
            }
            out.flush();
            while (!ctrlC.stop().get()) {
                Thread.sleep(200);
            }
        } finally {
            ctrlC.close();
        }
        return Main.INTERRUPTED;
    }
}
