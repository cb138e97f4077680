package org.dip4j.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.PluginRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of dip serve's API, against real (tiny) runs. */
class ServeApiTests {
    /** A two-scale network of 8 channels: a run of a few iterations takes about a second. */
    static final String TINY = """
            dip.architectures.skip.channels-down = [8, 8]
            dip.architectures.skip.channels-up = [8, 8]
            dip.architectures.skip.channels-skip = [2, 2]
            dip.run.checkpoint-every = 5
            """;
    static final long MAX_UPLOAD = 1 << 20;

    @TempDir
    static Path dir;
    static DipServer server;
    static Http http;
    static final byte[] image = png(Image.generate(3, 64, 64,
            (c, y, x) -> 0.5 + 0.4 * Math.sin(x / 5.0 + c) * Math.cos(y / 7.0)));
    static final byte[] mask = png(Image.generate(1, 64, 64,
            (c, y, x) -> x >= 20 && x < 36 && y >= 24 && y < 40 ? 0 : 1));

    @BeforeAll
    static void start() {
        server = DipServer.start(new DipServer.Options("127.0.0.1", 0, dir.resolve("runs"), 1, null, MAX_UPLOAD),
                PluginRegistry.load(), Thread.currentThread().getContextClassLoader());
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static byte[] png(Image img) {
        try {
            Path f = Files.createTempFile("dip-serve-test", ".png");
            try {
                Images.writePng(img, f);
                return Files.readAllBytes(f);
            } finally {
                Files.delete(f);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Http.Form inpaint(int iterations) {
        return new Http.Form().field("task", "inpaint").field("iterations", String.valueOf(iterations))
                .field("seed", "3").field("set", TINY + "dip.run.log-every = 2\n")
                .file("image", "kate.png", image).file("mask", "holes.png", mask);
    }

    static String submit(Http.Form form) {
        Http.Reply r = http.post("/api/runs", form);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("id");
    }

    /** Polls the run until {@code until} holds (two minutes at most). */
    static Config await(String id, Predicate<Config> until) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            Config run = http.get("/api/runs/" + id).json();
            if (until.test(run) || System.nanoTime() > end) {
                return run;
            }
            Thread.sleep(50);
        }
    }

    static Predicate<Config> status(String... any) {
        return run -> List.of(any).contains(run.getString("status"));
    }

    /** The event stream of a run, line by line, until its end event. */
    static List<String> events(String id) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> r = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/runs/" + id + "/events"))
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
                if (line.equals("event: end")) {
                    break;
                }
            }
        }
        return lines;
    }

    @Test
    void aRunStartedByFormStreamsItsProgressAndEndsWithItsFiles() throws Exception {
        String id = submit(inpaint(8));
        assertThat(id).startsWith("inpaint-");
        List<String> lines = events(id);

        // Live: progress up to the last iteration, a logged point every 2 iterations, snapshots, the end state.
        assertThat(lines).contains("event: state", "event: progress", "event: snapshot", "event: end");
        Path folder = server.runs().resolve(id);
        long rows = Files.readAllLines(folder.resolve("metrics.csv")).size() - 1;
        assertThat(rows).isGreaterThanOrEqualTo(4);
        assertThat(lines.stream().filter(l -> l.equals("event: logged")).count()).isEqualTo(rows);
        assertThat(lines).anyMatch(l -> l.contains("\"iteration\":8") && l.contains("\"iterations\":8"));
        assertThat(lines.get(lines.size() - 3)).contains("\"status\":\"done\"");

        Config run = http.get("/api/runs/" + id).json();
        assertThat(run.getString("id")).isEqualTo(id);
        assertThat(run.getString("task")).isEqualTo("inpaint");
        assertThat(run.getString("status")).isEqualTo("done");
        assertThat(run.getInt("iteration")).isEqualTo(8);
        assertThat(run.getInt("iterations")).isEqualTo(8);
        assertThat(run.getIsNull("error")).isTrue();
        double psnr = run.getDouble("metrics.psnr");
        assertThat(psnr).isBetween(0.0, 100.0);
        assertThat(run.getStringList("files")).contains("result.png", "run.conf", "metrics.csv", "summary.json",
                "checkpoint.zip", "masked.png");

        Http.Reply result = http.get("/api/runs/" + id + "/files/result.png");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.headers().firstValue("content-type")).hasValue("image/png");
        Path saved = Files.write(dir.resolve("result.png"),
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/runs/" + id + "/files/result.png")).build(), HttpResponse.BodyHandlers.ofByteArray()).body());
        Image out = Images.readRgb(saved);
        assertThat(out.height()).isEqualTo(64);
        assertThat(out.width()).isEqualTo(64);
        assertThat(http.get("/api/runs/" + id + "/files/run.conf").body()).containsPattern("task\\s*=\\s*inpaint").containsPattern("iterations\\s*=\\s*8\\b");
        assertThat(http.get("/api/runs/" + id + "/files/snapshots/iter_000000.png").status()).isEqualTo(200);

        // The uploads were stored under their field names, and run.conf names those copies.
        assertThat(folder.resolve("inputs/image.png")).exists();
        assertThat(Files.readString(folder.resolve("run.conf"))).contains(folder.resolve("inputs/mask.png").toString());

        // The same run, read back from its folder: the stream replays its state and every logged point.
        List<String> replay = events(id);
        assertThat(replay.stream().filter(l -> l.equals("event: logged")).count()).isEqualTo(rows);

        Config list = http.get("/api/runs").json();
        assertThat(list.getConfigList("runs")).anyMatch(r -> r.getString("id").equals(id)
                && r.getString("status").equals("done"));
    }

    @Test
    void runsOfTheCommandLineAreListedFromTheirFolders() throws Exception {
        Path cli = Files.createDirectories(server.runs().resolve("denoise-from-cli"));
        Files.writeString(cli.resolve("run.conf"), "dip.run { task = denoise, iterations = 40 }\n");
        Files.writeString(cli.resolve("metrics.csv"), "iteration,seconds,psnr_gt\n0,0.1,12.5\n20,2.0,21.25\n");
        Files.writeString(cli.resolve("summary.json"),
                "{\"task\":\"denoise\",\"iterations\":40,\"interrupted\":false,\"metrics\":{\"psnr_gt\":23.5}}\n");
        Config run = http.get("/api/runs/denoise-from-cli").json();
        assertThat(run.getString("status")).isEqualTo("done");
        assertThat(run.getInt("iterations")).isEqualTo(40);
        assertThat(run.getDouble("metrics.psnr_gt")).isEqualTo(23.5);
        List<String> replay = events("denoise-from-cli");
        assertThat(replay).anyMatch(l -> l.startsWith("data: ") && l.contains("\"iteration\":20") && l.contains("21.25"));

        Path stopped = Files.createDirectories(server.runs().resolve("sr-stopped"));
        Files.writeString(stopped.resolve("run.conf"), "dip.run { task = sr, iterations = 100 }\n");
        Files.writeString(stopped.resolve("metrics.csv"), "iteration,seconds,psnr_hr\n0,0.1,20\n50,3,22\n");
        Config s = http.get("/api/runs/sr-stopped").json();
        assertThat(s.getString("status")).isEqualTo("stopped");
        assertThat(s.getInt("iteration")).isEqualTo(51);

        Files.createDirectories(server.runs().resolve("not-a-run"));
        assertThat(http.get("/api/runs/not-a-run").status()).isEqualTo(404);
        assertThat(http.get("/api/runs").json().getConfigList("runs")).noneMatch(r -> r.getString("id").equals("not-a-run"));
    }

    @Test
    void stopWritesACheckpointAQueuedRunWaitsAndResumeFinishesTheRun() throws Exception {
        String first = submit(inpaint(200));
        String second = submit(inpaint(4));
        // One run at a time (--parallel 1): the second waits.
        assertThat(http.get("/api/runs/" + second).json().getString("status")).isEqualTo("queued");
        Config running = await(first, r -> r.getString("status").equals("running") && r.getInt("iteration") >= 2);
        assertThat(running.getString("status")).isEqualTo("running");

        // A queued run stops at once, without ever starting.
        assertThat(http.post("/api/runs/" + second + "/stop").status()).isEqualTo(202);
        assertThat(http.get("/api/runs/" + second).json().getString("status")).isEqualTo("stopped");

        assertThat(http.post("/api/runs/" + first + "/stop").status()).isEqualTo(202);
        Config stopped = await(first, status("stopped", "failed", "done"));
        assertThat(stopped.getString("status")).isEqualTo("stopped");
        int at = stopped.getInt("iteration");
        assertThat(at).isBetween(2, 199);
        Path folder = server.runs().resolve(first);
        assertThat(folder.resolve("checkpoint.zip")).exists();
        assertThat(Files.readString(folder.resolve("summary.json"))).contains("\"interrupted\" : true");
        assertThat(http.post("/api/runs/" + first + "/stop").status()).isEqualTo(409);

        // The never-started run starts from the beginning when resumed.
        assertThat(server.runs().resolve(second).resolve("run.conf")).doesNotExist();
        assertThat(http.post("/api/runs/" + second + "/resume").status()).isEqualTo(202);
        assertThat(await(second, status("done", "failed")).getString("status")).isEqualTo("done");

        // The stopped run continues from its checkpoint, here through a second server that knows it
        // only from its folder (as after a restart): fewer iterations are left, and it ends done.
        String conf = Files.readString(folder.resolve("run.conf"));
        assertThat(conf).containsPattern("iterations\\s*=\\s*200\\b");
        Files.writeString(folder.resolve("run.conf"), conf.replaceAll("(iterations\\s*=\\s*)200\\b", "$1" + (at + 4)));
        try (DipServer restarted = DipServer.start(new DipServer.Options("127.0.0.1", 0, server.runs(), 1, null,
                MAX_UPLOAD), PluginRegistry.load(), Thread.currentThread().getContextClassLoader())) {
            Http again = new Http(restarted.port());
            assertThat(again.get("/api/runs/" + first).json().getString("status")).isEqualTo("stopped");
            Http.Reply resumed = again.post("/api/runs/" + first + "/resume");
            assertThat(resumed.status()).as(resumed.body()).isEqualTo(202);
            long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            Config done = again.get("/api/runs/" + first).json();
            while (!done.getString("status").matches("done|failed") && System.nanoTime() < end) {
                Thread.sleep(50);
                done = again.get("/api/runs/" + first).json();
            }
            assertThat(done.getString("status")).as(done.root().render()).isEqualTo("done");
            assertThat(done.getInt("iteration")).isEqualTo(at + 4);
            assertThat(again.post("/api/runs/" + first + "/resume").status()).isEqualTo(409);
        }
    }

    @Test
    void aRunThatFailsFailsAloneAndTheServerGoesOn() throws Exception {
        // Seven scales need 128 pixels: the form passes (the task's inputs are fine), the run fails when built.
        String failing = submit(new Http.Form().field("task", "inpaint").field("iterations", "4")
                .field("set", "dip.architectures.skip.channels-down = [8,8,8,8,8,8,8]\n"
                        + "dip.architectures.skip.channels-up = [8,8,8,8,8,8,8]\n"
                        + "dip.architectures.skip.channels-skip = [2,2,2,2,2,2,2]\n")
                .file("image", "kate.png", image).file("mask", "holes.png", mask));
        String fine = submit(inpaint(2));
        Config failed = await(failing, status("failed", "done"));
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("error")).contains("network").doesNotContain("Exception").doesNotContain("\n");
        assertThat(await(fine, status("done", "failed")).getString("status")).isEqualTo("done");
        assertThat(http.get("/api/runs/" + failing + "/files/error.txt").body()).contains("network");
    }

    /** A bad form is HTTP 400 with the CLI's one-line message, and leaves no run folder behind. */
    static String badRequest(Http.Form form, int expected) throws Exception {
        long before = Files.list(server.runs()).count();
        Http.Reply r = http.post("/api/runs", form);
        assertThat(r.status()).as(r.body()).isEqualTo(expected);
        String message = r.json().getString("error");
        assertThat(message).doesNotContain("Exception").doesNotContain("\n").doesNotContain(server.runs().toString());
        assertThat(Files.list(server.runs()).count()).isEqualTo(before);
        return message;
    }

    @Test
    void badUploadsAreRefusedWithTheCommandLinesMessages() throws Exception {
        assertThat(badRequest(new Http.Form().field("task", "inpaint")
                .file("image", "notes.txt", "not an image".getBytes(StandardCharsets.UTF_8)).file("mask", "m.png", mask), 400))
                .contains("unsupported image format", "'notes.txt'", "PNG");
        byte[] wide = png(Image.generate(1, 64, 96, (c, y, x) -> 1));
        assertThat(badRequest(new Http.Form().field("task", "inpaint").file("image", "kate.png", image)
                .file("mask", "wide.png", wide), 400))
                .contains("mask 'wide.png' is 96×64", "image 'kate.png' is 64×64", "same size");
        assertThat(badRequest(new Http.Form().field("task", "deblur").file("image", "kate.png", image), 400))
                .contains("unknown task 'deblur'", "denoise", "inpaint");
        assertThat(badRequest(new Http.Form().field("task", "inpaint").field("preset", "slow")
                .file("image", "kate.png", image), 400)).contains("no preset 'slow'", "fast or paper");
        assertThat(badRequest(new Http.Form().field("task", "inpaint").field("set", "dip.run.iteratons = 5")
                .file("image", "kate.png", image).file("mask", "m.png", mask), 400)).contains("dip.run.iteratons",
                "dip.run.iterations");
        assertThat(badRequest(new Http.Form().field("task", "inpaint").field("iterations", "many")
                .file("image", "kate.png", image), 400)).contains("iterations", "'many'");
        assertThat(badRequest(new Http.Form().field("task", "inpaint").file("image", "kate.png", image)
                .file("other", "x.png", image), 400)).contains("unknown upload 'other'");
        assertThat(badRequest(new Http.Form().field("task", "inpaint")
                .file("image", "big.png", new byte[(int) MAX_UPLOAD + 1]), 413)).contains("too large", "--max-upload");
        // A small file may still decode to gigabytes: its size is read from the header first.
        java.awt.image.BufferedImage huge = new java.awt.image.BufferedImage(6000, 5000,
                java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
        java.io.ByteArrayOutputStream hugePng = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(huge, "png", hugePng);
        assertThat(hugePng.size()).isLessThan((int) MAX_UPLOAD);
        assertThat(badRequest(new Http.Form().field("task", "inpaint").file("image", "huge.png", hugePng.toByteArray()),
                400)).contains("'huge.png' is 6000×5000 pixels", "megapixels");
        Http.Reply notMultipart = http.send(java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/runs")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(notMultipart.status()).isEqualTo(415);
    }

    @Test
    void fileNamesNeverLeaveTheRunFolder() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        Path run = Files.createDirectories(server.runs().resolve("denoise-paths"));
        Files.writeString(run.resolve("run.conf"), "dip.run { task = denoise, iterations = 1 }\n");
        Files.createSymbolicLink(run.resolve("link.txt"), secret);
        int port = server.port();
        for (String path : List.of(
                "/api/runs/denoise-paths/files/../../secret.txt",
                "/api/runs/denoise-paths/files/..%2F..%2Fsecret.txt",
                "/api/runs/denoise-paths/files/%2e%2e/%2e%2e/secret.txt",
                "/api/runs/..%2Fsecret.txt/files/x",
                "/api/runs/../../secret.txt",
                "/api/runs/denoise-paths/files/link.txt",
                "/api/runs/denoise-paths/files/" + secret.toAbsolutePath(),
                "/api/runs/denoise-paths/files/.hidden",
                "/static/../../../secret.txt",
                "/static/%2e%2e/pom.xml")) {
            String reply = Http.raw(port, "GET " + path + " HTTP/1.1");
            assertThat(reply).as(path).doesNotStartWith("HTTP/1.1 200").doesNotContain("top secret");
        }
        assertThat(http.get("/api/runs/denoise-paths/files/run.conf").status()).isEqualTo(200);
    }

    @Test
    void thePageItsScriptsAndUnknownRoutes() {
        Http.Reply page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/static/app.js\"></script>");
        assertThat(http.get("/static/app.js").body()).contains("EventSource");
        assertThat(http.get("/static/app.css").status()).isEqualTo(200);
        assertThat(http.get("/static/nothing.js").status()).isEqualTo(404);
        assertThat(http.get("/api/nothing").status()).isEqualTo(404);
        assertThat(http.get("/api/runs/no-such-run").status()).isEqualTo(404);
        assertThat(http.get("/api/runs/denoise-from-nowhere/events").status()).isEqualTo(404);
        assertThat(http.get("/api/tasks").json().getStringList("tasks")).contains("denoise", "sr", "inpaint", "blend");
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/runs")).DELETE()).status()).isEqualTo(405);
    }

    @Test
    void aCrossSiteFormPostOrAForeignHostNameIsRefused() throws Exception {
        Http.Reply crossSite = new Http(server.port()).header("Origin", "http://evil.example")
                .post("/api/runs", inpaint(2));
        assertThat(crossSite.status()).isEqualTo(403);
        // Without a token, only loopback names may reach the server (a rebound DNS name may not).
        assertThat(Http.raw(server.port(), "GET /api/runs HTTP/1.1", "Host: evil.example")).startsWith("HTTP/1.1 401");
        assertThat(Http.raw(server.port(), "GET /api/runs HTTP/1.1", "Host: localhost:" + server.port()))
                .startsWith("HTTP/1.1 200");
    }
}
