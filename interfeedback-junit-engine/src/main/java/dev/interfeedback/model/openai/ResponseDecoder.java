package dev.interfeedback.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.Usage;
import dev.interfeedback.model.http.ErrorMessages;
import dev.interfeedback.model.http.JsonBodies;
import dev.interfeedback.model.http.KeyRedactor;
import java.util.Set;

/**
 * Reads the body of a successful {@code /chat/completions} response. The body is redacted already;
 * the strings read from it are redacted again, since JSON escapes may have hidden the key in it.
 */
final class ResponseDecoder {

    /** The finish reasons of an answer cut short: at the token limit, or by a content filter. */
    private static final Set<String> UNFINISHED = Set.of("length", "content_filter");

    private final ObjectMapper json;

    ResponseDecoder(ObjectMapper json) {
        this.json = json;
    }

    ChatResponse decode(String body, String endpoint, KeyRedactor redactor) throws ModelException {
        JsonNode root = JsonBodies.read(json, body, endpoint, "a chat completion object with choices[0].message.content");
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

    /** {@code prompt_tokens} counts the cached ones too; servers other than OpenAI's mostly leave the details out. */
    private static Usage usage(JsonNode usage) {
        if (!usage.isObject()) return Usage.NONE;
        long prompt = usage.path("prompt_tokens").asLong(0);
        long cached = Math.min(prompt, usage.path("prompt_tokens_details").path("cached_tokens").asLong(0));
        return new Usage(prompt, usage.path("completion_tokens").asLong(0), cached, 0);
    }
}
