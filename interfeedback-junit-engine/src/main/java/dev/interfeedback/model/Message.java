package dev.interfeedback.model;

import java.util.List;
import java.util.Objects;

/** One turn of a conversation. */
public record Message(Role role, List<Content> parts) {

    public Message {
        Objects.requireNonNull(role, "role");
        parts = OneKindOfList.copyOf(parts);
    }

    public static Message system(String text) {
        return new Message(Role.SYSTEM, List.of(Content.text(text)));
    }

    public static Message user(String text) {
        return new Message(Role.USER, List.of(Content.text(text)));
    }

    public static Message user(List<Content> parts) {
        return new Message(Role.USER, parts);
    }

    public static Message assistant(String text) {
        return new Message(Role.ASSISTANT, List.of(Content.text(text)));
    }

    /** The text parts joined by newlines; images are left out. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Content part : parts) {
            if (part instanceof Content.Text t) {
                if (out.length() > 0) out.append('\n');
                out.append(t.text());
            }
        }
        return out.toString();
    }
}
