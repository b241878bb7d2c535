package dev.interfeedback.model;

/** The API answered with a non-2xx status. Carries the status and the API's own error message. */
public class ModelHttpException extends ModelException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String apiMessage;

    public ModelHttpException(String endpoint, int status, String apiMessage) {
        super("HTTP " + status + " from " + endpoint + (apiMessage == null || apiMessage.isBlank() ? "" : ": " + apiMessage));
        this.status = status;
        this.apiMessage = apiMessage;
    }

    public int status() {
        return status;
    }

    /** The API's error message (OpenAI's {@code error.message}), or the raw body when it had none. */
    public String apiMessage() {
        return apiMessage;
    }

    /** 429 and 5xx may succeed when tried again; other statuses are errors of the request itself. */
    public boolean retryable() {
        return status == 429 || status >= 500;
    }
}
