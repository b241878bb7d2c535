package dev.interfeedback.model.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.Content;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.http.HttpModelSettings;
import dev.interfeedback.model.http.ImageStore;
import dev.interfeedback.model.http.JsonBody;
import java.io.IOException;

/**
 * Writes a {@link ChatRequest} as the JSON body of {@code POST /chat/completions}.
 *
 * <p>Only the messages go on the wire: the request's {@code CallContext} holds the ground truth
 * for the simulator and must never reach a real API.
 *
 * <p>A message with only text is sent with a plain string {@code content}, and a message with
 * an image as an array of parts. The string form is the one every OpenAI-compatible server
 * accepts, including text-only servers and those that refuse parts on system or assistant turns.
 */
final class RequestEncoder {

    private final HttpModelSettings settings;
    private final ImageStore images;

    RequestEncoder(HttpModelSettings settings, ImageStore images) {
        this.settings = settings;
        this.images = images;
    }

    void encode(ChatRequest request, JsonBody.Writer body) throws ModelException, IOException {
        JsonGenerator json = body.json();
        json.writeStartObject();
        json.writeStringField("model", settings.model());
        json.writeArrayFieldStart("messages");
        for (Message message : request.messages()) {
            encode(message, body);
        }
        json.writeEndArray();
        json.writeNumberField("temperature", settings.temperature());
        if (settings.seed() != null) json.writeNumberField("seed", settings.seed());
        if (settings.maxTokens() != null) json.writeNumberField("max_tokens", settings.maxTokens());
        json.writeEndObject();
    }

    private void encode(Message message, JsonBody.Writer body) throws ModelException, IOException {
        JsonGenerator json = body.json();
        json.writeStartObject();
        json.writeStringField("role", message.role().wireName());
        boolean textOnly = message.parts().stream().allMatch(p -> p instanceof Content.Text);
        if (textOnly) {
            json.writeStringField("content", message.text());
        } else {
            json.writeArrayFieldStart("content");
            for (Content part : message.parts()) {
                json.writeStartObject();
                if (part instanceof Content.Text text) {
                    json.writeStringField("type", "text");
                    json.writeStringField("text", text.text());
                } else if (part instanceof Content.Image image) {
                    ImageStore.Stored stored = images.image(image);
                    json.writeStringField("type", "image_url");
                    json.writeObjectFieldStart("image_url");
                    json.writeFieldName("url");
                    body.image("data:" + ImageStore.mediaType(image, stored) + ";base64,", stored);
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }
}
