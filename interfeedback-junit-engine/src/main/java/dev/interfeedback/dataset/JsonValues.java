package dev.interfeedback.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads Jackson trees into plain Java values, and names JSON types the way error messages need. */
final class JsonValues {

    private JsonValues() {}

    /** "a string", "a number", ...: what an error message says it found. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase();
        };
    }

    /**
     * Converts to String, Boolean, Integer/Long/BigInteger, Double, unmodifiable List and
     * unmodifiable insertion-ordered Map, or null. Nested collections may hold nulls (JSON allows
     * them), which is why they are not {@code List.copyOf}/{@code Map.copyOf}.
     */
    static Object toJava(JsonNode node) {
        switch (node.getNodeType()) {
            case STRING:
                return node.textValue();
            case BOOLEAN:
                return node.booleanValue();
            case NUMBER:
                // Integers keep their exact value; fractions become Double, the type callers expect.
                return node.isIntegralNumber() ? node.numberValue() : Double.valueOf(node.doubleValue());
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(element -> list.add(toJava(element)));
                return Collections.unmodifiableList(list);
            }
            case OBJECT:
                return toJavaMap(node);
            default:
                return null;
        }
    }

    static Map<String, Object> toJavaMap(JsonNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) map.put(e.getKey(), toJava(e.getValue()));
        return Collections.unmodifiableMap(map);
    }
}
