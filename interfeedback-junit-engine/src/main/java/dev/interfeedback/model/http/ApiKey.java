package dev.interfeedback.model.http;

import java.util.Objects;

/**
 * An API key. A type of its own so that printing it, by mistake or through a debugger's or a
 * logger's {@code toString}, shows nothing of the key; only the HTTP client reads the value.
 */
public final class ApiKey {

    private final String value;

    ApiKey(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Only the code that writes a request's auth header reads the key. */
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
