package org.dip4j.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginRegistry;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every request: the page and its scripts, and the JSON API under {@code /api}. Checks
 * the token (when the server has one) and the origin of every state-changing request first.
 */
final class ServeHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ServeHandler.class);
    private static final String COOKIE = "dip_token";
    private static final Map<String, String> STATIC = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8");
    private static final Map<String, String> TYPES = Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg",
            "image/jpeg", "csv", "text/csv; charset=utf-8", "conf", "text/plain; charset=utf-8", "json",
            "application/json", "txt", "text/plain; charset=utf-8", "zip", "application/zip", "html",
            "text/plain; charset=utf-8");
    private static final long SSE_KEEP_ALIVE_SECONDS = 15;

    private final Runs runs;
    private final RunForm form;
    private final PluginRegistry registry;
    private final @Nullable String token;
    private final long maxUploadBytes;
    private final Path uploadTemp;

    ServeHandler(Runs runs, RunForm form, PluginRegistry registry, @Nullable String token, long maxUploadBytes,
            Path uploadTemp) {
        super(InvocationType.BLOCKING);
        this.runs = runs;
        this.form = form;
        this.registry = registry;
        this.token = token;
        this.maxUploadBytes = maxUploadBytes;
        this.uploadTemp = uploadTemp;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            route(request, response, callback);
        } catch (InvalidInputException e) {
            send(response, callback, 400, Json.error(Json.message(e)));
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.getMethod(), Request.getPathInContext(request), e);
            send(response, callback, 500, Json.error("internal error: " + Json.message(e)));
        }
        return true;
    }

    private void route(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        if (!authorised(request, response)) {
            send(response, callback, 401, Json.error(token == null
                    ? "this server answers to loopback names only (localhost, 127.0.0.1); to serve others, start it"
                            + " with --host and use its token"
                    : "this server needs its token (printed at start): open the page as /?token=TOKEN, or send the"
                            + " header 'Authorization: Bearer TOKEN'"));
            return;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method) && !sameOrigin(request)) {
            send(response, callback, 403, Json.error("cross-origin request refused"));
            return;
        }
        if (path.equals("/") || path.equals("/index.html")) {
            staticFile(response, callback, "index.html");
            return;
        }
        if (path.startsWith("/static/")) {
            staticFile(response, callback, path.substring("/static/".length()));
            return;
        }
        if (!path.startsWith("/api/")) {
            send(response, callback, 404, Json.error("not found: " + path));
            return;
        }
        List<String> parts = List.of(path.substring("/api/".length()).split("/", -1));
        if (parts.equals(List.of("tasks")) && method.equals("GET")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tasks", registry.ids(org.dip4j.spi.Task.class));
            m.put("presets", List.of("fast", "paper"));
            send(response, callback, 200, Json.of(m));
            return;
        }
        if (parts.isEmpty() || !parts.get(0).equals("runs")) {
            send(response, callback, 404, Json.error("not found: " + path));
            return;
        }
        if (parts.size() == 1) {
            switch (method) {
                case "GET" -> send(response, callback, 200, Json.of(Map.of("runs", runs.list())));
                case "POST" -> create(request, response, callback);
                default -> notAllowed(response, callback, "GET, POST");
            }
            return;
        }
        String id = parts.get(1);
        if (runs.folder(id) == null) {
            send(response, callback, 404, Json.error("no run '" + id + "' under " + runs.root()));
            return;
        }
        String action = parts.size() >= 3 ? parts.get(2) : "";
        switch (action) {
            case "" -> {
                if (parts.size() != 2 || !method.equals("GET")) {
                    notAllowed(response, callback, "GET");
                    return;
                }
                send(response, callback, 200, Json.of(runs.view(id)));
            }
            case "events" -> events(id, response, callback);
            case "stop" -> {
                if (!method.equals("POST")) {
                    notAllowed(response, callback, "POST");
                } else if (runs.stop(id)) {
                    send(response, callback, 202, Json.of(runs.view(id)));
                } else {
                    send(response, callback, 409, Json.error("run " + id + " is not queued or running"));
                }
            }
            case "resume" -> {
                if (!method.equals("POST")) {
                    notAllowed(response, callback, "POST");
                    return;
                }
                try {
                    runs.resume(id);
                } catch (InvalidInputException e) {
                    send(response, callback, 409, Json.error(Json.message(e)));
                    return;
                }
                send(response, callback, 202, Json.of(runs.view(id)));
            }
            case "files" -> file(id, parts.subList(3, parts.size()), method, response, callback);
            default -> send(response, callback, 404, Json.error("not found: " + path));
        }
    }

    private boolean authorised(Request request, Response response) {
        if (token == null) {
            return loopbackHost(request);
        }
        String given = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (given != null && given.startsWith("Bearer ") && matches(given.substring(7).strip())) {
            return true;
        }
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(COOKIE) && matches(c.getValue())) {
                return true;
            }
        }
        Fields query = Request.extractQueryParameters(request);
        String q = query.getValue("token");
        if (q != null && matches(q)) {
            // The page's scripts, images and event streams then carry it as a cookie.
            Response.addCookie(response, HttpCookie.build(COOKIE, q).path("/").httpOnly(true)
                    .sameSite(HttpCookie.SameSite.STRICT).build());
            return true;
        }
        return false;
    }

    private boolean matches(String candidate) {
        return token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Without a token only loopback names may address the server (no DNS rebinding onto it). */
    private static boolean loopbackHost(Request request) {
        String host = Request.getServerName(request).toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    /** A browser's cross-site form post carries a foreign Origin; scripts and curl send none. */
    private static boolean sameOrigin(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return true;
        }
        try {
            URI o = URI.create(origin);
            String host = request.getHeaders().get(HttpHeader.HOST);
            return host != null && (o.getHost() + (o.getPort() < 0 ? "" : ":" + o.getPort())).equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void create(Request request, Response response, Callback callback) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            send(response, callback, 415, Json.error("POST /api/runs takes multipart/form-data (task, preset,"
                    + " iterations, seed, set, and the files image, mask, fg, bg)"));
            return;
        }
        long length = request.getLength();
        if (length > maxUploadBytes) {
            tooLarge(response, callback, length);
            return;
        }
        MultiPartConfig config = new MultiPartConfig.Builder().location(uploadTemp).maxSize(maxUploadBytes)
                .maxPartSize(maxUploadBytes).maxMemoryPartSize(1 << 20).maxParts(32).build();
        MultiPartFormData.Parts parts;
        try {
            parts = MultiPartFormData.getParts(request, request, type, config);
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
            if (m.toLowerCase(Locale.ROOT).contains("max")) {
                tooLarge(response, callback, -1);
            } else {
                send(response, callback, 400, Json.error("cannot read the form: " + m));
            }
            return;
        }
        try (parts) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            Map<String, RunForm.Upload> files = new LinkedHashMap<>();
            for (MultiPart.Part part : parts) {
                String name = part.getName() == null ? "" : part.getName();
                String fileName = part.getFileName();
                if (fileName != null) {
                    if (fileName.isEmpty() && part.getLength() == 0) {
                        continue; // a file input left empty
                    }
                    if (files.containsKey(name)) {
                        throw new InvalidInputException("upload '" + name + "' given twice");
                    }
                    files.put(name, new RunForm.Upload() {
                        @Override
                        public String fileName() {
                            return fileName;
                        }

                        @Override
                        public void writeTo(Path target) throws IOException {
                            part.writeTo(target);
                        }
                    });
                } else {
                    fields.computeIfAbsent(name, k -> new ArrayList<>()).add(part.getContentAsString(StandardCharsets.UTF_8));
                }
            }
            RunForm.Prepared prepared = form.prepare(new RunForm.Form(fields, files), runs::newFolder);
            String id = runs.submit(prepared.folder(), prepared.task(), prepared.config(), prepared.iterations());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            send(response, callback, 201, Json.of(m));
        }
    }

    private void tooLarge(Response response, Callback callback, long length) {
        send(response, callback, 413, Json.error("upload too large" + (length > 0 ? " (" + length + " bytes)" : "")
                + "; the limit is " + maxUploadBytes / (1024 * 1024) + " MB (dip serve --max-upload MB)"));
    }

    private void events(String id, Response response, Callback callback) {
        BlockingQueue<Event> queue = runs.subscribe(id);
        if (queue == null) {
            send(response, callback, 404, Json.error("no run '" + id + "'"));
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            while (true) {
                Event e = queue.poll(SSE_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                if (e == Event.END) {
                    out.write("event: end\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
                    break;
                }
                out.write((e == null ? ": keep-alive\n\n" : e.wire()).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            callback.failed(e); // the client went away
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
            return;
        } finally {
            runs.unsubscribe(id, queue);
        }
        callback.succeeded();
    }

    private void file(String id, List<String> name, String method, Response response, Callback callback) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            notAllowed(response, callback, "GET");
            return;
        }
        Path folder = runs.folder(id);
        // Names are checked segment by segment: letters, digits, '.', '_', '-', never a leading dot.
        if (folder == null || name.isEmpty() || name.size() > 2
                || !name.stream().allMatch(s -> Runs.ID.matcher(s).matches())) {
            send(response, callback, 404, Json.error("no such file"));
            return;
        }
        Path file = folder.resolve(String.join("/", name)).normalize();
        try {
            if (!file.startsWith(folder) || !Files.isRegularFile(file)
                    || !file.toRealPath().startsWith(folder.toRealPath())) {
                send(response, callback, 404, Json.error("no such file"));
                return;
            }
            String last = name.get(name.size() - 1);
            String ext = last.contains(".") ? last.substring(last.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            if (!TYPES.containsKey(ext) || ext.equals("html")) {
                response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment");
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, TYPES.getOrDefault(ext, "application/octet-stream"));
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Files.size(file));
        } catch (IOException e) {
            send(response, callback, 404, Json.error("no such file"));
            return;
        }
        // Streamed: a checkpoint of a large network is hundreds of megabytes.
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            Files.copy(file, out);
        } catch (IOException e) {
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    private void staticFile(Response response, Callback callback, String name) {
        String type = STATIC.get(name);
        if (type == null) {
            send(response, callback, 404, Json.error("not found: " + name));
            return;
        }
        try (InputStream in = ServeHandler.class.getResourceAsStream("/dip/serve/static/" + name)) {
            if (in == null) {
                send(response, callback, 404, Json.error("not found: " + name));
                return;
            }
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            response.getHeaders().put("Content-Security-Policy",
                    "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'");
            send(response, callback, 200, type, in.readAllBytes());
        } catch (IOException e) {
            send(response, callback, 500, Json.error(Json.message(e)));
        }
    }

    private static void notAllowed(Response response, Callback callback, String allowed) {
        response.getHeaders().put(HttpHeader.ALLOW, allowed);
        send(response, callback, 405, Json.error("method not allowed; use " + allowed));
    }

    private static void send(Response response, Callback callback, int status, String json) {
        send(response, callback, status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
