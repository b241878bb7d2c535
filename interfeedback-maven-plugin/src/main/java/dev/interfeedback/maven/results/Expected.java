package dev.interfeedback.maven.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What a field of a file that {@code check} reads must hold: each kind of value with its test and
 * how an error names it. Every field of results.json, episodes.jsonl and the baseline is read
 * through one of these, so the files' schema is this table plus the readers' field lists.
 */
public enum Expected {
    STRING("a string", JsonNode::isTextual),
    BOOLEAN("true or false", JsonNode::isBoolean),
    OBJECT("an object", JsonNode::isObject),
    ARRAY("an array", JsonNode::isArray),
    COUNT("a whole number >= 0", node -> node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0),
    ROUND("a whole number >= 1", node -> node.isIntegralNumber() && node.canConvertToInt() && node.asInt() >= 1),
    FRACTION("a number between 0 and 1", Expected::fraction),
    FRACTION_OR_NULL("a number between 0 and 1, or null (undefined)", node -> node.isNull() || fraction(node)),
    STATUS("one of " + Statuses.ALL, node -> node.isTextual() && Statuses.ALL.contains(node.asText()));

    private final String description;
    private final Predicate<JsonNode> test;

    Expected(String description, Predicate<JsonNode> test) {
        this.description = description;
        this.test = test;
    }

    public String description() {
        return description;
    }

    public boolean accepts(JsonNode node) {
        return node != null && !node.isMissingNode() && test.test(node);
    }

    private static boolean fraction(JsonNode node) {
        return node.isNumber() && node.asDouble() >= 0 && node.asDouble() <= 1;
    }

    /** The episode statuses of the public contract. */
    public static final class Statuses {
        public static final Set<String> ALL = new TreeSet<>(
                Set.of("CORRECT_AT_ROUND_0", "CORRECTED", "NOT_CORRECTED", "EXCLUDED", "ERROR"));

        private Statuses() {}
    }
}
