package org.dip4j.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginRegistry;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;

/**
 * {@code dip serve}: Jetty serving the browser UI and the API for the run folders under one
 * directory, running restorations in this JVM. Binds to loopback unless told otherwise; on any
 * other address every request must carry the token.
 */
public final class DipServer implements AutoCloseable {
    /**
     * How to serve.
     *
     * @param host the address to bind (loopback unless another is asked for)
     * @param port the port (0 picks a free one)
     * @param runs the folder of run folders
     * @param parallel how many runs execute at once (others queue)
     * @param token the token every request must carry; null for none on loopback (one is made up
     *     on other addresses)
     * @param maxUploadBytes the largest accepted new-run form, uploads included
     */
    public record Options(String host, int port, Path runs, int parallel, @Nullable String token, long maxUploadBytes) {
        public Options {
            if (parallel < 1) {
                throw new InvalidInputException("--parallel must be at least 1, got " + parallel);
            }
            if (maxUploadBytes < 1) {
                throw new InvalidInputException("--max-upload must be at least 1 MB");
            }
            if (port < 0 || port > 65535) {
                throw new InvalidInputException("--port must be between 0 and 65535, got " + port);
            }
        }
    }

    private final Server server;
    private final Runs runs;
    private final @Nullable String token;
    private final String host;
    private final Path uploadTemp;

    private DipServer(Server server, Runs runs, @Nullable String token, String host, Path uploadTemp) {
        this.server = server;
        this.runs = runs;
        this.token = token;
        this.host = host;
        this.uploadTemp = uploadTemp;
    }

    /** Starts serving; runs go through the embedding API. */
    public static DipServer start(Options options, PluginRegistry registry, ClassLoader loader) {
        return start(options, new LibraryExecutor(registry, loader), registry, loader);
    }

    static DipServer start(Options options, RunExecutor executor, PluginRegistry registry, ClassLoader loader) {
        String token = options.token() != null ? options.token() : isLoopback(options.host()) ? null : newToken();
        Path root = options.runs().toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create the runs folder " + root + ": " + e.getMessage());
        }
        Path uploadTemp;
        try {
            uploadTemp = Files.createTempDirectory("dip-serve-uploads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runs runs = new Runs(root, executor, options.parallel(), loader);
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("dip-serve-http");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);
        server.setHandler(new ServeHandler(runs, new RunForm(registry, loader), registry, token,
                options.maxUploadBytes(), uploadTemp));
        server.setStopTimeout(2000);
        try {
            server.start();
        } catch (Exception e) {
            runs.close(0);
            throw new InvalidInputException("cannot serve on " + options.host() + ":" + options.port() + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                    + " (choose another --port or --host)");
        }
        return new DipServer(server, runs, token, options.host(), uploadTemp);
    }

    /** The port served on (the chosen one when 0 was asked for). */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The token requests must carry, or null when none is needed. */
    public @Nullable String token() {
        return token;
    }

    /** The address of the page (with the token, when there is one). */
    public URI uri() {
        String h = host.contains(":") ? "[" + host + "]" : host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return URI.create("http://" + h + ":" + port() + "/" + (token == null ? "" : "?token=" + token));
    }

    public Path runs() {
        return runs.root();
    }

    /** Stops every run (each writes its folder and checkpoint, so it can be resumed), then the server. */
    @Override
    public void close() {
        runs.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the server: " + e.getMessage(), e);
        } finally {
            try (var files = Files.walk(uploadTemp)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // a temporary folder left behind
            }
        }
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new InvalidInputException("unknown --host '" + host + "': give an address of this machine,"
                    + " e.g. 127.0.0.1 or 0.0.0.0");
        }
    }

    private static String newToken() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
