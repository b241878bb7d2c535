package dev.interfeedback.prompt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One prompt: its name, version, text with {@code {{placeholder}}}s, and where the text came from.
 *
 * @param name which prompt
 * @param version the built-in version, or {@code file} for a user's replacement
 * @param source {@code built-in}, or the file it was read from
 * @param text the template, without the file's last line break
 */
public record PromptTemplate(PromptName name, String version, String source, String text) {

    static final String BUILT_IN = "built-in";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    public PromptTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Set<String> found = placeholders(text);
        for (String required : name.placeholders()) {
            if (!found.contains(required)) {
                throw new IllegalArgumentException("prompt " + name.id() + " from " + source + " lacks the placeholder {{"
                        + required + "}}; it must hold " + expected(name));
            }
        }
        for (String held : found) {
            if (!name.placeholders().contains(held)) {
                throw new IllegalArgumentException("prompt " + name.id() + " from " + source + " holds the unknown placeholder {{"
                        + held + "}}; " + (name.placeholders().isEmpty() ? "it takes none" : "it takes " + expected(name)));
            }
        }
    }

    /** The text with every placeholder replaced by its value, taken literally. */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        return m.appendTail(out).toString();
    }

    /** The text when it takes no placeholder. */
    public String text() {
        return text;
    }

    /** SHA-256 of the text, so that results say which words were used without repeating them. */
    public String digest() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) found.add(m.group(1));
        return found;
    }

    private static String expected(PromptName name) {
        return String.join(", ", name.placeholders().stream().map(p -> "{{" + p + "}}").toList());
    }
}
