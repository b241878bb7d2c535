package dev.interfeedback.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The OpenAI Batch API on loopback, in front of a chat server that answers each line: files
 * uploaded as multipart with purpose {@code batch}, batches created (24h window) and retrieved
 * ({@code validating}, then {@code in_progress}, then {@code completed} on later polls, or held in
 * progress), output and error files. It also forwards {@code /v1/chat/completions}, so a
 * synchronous run can use the same base URL.
 */
public final class FakeBatchServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Batch(String id, String inputFileId, List<String> customIds, AtomicInteger polls) {}

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(4);
    private final String delegate;
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final Map<String, Batch> batches = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> ended = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> timesSent = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger chatRequests = new AtomicInteger();
    private volatile boolean held;
    private volatile Predicate<String> failing = line -> false;
    private final AtomicInteger expiring = new AtomicInteger();

    /** @param delegate the base URL of the chat server that answers the batches' lines */
    public FakeBatchServer(String delegate) throws IOException {
        this.delegate = delegate;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** While held, batches stay in progress. */
    public FakeBatchServer hold(boolean hold) {
        this.held = hold;
        return this;
    }

    /** Lines whose request body contains a match end in the error file. */
    public FakeBatchServer failing(Predicate<String> requestBody) {
        this.failing = requestBody;
        return this;
    }

    /** Batches end expired, with an answer for the first half of their lines only. */
    public FakeBatchServer expireHalf(boolean expire) {
        expiring.set(expire ? Integer.MAX_VALUE : 0);
        return this;
    }

    /** The next {@code batches} batches to end expire, with an answer for the first half of their lines only. */
    public FakeBatchServer expireHalfOfNext(int batches) {
        expiring.set(batches);
        return this;
    }

    /** Every HTTP request this server received. */
    public int requests() {
        return requests.get();
    }

    /** {@code /chat/completions} requests answered synchronously. */
    public int chatRequests() {
        return chatRequests.get();
    }

    public List<String> batchIds() {
        return new ArrayList<>(batches.keySet());
    }

    public int polls(String batchId) {
        return batches.get(batchId).polls().get();
    }

    /** How many created batches held each custom id: more than once means a request was paid for twice. */
    public Map<String, Integer> timesSent() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        timesSent.forEach((id, n) -> copy.put(id, n.get()));
        return copy;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (method.equals("POST") && path.equals("/v1/chat/completions")) {
                chatRequests.incrementAndGet();
                HttpResponse<String> answer = forward(new String(body, StandardCharsets.UTF_8));
                send(exchange, answer.statusCode(), answer.body());
            } else if (method.equals("POST") && path.equals("/v1/files")) {
                upload(exchange, body);
            } else if (method.equals("POST") && path.equals("/v1/batches")) {
                create(exchange, JSON.readTree(body));
            } else if (method.equals("GET") && path.startsWith("/v1/batches/")) {
                retrieve(exchange, path.substring("/v1/batches/".length()));
            } else if (method.equals("GET") && path.startsWith("/v1/files/") && path.endsWith("/content")) {
                String id = path.substring("/v1/files/".length(), path.length() - "/content".length());
                String content = files.get(id);
                if (content == null) send(exchange, 404, error("no file " + id));
                else send(exchange, 200, content);
            } else {
                send(exchange, 404, error("no route " + method + " " + path));
            }
        } catch (IOException | RuntimeException e) {
            send(exchange, 500, error(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(exchange, 500, error("interrupted"));
        }
    }

    /** A multipart form with a {@code purpose} of {@code batch} and a {@code file}. */
    private void upload(HttpExchange exchange, byte[] body) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String boundary = "--" + type.substring(type.indexOf("boundary=") + 9).replace("\"", "");
        String form = new String(body, StandardCharsets.UTF_8);
        String purpose = null, file = null;
        for (String part : form.split(java.util.regex.Pattern.quote(boundary))) {
            int blank = part.indexOf("\r\n\r\n");
            if (blank < 0) continue;
            String headers = part.substring(0, blank), content = part.substring(blank + 4);
            if (content.endsWith("\r\n")) content = content.substring(0, content.length() - 2);
            if (headers.contains("name=\"purpose\"")) purpose = content;
            if (headers.contains("name=\"file\"")) file = content;
        }
        if (!"batch".equals(purpose) || file == null) {
            send(exchange, 400, error("expected a multipart form with purpose=batch and a file"));
            return;
        }
        String id = "file-" + ids.incrementAndGet();
        files.put(id, file);
        send(exchange, 200, JSON.createObjectNode().put("id", id).put("object", "file").put("purpose", "batch").toString());
    }

    private void create(HttpExchange exchange, JsonNode request) throws IOException {
        String input = files.get(request.path("input_file_id").asText());
        if (input == null || !request.path("completion_window").asText().equals("24h")
                || !request.path("endpoint").asText().equals("/v1/chat/completions")) {
            send(exchange, 400, error("expected an uploaded input_file_id, endpoint /v1/chat/completions, completion_window 24h"));
            return;
        }
        List<String> customIds = new ArrayList<>();
        for (String line : input.split("\n")) {
            if (line.isBlank()) continue;
            String id = JSON.readTree(line).path("custom_id").asText();
            customIds.add(id);
            timesSent.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        }
        Batch batch = new Batch("batch_" + ids.incrementAndGet(), request.path("input_file_id").asText(), customIds,
                new AtomicInteger());
        batches.put(batch.id(), batch);
        send(exchange, 200, status(batch, "validating", null, null).toString());
    }

    private void retrieve(HttpExchange exchange, String id) throws IOException, InterruptedException {
        Batch batch = batches.get(id);
        if (batch == null) {
            send(exchange, 404, error("no batch " + id));
            return;
        }
        int polls = batch.polls().incrementAndGet();
        ObjectNode done = ended.get(id);
        if (done != null) {
            send(exchange, 200, done.toString());
        } else if (polls == 1 || held) {
            send(exchange, 200, status(batch, polls == 1 ? "validating" : "in_progress", null, null).toString());
        } else {
            send(exchange, 200, finish(batch).toString());
        }
    }

    /** Answers every line through the chat server: output lines, error lines, or none for an expired half. */
    private synchronized ObjectNode finish(Batch batch) throws IOException, InterruptedException {
        ObjectNode done = ended.get(batch.id());
        if (done != null) return done;
        StringBuilder output = new StringBuilder(), errors = new StringBuilder();
        boolean expireHalf = expiring.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0;
        int completed = 0, failedLines = 0;
        String[] lines = files.get(batch.inputFileId()).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank() || (expireHalf && i >= lines.length / 2)) continue;
            JsonNode line = JSON.readTree(lines[i]);
            String customId = line.path("custom_id").asText();
            String body = line.path("body").toString();
            if (failing.test(body)) {
                ObjectNode failed = JSON.createObjectNode().put("id", "batch_req_" + i).put("custom_id", customId);
                failed.putNull("response");
                failed.putObject("error").put("code", "server_error").put("message", "scripted batch line failure");
                errors.append(failed).append('\n');
                failedLines++;
                continue;
            }
            HttpResponse<String> answer = forward(body);
            ObjectNode out = JSON.createObjectNode().put("id", "batch_req_" + i).put("custom_id", customId);
            out.putObject("response").put("status_code", answer.statusCode()).put("request_id", "req_" + i)
                    .set("body", JSON.readTree(answer.body()));
            out.putNull("error");
            output.append(out).append('\n');
            completed++;
        }
        String outputId = null, errorId = null;
        if (output.length() > 0) files.put(outputId = "file-" + ids.incrementAndGet(), output.toString());
        if (errors.length() > 0) files.put(errorId = "file-" + ids.incrementAndGet(), errors.toString());
        done = status(batch, expireHalf ? "expired" : "completed", outputId, errorId);
        ((ObjectNode) done.get("request_counts")).put("completed", completed).put("failed", failedLines);
        ended.put(batch.id(), done);
        return done;
    }

    private HttpResponse<String> forward(String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(delegate + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectNode status(Batch batch, String status, String outputFileId, String errorFileId) {
        ObjectNode node = JSON.createObjectNode().put("id", batch.id()).put("object", "batch")
                .put("endpoint", "/v1/chat/completions").put("input_file_id", batch.inputFileId())
                .put("completion_window", "24h").put("status", status);
        if (outputFileId == null) node.putNull("output_file_id");
        else node.put("output_file_id", outputFileId);
        if (errorFileId == null) node.putNull("error_file_id");
        else node.put("error_file_id", errorFileId);
        node.putObject("request_counts").put("total", batch.customIds().size()).put("completed", 0).put("failed", 0);
        return node;
    }

    private static String error(String message) {
        return JSON.createObjectNode().set("error", JSON.createObjectNode().put("message", message)).toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
