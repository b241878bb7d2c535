package dev.interfeedback.model.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.model.ModelException;

/** Reading the JSON bodies of every wire format with the same messages when they are not JSON. */
public final class JsonBodies {

    private JsonBodies() {}

    /**
     * The answer's root object.
     *
     * @param expected what a good answer holds, for the message ("a chat completion object with
     *     choices[0].message.content")
     */
    public static JsonNode read(ObjectMapper json, String body, String endpoint, String expected) throws ModelException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ModelException("response from " + endpoint + " is not JSON; expected " + expected + ", got: "
                    + ErrorMessages.truncate(body), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelException("response from " + endpoint + " is not a JSON object; expected " + expected
                    + ", got: " + ErrorMessages.truncate(body));
        }
        return root;
    }
}
