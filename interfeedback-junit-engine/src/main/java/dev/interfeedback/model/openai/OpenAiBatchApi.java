package dev.interfeedback.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.ModelHttpException;
import dev.interfeedback.model.ModelTransportException;
import dev.interfeedback.model.http.ApiKey;
import dev.interfeedback.model.http.ErrorMessages;
import dev.interfeedback.model.http.KeyRedactor;
import dev.interfeedback.model.http.RetryAfter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The OpenAI Batch API of a model's server: a JSONL file of {@code /v1/chat/completions} requests
 * uploaded to {@code /files} with purpose {@code batch}, a batch created from it at {@code /batches}
 * with a 24-hour completion window, retrieved until it ends, and its output and error files read.
 * The request bodies are those {@link OpenAiCompatibleModel#chat} sends, byte for byte, so answers
 * are the same and the response cache holds them under the same keys. Server text is redacted as
 * it arrives, like the synchronous path's.
 */
public final class OpenAiBatchApi {

    /** The endpoint every line of a batch file names. */
    public static final String ENDPOINT = "/v1/chat/completions";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSONL = MediaType.get("application/jsonl");
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

    /**
     * A batch as the API describes it.
     *
     * @param total its requests, and those {@code completed} and {@code failed} so far ({@code request_counts})
     */
    public record Batch(String id, String status, String outputFileId, String errorFileId, int total, int completed,
            int failed) {
        /** Whether it will not change any more: completed, failed, expired or cancelled. */
        public boolean ended() {
            return switch (status) {
                case "completed", "failed", "expired", "cancelled" -> true;
                default -> false;
            };
        }
    }

    private final HttpUrl base;
    private final ApiKey apiKey;
    private final Supplier<OkHttpClient> http;
    private final Bodies encoder;
    private final ResponseDecoder decoder;
    private final ErrorMessages errors;
    private final KeyRedactor redactor;

    OpenAiBatchApi(HttpUrl base, ApiKey apiKey, Supplier<OkHttpClient> http, Bodies encoder,
            ResponseDecoder decoder, ErrorMessages errors, KeyRedactor redactor) {
        this.base = base;
        this.apiKey = apiKey;
        this.http = http;
        this.encoder = encoder;
        this.decoder = decoder;
        this.errors = errors;
        this.redactor = redactor;
    }

    /** The bytes of the body the synchronous path would send for a request. */
    @FunctionalInterface
    interface Bodies {
        byte[] encode(ChatRequest request) throws ModelException;
    }

    /**
     * One line of a batch input file, with its newline: the request under a custom id that is the
     * SHA-256 of its body, so the same request has the same id in every run.
     */
    public byte[] line(ChatRequest request) throws ModelException {
        byte[] body = encoder.encode(request);
        String customId;
        try {
            customId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        return ("{\"custom_id\":\"" + customId + "\",\"method\":\"POST\",\"url\":\"" + ENDPOINT + "\",\"body\":"
                + new String(body, StandardCharsets.UTF_8) + "}\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Uploads a batch input file; returns its id. */
    public String upload(byte[] jsonl) throws ModelException {
        RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("purpose", "batch")
                .addFormDataPart("file", "interfeedback-batch.jsonl", RequestBody.create(jsonl, JSONL))
                .build();
        return text(call(post("files", body)), "id");
    }

    /** Creates a batch of the uploaded file's requests. */
    public Batch create(String inputFileId) throws ModelException {
        String body = "{\"input_file_id\":\"" + inputFileId + "\",\"endpoint\":\"" + ENDPOINT
                + "\",\"completion_window\":\"24h\",\"metadata\":{\"created_by\":\"interfeedback\"}}";
        return batch(call(post("batches", RequestBody.create(body, APPLICATION_JSON))));
    }

    public Batch retrieve(String batchId) throws ModelException {
        return batch(call(request(base.newBuilder().addPathSegment("batches").addPathSegment(batchId).build()).get()));
    }

    /** The content of an output or error file. */
    public String content(String fileId) throws ModelException {
        return call(request(base.newBuilder().addPathSegment("files").addPathSegment(fileId).addPathSegment("content").build()).get());
    }

    /** The answer in the body of one output line's response, read as the synchronous path reads it. */
    public ChatResponse answer(JsonNode responseBody) throws ModelException {
        return decoder.decode(redactor.redact(responseBody.toString()), base + ENDPOINT, redactor);
    }

    /** Redacts the key from server text (an error line's message) before it goes anywhere. */
    public String redact(String text) {
        return redactor.redact(text);
    }

    private Request.Builder post(String path, RequestBody body) {
        return request(base.newBuilder().addPathSegment(path).build()).post(body);
    }

    private Request.Builder request(HttpUrl url) {
        Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json");
        if (apiKey != null) request.header("Authorization", "Bearer " + apiKey.value());
        return request;
    }

    private String call(Request.Builder request) throws ModelException {
        Request built = request.build();
        String where = built.url().newBuilder().query(null).build().toString();
        try (Response response = http.get().newCall(built).execute()) {
            String text = redactor.redact(response.body().string());
            if (!response.isSuccessful()) {
                throw new ModelHttpException(where, response.code(), errors.apiMessage(text),
                        RetryAfter.parse(response.header("Retry-After"), Instant.now()));
            }
            return text;
        } catch (IOException e) {
            throw new ModelTransportException("batch API request to " + where + " failed: " + redactor.redact(e.toString()),
                    false, redactor.redact(e));
        }
    }

    private static Batch batch(String body) throws ModelException {
        JsonNode node = tree(body);
        JsonNode counts = node.path("request_counts");
        return new Batch(node.path("id").asText(), node.path("status").asText(), nullable(node, "output_file_id"),
                nullable(node, "error_file_id"), counts.path("total").asInt(), counts.path("completed").asInt(),
                counts.path("failed").asInt());
    }

    private static String text(String body, String field) throws ModelException {
        JsonNode value = tree(body).get(field);
        if (value == null || !value.isTextual()) throw new ModelException("batch API answer has no \"" + field + "\": " + ErrorMessages.truncate(body));
        return value.asText();
    }

    private static String nullable(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode tree(String body) throws ModelException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new ModelException("batch API answer is not JSON: " + ErrorMessages.truncate(body), e);
        }
    }
}
