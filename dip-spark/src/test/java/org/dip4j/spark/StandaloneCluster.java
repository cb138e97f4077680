package org.dip4j.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone cluster on loopback made of separate JVMs started from this test's own class
 * path: one {@code Master} and some {@code Worker}s of one core each. The workers start executors
 * with the same class path (SPARK_DIST_CLASSPATH), so no Spark distribution is needed.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final String HOST = "127.0.0.1";

    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private final Path dir;
    private final int masterPort;
    private final int masterWebPort;

    private StandaloneCluster(Path dir) throws IOException {
        this.dir = dir;
        this.masterPort = freePort();
        this.masterWebPort = freePort();
    }

    /** Starts a master and {@code workers} workers, and waits until every worker has registered. */
    static StandaloneCluster start(Path dir, int workers, String workerMemory) throws Exception {
        StandaloneCluster cluster = new StandaloneCluster(dir);
        try {
            Files.createDirectories(dir.resolve("spark-home/jars"));
            cluster.launch("master", "org.apache.spark.deploy.master.Master",
                    "--host", HOST, "--port", Integer.toString(cluster.masterPort),
                    "--webui-port", Integer.toString(cluster.masterWebPort));
            for (int i = 0; i < workers; i++) {
                Path work = Files.createDirectories(dir.resolve("worker-" + i));
                cluster.launch("worker-" + i, "org.apache.spark.deploy.worker.Worker",
                        "--host", HOST, "--port", Integer.toString(freePort()),
                        "--webui-port", Integer.toString(freePort()), "--cores", "1", "--memory", workerMemory,
                        "--work-dir", work.toString(), cluster.masterUrl());
            }
            // Generous: on a loaded machine three JVMs can take minutes to start.
            cluster.awaitWorkers(workers, Duration.ofSeconds(240));
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    String masterUrl() {
        return "spark://" + HOST + ":" + masterPort;
    }

    private void launch(String name, String mainClass, String... args) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
        command.addAll(List.of("-cp", classPath, mainClass));
        command.addAll(Arrays.asList(args));
        Path log = dir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", dir.resolve("spark-home").toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_DIST_CLASSPATH", classPath);
        env.put("SPARK_LOCAL_IP", HOST);
        env.put("SPARK_LOCAL_DIRS", Files.createDirectories(dir.resolve("local-" + name)).toString());
        processes.add(pb.start());
        logs.add(log);
    }

    private void awaitWorkers(int workers, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + masterWebPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        Pattern alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < processes.size(); i++) {
                if (!processes.get(i).isAlive()) {
                    throw new AssertionError("a cluster process exited early:\n" + tail(logs.get(i)));
                }
            }
            try {
                Matcher m = alive.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
                if (m.find() && Integer.parseInt(m.group(1)) >= workers) {
                    return;
                }
            } catch (IOException e) {
                // The master's web UI is not up yet.
            }
            Thread.sleep(500);
        }
        throw new AssertionError("workers did not register within " + timeout + ":\n" + logTails());
    }

    /** The last lines of every process's log, for a failure message. */
    String logTails() {
        StringBuilder sb = new StringBuilder();
        for (Path log : logs) {
            sb.append("== ").append(log.getFileName()).append('\n').append(tail(log));
        }
        return sb.toString();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())) + "\n";
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")\n";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        }
    }

    /** Stops the workers (and so their executors) first, then the master. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(15), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }
}
