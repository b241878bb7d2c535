package dev.interfeedback.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible {@code /chat/completions} server on loopback that grades
 * {@link SyntheticDataset} questions by script, with a fixed latency and injectable faults.
 *
 * <p>The model named {@code strong} is right at round 0 for 80% of samples; any other model for
 * 40% at round 0 and 35% at each later round. Feedback requests (the provider's teacher prompt)
 * get a hint that never names an option; feedback that says "the correct answer is (X)" (the human
 * protocol's last round) is followed. Everything is a function of model, sample and round, so
 * a fault-free run and a run with faults must end identically.
 *
 * <p>Runs in-process for tests, or as its own JVM through {@link #main} for the harness and the
 * kill test, so that its CPU and heap are not counted as the client's.
 */
public final class ScriptedChatServer implements AutoCloseable {

    /** What to do with one request, decided before it is answered. */
    public sealed interface Fault {
        Fault NONE = new None();

        record None() implements Fault {}

        record Status(int code, String retryAfter) implements Fault {}

        /** Close the connection without an answer. */
        record Drop() implements Fault {}

        /** Answer, but only after this extra delay. */
        record Slow(Duration extra) implements Fault {}
    }

    /** Picks the fault of a request from its sequence number (1-based) and its signature. */
    @FunctionalInterface
    public interface Faults {
        Fault decide(long requestNumber, String signature, int timesSeen);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server writes headers and body apart; with Nagle's algorithm on, the client's
        // delayed ACK then stalls every small response by 40 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // The JDK server closes idle connections beyond 200 by default: thousands of calls in flight
        // would find their pooled connections closed under them.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "8192");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    // Sends the answers that are only waiting out the latency, so that thousands of calls in flight
    // hold no thread of the server each: a sleeping thread per call cost a context switch and a
    // timer apiece, and thousands of threads besides.
    private final ScheduledExecutorService answers;
    private final Duration latency;
    private volatile Faults faults = (n, s, t) -> Fault.NONE;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final ConcurrentMap<String, AtomicInteger> bySignature = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private volatile String lastAuthorization;
    private volatile Quota quota;
    private final AtomicLong rateLimited = new AtomicLong();

    private final AtomicLong billedPrompt = new AtomicLong(), billedCompletion = new AtomicLong();

    public ScriptedChatServer(Duration latency) throws IOException {
        this(latency, 0);
    }

    public ScriptedChatServer(Duration latency, int port) throws IOException {
        this.latency = latency;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "scripted-chat-server");
            t.setDaemon(true);
            return t;
        });
        this.answers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scripted-chat-server-answers");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public ScriptedChatServer faults(Faults faults) {
        this.faults = faults;
        return this;
    }

    /** Enforces {@code quota} from now on, answering 429 beyond it at once, with no latency. */
    public ScriptedChatServer quota(Quota quota) {
        this.quota = quota;
        return this;
    }

    /** Requests answered 429 because they were beyond the quota. */
    public long rateLimited() {
        return rateLimited.get();
    }

    /** Tokens the quota admitted (prompt and completion, as each answer's usage reports them). */
    public long admittedTokens() {
        Quota q = quota;
        return q == null ? 0 : q.admittedTokens();
    }

    /** The base URL to configure: {@code http://127.0.0.1:port/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests received, faulty ones included. */
    public long requests() {
        return requests.get();
    }

    /** Requests answered with a completion. */
    public long answered() {
        return answered.get();
    }

    public int peakInFlight() {
        return peakInFlight.get();
    }

    public String lastAuthorization() {
        return lastAuthorization;
    }

    /** How often each request signature ({@code model|sample|kind|round}) was received. */
    public Map<String, Integer> requestsBySignature() {
        Map<String, Integer> copy = new TreeMap<>();
        bySignature.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        answers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
        boolean answerLater = false;
        try {
            long n = requests.incrementAndGet();
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            Call call;
            try (InputStream body = exchange.getRequestBody()) {
                call = Call.read(body);
            }
            int seen = bySignature.computeIfAbsent(call.signature(), k -> new AtomicInteger()).incrementAndGet();
            Fault fault = faults.decide(n, call.signature(), seen);
            Quota q = quota;
            if (q != null) {
                Quota.Decision decision = q.admit(tokens(call.answer()));
                for (int h = 0; h < decision.headers().length; h += 2) {
                    exchange.getResponseHeaders().add(decision.headers()[h], decision.headers()[h + 1]);
                }
                if (!decision.admitted()) {
                    rateLimited.incrementAndGet();
                    send(exchange, 429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}");
                    return;
                }
            }
            if (fault == Fault.NONE && !latency.isZero()) {
                answers.schedule(() -> answer(exchange, call), latency.toNanos(), TimeUnit.NANOSECONDS);
                answerLater = true;
                return;
            }
            Duration delay = fault instanceof Fault.Slow slow ? latency.plus(slow.extra()) : latency;
            if (!delay.isZero()) Thread.sleep(delay.toMillis());
            if (fault instanceof Fault.Drop) {
                // The JDK server closes the connection of a handler that throws, without a response.
                throw new IOException("scripted dropped connection");
            }
            if (fault instanceof Fault.Status status) {
                if (status.retryAfter() != null) exchange.getResponseHeaders().add("Retry-After", status.retryAfter());
                send(exchange, status.code(), "{\"error\":{\"message\":\"scripted " + status.code() + "\",\"type\":\"scripted\"}}");
                return;
            }
            // Counted before it is sent: a client may read the answer and check the count at once.
            answered.incrementAndGet();
            send(exchange, 200, completion(call.answer()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            if (!answerLater) inFlight.decrementAndGet();
        }
    }

    /** Sends the answer of a call that waited out the latency; a client gone meanwhile loses it. */
    private void answer(HttpExchange exchange, Call call) {
        // Out of flight before the answer leaves: the client starts its next call as soon as it has
        // read it, and that call must not find this one still counted.
        inFlight.decrementAndGet();
        try {
            answered.incrementAndGet();
            send(exchange, 200, completion(call.answer()));
        } catch (IOException e) {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The tokens the server billed: {prompt, completion}, summed over the usage of every answer it sent. */
    public long[] billedTokens() {
        return new long[] {billedPrompt.get(), billedCompletion.get()};
    }

    // Written field by field rather than built as a tree: the server must stay cheap beside the client it measures.
    private byte[] completion(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + text.length());
        try (JsonGenerator json = JSON.getFactory().createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("id", "chatcmpl-scripted");
            json.writeStringField("object", "chat.completion");
            json.writeArrayFieldStart("choices");
            json.writeStartObject();
            json.writeNumberField("index", 0);
            json.writeObjectFieldStart("message");
            json.writeStringField("role", "assistant");
            json.writeStringField("content", text);
            json.writeEndObject();
            json.writeStringField("finish_reason", "stop");
            json.writeEndObject();
            json.writeEndArray();
            json.writeObjectFieldStart("usage");
            json.writeNumberField("prompt_tokens", 100 + text.length());
            json.writeNumberField("completion_tokens", 20);
            json.writeEndObject();
            json.writeEndObject();
        }
        billedPrompt.addAndGet(100 + text.length());
        billedCompletion.addAndGet(20);
        return bytes.toByteArray();
    }

    /** What an answer's usage reports, and so what the quota charges for it. */
    private static long tokens(String answer) {
        return 100 + answer.length() + 20;
    }

    /** Feedback that states the answer, as the human protocol's last round does: the model then gives it. */
    private static final Pattern TOLD = Pattern.compile("correct answer is \\(([A-D])\\)");

    /**
     * Whether the scripted answer of {@code model} to a sample at a round is right, feedback that
     * states the answer aside: tests compute their expected counts with it.
     */
    public static boolean rightAt(String model, String sampleId, int round) {
        int roll = Math.floorMod(SyntheticDataset.mix(model + "|" + sampleId + "|" + round), 100);
        return model.equals("strong") ? roll < 80 : round == 0 ? roll < 40 : roll < 35;
    }

    /** One request as the script reads it. */
    private record Call(String model, String sampleId, boolean feedback, int round, String told) {

        /**
         * Read as a stream, without the base64 of images (never decoded, not even walked by the
         * parser), so that the server's CPU stays far below the client's it measures.
         */
        static Call read(InputStream body) throws IOException {
            String model = "";
            StringBuilder all = new StringBuilder();
            boolean feedback = false;
            int assistants = 0;
            String lastUser = "";
            try (JsonParser p = JSON.getFactory().createParser(new WithoutImagePayloads(body))) {
                if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a JSON object");
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (field.equals("model") && value == JsonToken.VALUE_STRING) {
                        model = p.getText();
                    } else if (field.equals("messages") && value == JsonToken.START_ARRAY) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            String role = "";
                            String text = "";
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String name = p.currentName();
                                JsonToken token = p.nextToken();
                                if (name.equals("role")) role = p.getText();
                                else if (name.equals("content")) text = text(p, token);
                                else p.skipChildren();
                            }
                            if (role.equals("system") && text.contains("careful teacher")) feedback = true;
                            if (role.equals("assistant")) assistants++;
                            if (role.equals("user")) lastUser = text;
                            all.append(text).append('\n');
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
            String id = SyntheticDataset.idIn(all.toString());
            int round = feedback ? count(all.toString(), "--- attempt ") : assistants;
            Matcher told = TOLD.matcher(lastUser);
            return new Call(model, id == null ? "?" : id, feedback, round, told.find() ? told.group(1) : null);
        }

        String signature() {
            return model + "|" + sampleId + "|" + (feedback ? "feedback" : "answer") + "|" + round;
        }

        String answer() {
            if (feedback) return "Look again at the shading in the figure and check each option against it.";
            if (told != null) return "As the feedback says.\nAnswer: " + told;
            int roll = Math.floorMod(SyntheticDataset.mix(model + "|" + sampleId + "|" + round), 100);
            String letter = rightAt(model, sampleId, round) ? SyntheticDataset.truth(sampleId) : SyntheticDataset.wrong(sampleId, roll);
            return "The shaded shape is the one I see in the figure.\nAnswer: " + letter;
        }

        private static String text(JsonParser p, JsonToken content) throws IOException {
            if (content == JsonToken.VALUE_STRING) return p.getText();
            StringBuilder out = new StringBuilder();
            if (content != JsonToken.START_ARRAY) {
                p.skipChildren();
                return "";
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String type = "";
                String text = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if (name.equals("type")) type = p.getText();
                    else if (name.equals("text")) text = p.getText();
                    else p.skipChildren(); // image_url: its base64 is skipped undecoded
                }
                if (type.equals("text") && text != null) out.append(text);
            }
            return out.toString();
        }

        private static int count(String text, String needle) {
            int n = 0;
            for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
            return n;
        }
    }

    /**
     * Runs the server in its own process: {@code ScriptedChatServer <latency-ms> [port]
     * [<requests/min> <tokens/min> <send rate-limit headers>]} (the quota's buckets start empty). Prints
     * {@code PORT <n>} when ready; on {@code stats} on stdin prints the counts; stops at end of input.
     */
    public static void main(String[] args) throws Exception {
        Duration latency = Duration.ofMillis(Long.parseLong(args[0]));
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        try (ScriptedChatServer server = new ScriptedChatServer(latency, port)) {
            Quota quota = null;
            if (args.length > 4) {
                // <latency-ms> <port> <requests/min> <tokens/min> <headers true|false>: buckets start
                // empty, and are emptied again at each run's first request, so that a short run
                // measures the steady state of a long one.
                quota = new Quota(Long.parseLong(args[2]), Long.parseLong(args[3]), Duration.ofMinutes(1),
                        Boolean.parseBoolean(args[4]), true);
                server.quota(quota);
            }
            System.out.println("PORT " + server.port());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.strip().equals("empty-quota")) {
                    if (quota != null) quota.emptyAtNextRequest();
                    System.out.println("EMPTIED");
                    System.out.flush();
                } else if (line.strip().equals("stats")) {
                    long cpu = ((com.sun.management.OperatingSystemMXBean)
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
                    System.out.println("STATS requests=" + server.requests() + " answered=" + server.answered()
                            + " peakInFlight=" + server.peakInFlight() + " rateLimited=" + server.rateLimited()
                            + " admittedTokens=" + server.admittedTokens() + " cpuNanos=" + cpu
                            + " quotaSpanNanos=" + (quota == null ? 0 : quota.spanNanos()));
                    System.out.flush();
                }
            }
        }
    }
}
