package dev.interfeedback.model.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Finds the human-readable message in an API's error response. */
public final class ErrorMessages {

    /** Enough of a raw body to recognise an HTML error page or a proxy's message, not a whole page. */
    public static final int MAX_RAW_CHARS = 300;

    private final ObjectMapper json;
    private final KeyRedactor redactor;

    public ErrorMessages(ObjectMapper json, KeyRedactor redactor) {
        this.json = json;
        this.redactor = redactor;
    }

    /**
     * The message of an error body: {@code error.message} (OpenAI, Anthropic and Gemini alike), or the shapes other
     * compatible servers use ({@code error} as a string in Ollama, {@code message}, FastAPI's
     * {@code detail}); otherwise the raw body, truncated; null for an empty body. The body is
     * redacted already; a message read from JSON is redacted again, since JSON escapes may have
     * hidden the key in the body.
     */
    public String apiMessage(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            JsonNode root = json.readTree(body);
            String found = root == null ? null : firstText(
                    root.path("error").path("message"),
                    root.path("error"),
                    root.path("message"),
                    root.path("detail"));
            if (found != null) return redactor.redact(found);
        } catch (Exception notJson) {
            // Gateways answer 502/504 with HTML or plain text; the raw body is the best message there is.
        }
        return truncate(body.strip());
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode node : candidates) {
            if (node.isTextual() && !node.asText().isBlank()) return node.asText();
        }
        return null;
    }

    public static String truncate(String text) {
        if (text == null) return "";
        return text.length() <= MAX_RAW_CHARS ? text : text.substring(0, MAX_RAW_CHARS) + "... ("
                + text.length() + " chars)";
    }
}
