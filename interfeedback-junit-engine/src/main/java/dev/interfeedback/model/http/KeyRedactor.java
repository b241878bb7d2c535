package dev.interfeedback.model.http;

/**
 * Takes an API key out of what a server sent, where the server text enters the process and before
 * anything cuts it short: some servers and gateways echo the {@code Authorization} header back, in
 * error pages, in error JSON, even in a 200, and from there it would travel on into exception
 * messages, journals, transcripts and test reports. Any run of the key's characters long enough to
 * matter is taken out too, since a server may echo the header cut short, and a cut made here
 * afterwards must not leave most of the key behind.
 */
public final class KeyRedactor {

    public static final String MARK = "[redacted]";
    /** Shorter runs occur by chance in ordinary text and reveal too little of a key to matter. */
    static final int MIN_FRAGMENT = 8;

    private static final KeyRedactor NONE = new KeyRedactor(null);

    private final String key;

    private KeyRedactor(String key) {
        this.key = key;
    }

    /**
     * A key shorter than {@link #MIN_FRAGMENT} is a local server's placeholder ({@code EMPTY},
     * {@code ollama}), no secret: taking it out of answers would change what is scored.
     */
    public static KeyRedactor of(ApiKey key) {
        return key == null || key.value().length() < MIN_FRAGMENT ? NONE : new KeyRedactor(key.value());
    }

    /** The text with every run of at least {@link #MIN_FRAGMENT} characters of the key replaced by {@link #MARK}. */
    public String redact(String text) {
        if (text == null || key == null) return text;
        int shortest = MIN_FRAGMENT;
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i + shortest <= text.length(); ) {
            int run = longestRunOfTheKeyAt(text, i);
            if (run >= shortest) {
                if (out == null) out = new StringBuilder(text.length());
                out.append(text, copied, i).append(MARK);
                i += run;
                copied = i;
            } else {
                i++;
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * The failure itself when none of its messages holds a part of the key; otherwise a copy whose
     * messages are redacted, with the same stack traces. okhttp's messages quote server text (an
     * unreadable status line, for one), and a cause travels as far as the message it explains.
     */
    public Throwable redact(Throwable failure) {
        return holdsKey(failure) ? copy(failure) : failure;
    }

    private boolean holdsKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.equals(redact(message))) return true;
            for (Throwable suppressed : t.getSuppressed()) {
                if (holdsKey(suppressed)) return true;
            }
        }
        return false;
    }

    private Throwable copy(Throwable failure) {
        String message = failure.getMessage();
        Throwable copy = new Redacted(failure.getClass().getName() + (message == null ? "" : ": " + redact(message)));
        copy.setStackTrace(failure.getStackTrace());
        if (failure.getCause() != null) copy.initCause(copy(failure.getCause()));
        for (Throwable suppressed : failure.getSuppressed()) copy.addSuppressed(copy(suppressed));
        return copy;
    }

    private int longestRunOfTheKeyAt(String text, int start) {
        int longest = 0;
        for (int k = key.indexOf(text.charAt(start)); k >= 0; k = key.indexOf(text.charAt(start), k + 1)) {
            int run = 0;
            while (start + run < text.length() && k + run < key.length()
                    && text.charAt(start + run) == key.charAt(k + run)) {
                run++;
            }
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** A failure whose message had part of the key in it; its message names the original's class. */
    static final class Redacted extends Exception {
        private static final long serialVersionUID = 1L;

        Redacted(String message) {
            super(message);
        }
    }
}
