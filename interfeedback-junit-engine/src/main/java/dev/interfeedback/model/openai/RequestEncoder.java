package dev.interfeedback.model.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.Content;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.http.EncodedImage;
import dev.interfeedback.model.http.HttpModelSettings;
import dev.interfeedback.model.http.JsonBodies;

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
    private final HttpModelSettings settings;

    RequestEncoder(ObjectMapper json, HttpModelSettings settings) {
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
        return JsonBodies.write(json, body, settings.alias());
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
                        .putObject("image_url").put("url", EncodedImage.read(image).dataUrl());
            }
        }
        return node;
    }
}
