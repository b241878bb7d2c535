package dev.interfeedback.model.resilience;

import dev.interfeedback.model.ModelException;
import java.time.Duration;
import java.util.Locale;

/**
 * A call whose server kept announcing rate limits for longer than the time a call may spend
 * waiting them out; the cause is the last answer.
 */
public final class RateLimitBudgetExceededException extends ModelException {

    private static final long serialVersionUID = 1L;

    /** The setting that bounds the wait, named in the message so that a user knows what to raise. */
    public static final String BUDGET_KEY = "interfeedback.retry.rate-limit-budget-seconds";

    /**
     * @param waited the time since the call's first rate-limited answer
     * @param asked the wait the last answer asked for, which would have crossed the budget
     * @param budget the time a call may spend rate limited
     * @param rateLimited the rate-limited answers the call got
     */
    public RateLimitBudgetExceededException(Duration waited, Duration asked, Duration budget, int rateLimited,
            ModelException last) {
        super("rate limited for " + seconds(waited) + " s and asked to wait " + seconds(asked) + " s more, over the budget "
                + BUDGET_KEY + "=" + budget.toSeconds() + " (" + rateLimited + " rate-limited requests): " + last.getMessage(),
                last);
    }

    /** The last rate-limited answer. */
    public ModelException last() {
        return (ModelException) getCause();
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
