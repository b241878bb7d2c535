package dev.interfeedback.model.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.Usage;
import java.util.Set;

/**
 * Reads the body of a successful {@code /chat/completions} response. The body is redacted already;
 * the strings read from it are redacted again, since JSON escapes may have hidden the key in it.
 */
final class ResponseDecoder {

    /** The finish reasons of an answer cut short: at the token limit, or by a content filter. */
    private static final Set<String> UNFINISHED = Set.of("length", "content_filter");

    private final ObjectMapper json;
    private final KeyRedactor redactor;

    ResponseDecoder(ObjectMapper json, KeyRedactor redactor) {
        this.json = json;
        this.redactor = redactor;
    }

    ChatResponse decode(String body, String endpoint) throws ModelException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ModelException("response from " + endpoint + " is not JSON; expected a chat completion object"
                    + " with choices[0].message.content, got: " + ErrorMessages.truncate(body), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelException("response from " + endpoint + " is not a JSON object; expected a chat completion"
                    + " object with choices[0].message.content, got: " + ErrorMessages.truncate(body));
        }
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw new ModelException("response from " + endpoint + " has no choices; expected"
                    + " choices[0].message.content, got: " + ErrorMessages.truncate(body));
        }
        JsonNode content = choices.get(0).path("message").path("content");
        JsonNode refusal = choices.get(0).path("message").path("refusal");
        if ((content.isMissingNode() || content.isNull()) && refusal.isTextual()) {
            // A refusal is an answer, and a wrong one: kept, never an error.
            return new ChatResponse(redactor.redact(refusal.asText()), usage(root.path("usage")), ChatResponse.REFUSAL);
        }
        if (content.isMissingNode() || content.isNull()) {
            throw new ModelException("response from " + endpoint + " has no content in choices[0].message.content"
                    + redactor.redact(finishReason(choices.get(0))));
        }
        if (!content.isTextual()) {
            throw new ModelException("response from " + endpoint + ": expected choices[0].message.content to be a"
                    + " string, got " + content.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        JsonNode reason = choices.get(0).path("finish_reason");
        // Only reasons that say the answer is not whole are kept: servers name a normal end in many
        // ways (stop, eos, end_turn, ...), and a kept reason keeps the answer out of the cache.
        boolean unusual = reason.isTextual() && UNFINISHED.contains(reason.asText());
        return new ChatResponse(redactor.redact(content.asText()), usage(root.path("usage")),
                unusual ? redactor.redact(reason.asText()) : null);
    }

    // A refusal or a length cut-off explains an empty answer better than the bare fact.
    private static String finishReason(JsonNode choice) {
        JsonNode reason = choice.path("finish_reason");
        return reason.isTextual() ? " (finish_reason: " + reason.asText() + ")" : "";
    }

    private static Usage usage(JsonNode usage) {
        if (!usage.isObject()) return Usage.NONE;
        return new Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0));
    }
}
