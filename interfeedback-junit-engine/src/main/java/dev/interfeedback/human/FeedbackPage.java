package dev.interfeedback.human;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.interfeedback.dataset.Sample;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local page where people give the feedback: a server on 127.0.0.1 that serves the queue of
 * tasks, one static page (HTML, JS, CSS from resources) and a small JSON API.
 *
 * <p>Only loopback, only with the session's random token (in the URL it prints, then in a
 * same-site cookie), only with this server's own Host (against DNS rebinding); posts need a header
 * a cross-site form cannot send. Every text goes out as JSON data that the page puts in with
 * {@code textContent}, under a Content-Security-Policy that allows nothing but this server.
 */
public final class FeedbackPage implements FeedbackSource, AutoCloseable {

    /** What the page needs besides its tasks. */
    public record Options(Path journal, int port, String receiverName, boolean showModel) {}

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
            + " form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MOST_BODY_BYTES = 1 << 20;
    private static final int MOST_NAME_CHARS = 60;
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html", "/index.html", "index.html", "/app.js", "app.js", "/app.css", "app.css");
    private static final Map<String, String> IMAGE_TYPES = Map.of(
            "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif", "webp", "image/webp");

    static {
        // The JDK server writes headers and body apart; with Nagle's algorithm on, the browser's
        // delayed ACK then holds every small answer back by 40 ms, the page's whole wait after a submit.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final SessionJournal journal;
    private final FeedbackQueue queue;
    private final Options options;
    private final String token;
    private final String cookie;
    private final int port;

    private FeedbackPage(Options options) throws IOException {
        this.options = options;
        this.journal = SessionJournal.open(options.journal());
        this.queue = new FeedbackQueue(journal, Clock.systemUTC());
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.token = HexFormat.of().formatHex(random);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
        this.port = server.getAddress().getPort();
        this.cookie = "interfeedback_" + port;
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "interfeedback-human-page");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts the page on loopback; {@link #url()} is what to open. */
    public static FeedbackPage start(Options options) throws IOException {
        return new FeedbackPage(options);
    }

    /** The address to open, with the session's token. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/?token=" + token);
    }

    public Path journalFile() {
        return journal.file();
    }

    @Override
    public WrittenFeedback await(FeedbackTask task) throws FeedbackUnavailableException, InterruptedException {
        return queue.await(task);
    }

    @Override
    public void close() throws IOException {
        queue.close();
        server.stop(0);
        executor.shutdownNow();
        journal.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            respond(exchange);
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        try {
            Headers out = exchange.getResponseHeaders();
            out.set("Content-Security-Policy", CSP);
            out.set("X-Content-Type-Options", "nosniff");
            out.set("X-Frame-Options", "DENY");
            out.set("Referrer-Policy", "no-referrer");
            out.set("Cache-Control", "no-store");
            if (!ownHost(exchange.getRequestHeaders().getFirst("Host"))) {
                send(exchange, 403, "text/plain", "forbidden: unknown host");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI());
            boolean tokenInUrl = same(query.get("token"), token);
            if (!tokenInUrl && !same(cookie(exchange), token)) {
                send(exchange, 403, "text/plain", "forbidden: open the address the session printed, with its token");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && !"1".equals(exchange.getRequestHeaders().getFirst("X-InterFeedback"))) {
                send(exchange, 403, "text/plain", "forbidden: posts come from the page");
                return;
            }
            if (method.equals("GET") && STATIC.containsKey(path)) {
                if (tokenInUrl) out.add("Set-Cookie", cookie + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
                serveResource(exchange, STATIC.get(path));
            } else if (method.equals("GET") && path.equals("/api/state")) {
                sendJson(exchange, 200, state(annotator(query.get("annotator"))));
            } else if (method.equals("GET") && path.equals("/api/image")) {
                image(exchange, query);
            } else if (method.equals("POST") && (path.equals("/api/draft") || path.equals("/api/submit"))) {
                post(exchange, path.endsWith("submit"));
            } else {
                send(exchange, 404, "text/plain", "not found");
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            sendJson(exchange, 400, JSON.createObjectNode().put("error", e.getMessage()));
        } catch (RuntimeException e) {
            sendJson(exchange, 500, JSON.createObjectNode().put("error", "the page failed: " + e));
        }
    }

    private ObjectNode state(String annotator) {
        ObjectNode state = JSON.createObjectNode();
        state.put("annotator", annotator);
        Optional<FeedbackQueue.Pending> claimed = queue.claim(annotator);
        FeedbackQueue.Counts counts = queue.counts(annotator);
        state.put("waiting", counts.waiting());
        state.put("withOthers", counts.claimedByOthers());
        state.put("answering", ReceiverActivity.answering());
        state.put("given", counts.given());
        if (claimed.isEmpty()) {
            state.putNull("task");
            return state;
        }
        FeedbackQueue.Pending pending = claimed.get();
        FeedbackTask task = pending.task;
        Sample sample = task.sample();
        ObjectNode node = state.putObject("task");
        node.put("id", pending.pageId);
        node.put("sampleId", sample.id());
        node.put("category", sample.category());
        node.put("round", task.round());
        node.put("maxRounds", task.maxRounds());
        node.put("question", sample.question());
        ArrayNode choices = node.putArray("options");
        List<String> letters = sample.optionLetters();
        for (int i = 0; i < sample.options().size(); i++) {
            choices.addObject().put("letter", letters.get(i)).put("text", sample.options().get(i));
        }
        node.put("images", sample.images().size());
        node.put("receiver", options.showModel() ? options.receiverName() : "the model");
        ArrayNode history = node.putArray("history");
        List<Message> dialogue = task.dialogue();
        for (int i = 1; i < dialogue.size(); i++) {
            Message message = dialogue.get(i);
            history.addObject().put("role", message.role() == Role.ASSISTANT ? "answer" : "feedback").put("text", message.text());
        }
        node.put("groundTruth", HumanProtocol.shownAnswer(sample));
        node.put("guidance", task.guidance());
        node.put("text", queue.draft(pending).orElse(task.prefill()));
        return state;
    }

    private void post(HttpExchange exchange, boolean submit) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MOST_BODY_BYTES + 1);
        if (body.length > MOST_BODY_BYTES) throw new IllegalArgumentException("the text is longer than 1 MB");
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("expected a JSON object with task, annotator and text");
        }
        String annotator = annotator(request.path("annotator").asText(null));
        String task = request.path("task").asText("");
        String text = request.path("text").asText(null);
        if (text == null) throw new IllegalArgumentException("text: expected a text");
        if (submit) {
            if (text.isBlank()) throw new IllegalArgumentException("the feedback is empty: write something for the model");
            queue.submit(annotator, task, text);
        } else {
            queue.saveDraft(annotator, task, text);
        }
        sendJson(exchange, 200, JSON.createObjectNode().put("ok", true));
    }

    private void image(HttpExchange exchange, Map<String, String> query) throws IOException {
        Optional<FeedbackQueue.Pending> task = queue.find(query.getOrDefault("task", ""));
        int index;
        try {
            index = Integer.parseInt(query.getOrDefault("i", ""));
        } catch (NumberFormatException e) {
            index = -1;
        }
        if (task.isEmpty() || index < 0 || index >= task.get().task.sample().images().size()) {
            send(exchange, 404, "text/plain", "no such image");
            return;
        }
        Path file = task.get().task.sample().images().get(index);
        String name = file.getFileName().toString();
        String type = IMAGE_TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (type == null || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/plain", "no such image");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, Files.size(file));
        try (OutputStream body = exchange.getResponseBody()) {
            Files.copy(file, body);
        }
    }

    private static String annotator(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("annotator: give your name first");
        String trimmed = name.strip();
        if (trimmed.length() > MOST_NAME_CHARS || trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("annotator: expected a name of at most " + MOST_NAME_CHARS
                    + " characters without control characters");
        }
        return trimmed;
    }

    private boolean ownHost(String host) {
        return ("127.0.0.1:" + port).equals(host) || ("localhost:" + port).equals(host);
    }

    private String cookie(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String[] pair = part.strip().split("=", 2);
                if (pair.length == 2 && pair[0].equals(cookie)) return pair[1];
            }
        }
        return null;
    }

    private static boolean same(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) return values;
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            values.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static void serveResource(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = FeedbackPage.class.getResourceAsStream("page/" + name)) {
            if (in == null) throw new IllegalStateException("the page resource " + name + " is missing from the jar");
            String type = name.endsWith(".html") ? "text/html" : name.endsWith(".js") ? "text/javascript" : "text/css";
            send(exchange, 200, type + "; charset=utf-8", in.readAllBytes());
        }
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type + "; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
