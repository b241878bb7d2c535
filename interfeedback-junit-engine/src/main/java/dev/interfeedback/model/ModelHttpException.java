package dev.interfeedback.model;

import java.time.Duration;
import java.util.Optional;

/** The API answered with a non-2xx status. Carries the status and the API's own error message. */
public class ModelHttpException extends ModelException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String apiMessage;
    private final Duration retryAfter;

    public ModelHttpException(String endpoint, int status, String apiMessage) {
        this(endpoint, status, apiMessage, null);
    }

    /** @param retryAfter how long the server asked to wait ({@code Retry-After}), or null when it did not say */
    public ModelHttpException(String endpoint, int status, String apiMessage, Duration retryAfter) {
        super("HTTP " + status + " from " + endpoint + (apiMessage == null || apiMessage.isBlank() ? "" : ": " + apiMessage));
        this.status = status;
        this.apiMessage = apiMessage;
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? null : retryAfter;
    }

    /** How long the server asked clients to wait before trying again, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** 429: the server is fine but wants fewer requests; callers slow down rather than just retry. */
    public boolean rateLimited() {
        return status == 429;
    }

    public int status() {
        return status;
    }

    /** The API's error message (OpenAI's {@code error.message}), or the raw body when it had none. */
    public String apiMessage() {
        return apiMessage;
    }

    /** 429 and 5xx may succeed when tried again; other statuses are errors of the request itself. */
    @Override
    public boolean retryable() {
        return status == 429 || status >= 500;
    }
}
