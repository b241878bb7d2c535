package dev.interfeedback.model.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interfeedback.model.ModelException;

/** Reading and writing the JSON bodies of every wire format, with the same messages when they are not JSON. */
public final class JsonBodies {

    private JsonBodies() {}

    public static byte[] write(ObjectMapper json, ObjectNode body, String alias) throws ModelException {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new ModelException("could not write the request for model '" + alias + "' as JSON", e);
        }
    }

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
