package dev.interfeedback.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.interfeedback.cli.InterFeedbackCli;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What prompt caching saves on a detailed-feedback run with images (not a test): a command-line
 * run of the bundled MMMU-Pro sample, receiver and provider both on the Anthropic API, against a
 * loopback server that answers by script and bills prompts the way Anthropic's prompt cache does:
 * a prefix ending at a {@code cache_control} block is written to the cache (at least 1024 tokens),
 * and a later request whose blocks start with a cached prefix (up to 20 blocks before its
 * breakpoint) reads it. Tokens are estimated as Anthropic documents them: text at 4 bytes a token,
 * an image at width × height / 750. Prints each role's tokens, the share read from the cache, and
 * the cost with and without caching at Claude 3.5 Sonnet's list prices.
 *
 * <p>The script: the provider is right at round 0 and writes feedback of about 60 words; the
 * receiver is wrong at round 0 on two samples in three, and right after as many feedback rounds
 * as its sample's number modulo 4 (0: never within 3), so every round count occurs.
 *
 * <pre>PromptCacheSaving [dataset.jsonl] [rounds]</pre>
 */
public final class PromptCacheSaving {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MIN_CACHEABLE = 1024;
    private static final int LOOKBACK = 20;

    /** A sample as the script knows it: told apart in a request by its options' texts. */
    private record Row(String id, String answer, List<String> options) {}

    private final List<Row> rows;
    private final Set<String> cached = ConcurrentHashMap.newKeySet();

    private PromptCacheSaving(List<Row> rows) {
        this.rows = rows;
    }

    public static void main(String[] args) throws Exception {
        Path dataset = Path.of(args.length > 0 ? args[0] : "sample-project/src/test/resources/datasets/mmmu-pro-sample.jsonl")
                .toAbsolutePath();
        String rounds = args.length > 1 ? args[1] : "3";
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dataset)) {
            if (line.isBlank()) continue;
            JsonNode row = JSON.readTree(line);
            List<String> options = new ArrayList<>();
            row.path("options").forEach(o -> options.add(o.asText()));
            rows.add(new Row(row.path("id").asText(), row.path("answer").asText(), options));
        }
        PromptCacheSaving script = new PromptCacheSaving(rows);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/messages", script::answer);
        server.start();
        Path out = Files.createTempDirectory("prompt-cache-saving");
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            List<String> settings = new ArrayList<>(List.of("interfeedback.dataset=" + dataset,
                    "interfeedback.output.dir=" + out, "interfeedback.feedback=detailed", "interfeedback.rounds=" + rounds,
                    "interfeedback.cache.enabled=false", "interfeedback.concurrency=1", "interfeedback.progress.interval-seconds=0"));
            for (String alias : List.of("receiver", "provider")) {
                settings.addAll(List.of("interfeedback.model." + alias + ".api=anthropic",
                        "interfeedback.model." + alias + ".url=" + base, "interfeedback.model." + alias + ".name=" + alias,
                        "interfeedback.model." + alias + ".price.prompt-per-million=3",
                        "interfeedback.model." + alias + ".price.completion-per-million=15"));
            }
            int exit = new InterFeedbackCli(System.out, System.err, name -> null).run(settings.toArray(String[]::new));
            if (exit != 0) throw new IllegalStateException("the run ended with exit code " + exit);
            JsonNode benchmark = JSON.readTree(out.resolve("results.json").toFile()).path("benchmarks").get(0);
            System.out.println();
            System.out.printf(Locale.ROOT, "%d samples, test set %d, detailed feedback, up to %s rounds%n",
                    benchmark.path("counts").path("samples").asLong(), benchmark.path("counts").path("testSet").asLong(), rounds);
            for (String role : List.of("receiver", "provider")) {
                JsonNode model = benchmark.path(role);
                double cost = model.path("estimatedCost").asDouble(), saved = model.path("promptCache").path("saved").asDouble();
                System.out.printf(Locale.ROOT, "%-8s %8d prompt tokens, %5.1f%% read from the cache, %6d written;"
                                + " cost %.4f USD, %.4f without caching (%.1f%% saved)%n", role,
                        model.path("tokens").path("prompt").asLong(), 100 * model.path("promptCache").path("cachedShare").asDouble(),
                        model.path("tokens").path("cacheWrite").asLong(), cost, cost + saved, 100 * saved / (cost + saved));
            }
            double total = benchmark.path("cost").path("total").asDouble();
            double saved = benchmark.path("cost").path("savedByPromptCache").asDouble();
            System.out.printf(Locale.ROOT, "total    cost %.4f USD, %.4f without caching: %.1f%% saved%n", total, total + saved,
                    100 * saved / (total + saved));
        } finally {
            server.stop(0);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        List<JsonNode> blocks = new ArrayList<>();
        request.path("system").forEach(blocks::add);
        int assistantTurns = 0;
        for (JsonNode message : request.path("messages")) {
            if (message.path("role").asText().equals("assistant")) assistantTurns++;
            message.path("content").forEach(blocks::add);
        }
        long[] upTo = new long[blocks.size()];
        String[] prefix = new String[blocks.size()];
        long tokens = 0;
        MessageDigest sha = sha256();
        for (int i = 0; i < blocks.size(); i++) {
            tokens += tokens(blocks.get(i));
            upTo[i] = tokens;
            JsonNode block = blocks.get(i).deepCopy();
            ((ObjectNode) block).remove("cache_control");
            sha.update(block.toString().getBytes(StandardCharsets.UTF_8));
            prefix[i] = HexFormat.of().formatHex(((MessageDigest) clone(sha)).digest());
        }
        long read = 0, written = 0;
        for (int i = 0; i < blocks.size(); i++) {
            if (!blocks.get(i).has("cache_control")) continue;
            for (int j = i; j >= Math.max(0, i - LOOKBACK); j--) {
                if (cached.contains(prefix[j])) {
                    read = Math.max(read, upTo[j]);
                    break;
                }
            }
            if (upTo[i] >= MIN_CACHEABLE && cached.add(prefix[i])) written = Math.max(written, upTo[i] - read);
        }
        String text = script(request, assistantTurns);
        ObjectNode body = JSON.createObjectNode().put("id", "msg_harness").put("type", "message").put("role", "assistant");
        body.putArray("content").addObject().put("type", "text").put("text", text);
        body.put("stop_reason", "end_turn");
        body.putObject("usage").put("input_tokens", tokens - read - written).put("cache_creation_input_tokens", written)
                .put("cache_read_input_tokens", read).put("output_tokens", Math.max(1, text.length() / 4));
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String script(JsonNode request, int assistantTurns) {
        StringBuilder texts = new StringBuilder();
        request.path("messages").forEach(m -> m.path("content").forEach(b -> texts.append(b.path("text").asText()).append('\n')));
        Row sample = rows.stream().filter(r -> r.options().stream().allMatch(o -> texts.indexOf(o) >= 0)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no sample's options in " + texts));
        String right = sample.answer();
        String reasoning = "Looking at the figure and the options in turn, weighing each against what the image shows. ";
        if (request.path("model").asText().equals("provider")) {
            if (request.has("system")) {
                return "Your reasoning skips over the labels of the figure; read the axis and the legend again, then"
                        + " check which option agrees with the trend they show rather than with your first impression."
                        + " Consider whether the period shown matches the events each option describes.";
            }
            return reasoning + "Answer: " + right;
        }
        int number = Math.abs(sample.id().hashCode());
        boolean wrongAtFirst = number % 3 != 0;
        int fixedAfter = number % 4;
        boolean rightNow = !wrongAtFirst || (assistantTurns > 0 && fixedAfter > 0 && assistantTurns >= fixedAfter);
        return reasoning + "Answer: " + (rightNow ? right : wrong(right));
    }

    private static String wrong(String right) {
        return right.equals("A") ? "B" : "A";
    }

    /** Anthropic's estimates: an image is width × height / 750 tokens; text about 4 bytes a token. */
    private static long tokens(JsonNode block) {
        if (block.path("type").asText().equals("image")) {
            ByteBuffer png = ByteBuffer.wrap(Base64.getDecoder().decode(block.path("source").path("data").asText()));
            long width = png.getInt(16) & 0xFFFFFFFFL, height = png.getInt(20) & 0xFFFFFFFFL;
            return Math.max(1, width * height / 750);
        }
        return Math.max(1, block.path("text").asText().getBytes(StandardCharsets.UTF_8).length / 4);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object clone(MessageDigest sha) {
        try {
            return sha.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
