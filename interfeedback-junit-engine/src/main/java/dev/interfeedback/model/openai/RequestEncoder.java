package dev.interfeedback.model.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.Content;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;

/**
 * Turns a {@link ChatRequest} into the JSON body of {@code POST /chat/completions}.
 *
 * <p>Only the messages go on the wire: the request's {@code CallContext} holds the ground truth
 * for the simulator and must never reach a real API.
 *
 * <p>A message with only text is sent with a plain string {@code content}, and a message with
 * an image as an array of parts. The string form is the one every OpenAI-compatible server
 * accepts, including text-only servers and those that refuse parts on system or assistant turns.
 */
final class RequestEncoder {

    private final ObjectMapper json;
    private final OpenAiSettings settings;

    RequestEncoder(ObjectMapper json, OpenAiSettings settings) {
        this.json = json;
        this.settings = settings;
    }

    /** The body to send; images are read from disk now, so a request never holds stale pixels. */
    byte[] encode(ChatRequest request) throws ModelException {
        ObjectNode body = json.createObjectNode();
        body.put("model", settings.model());
        ArrayNode messages = body.putArray("messages");
        for (Message message : request.messages()) {
            messages.add(encode(message));
        }
        body.put("temperature", settings.temperature());
        if (settings.seed() != null) body.put("seed", settings.seed());
        if (settings.maxTokens() != null) body.put("max_tokens", settings.maxTokens());
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new ModelException("could not write the request for model '" + settings.alias() + "' as JSON", e);
        }
    }

    private ObjectNode encode(Message message) throws ModelException {
        ObjectNode node = json.createObjectNode();
        node.put("role", message.role().wireName());
        boolean textOnly = message.parts().stream().allMatch(p -> p instanceof Content.Text);
        if (textOnly) {
            node.put("content", message.text());
            return node;
        }
        ArrayNode parts = node.putArray("content");
        for (Content part : message.parts()) {
            if (part instanceof Content.Text text) {
                parts.addObject().put("type", "text").put("text", text.text());
            } else if (part instanceof Content.Image image) {
                parts.addObject().put("type", "image_url")
                        .putObject("image_url").put("url", dataUrl(image));
            }
        }
        return node;
    }

    private static String dataUrl(Content.Image image) throws ModelException {
        try {
            byte[] bytes = Files.readAllBytes(image.path());
            return "data:" + image.mediaType(bytes) + ";base64," + Base64.getEncoder().encodeToString(bytes);
        } catch (IOException e) {
            throw new ModelException("cannot read image " + image.path() + ": " + e, e);
        } catch (IllegalArgumentException e) {
            throw new ModelException(e.getMessage(), e);
        }
    }
}
