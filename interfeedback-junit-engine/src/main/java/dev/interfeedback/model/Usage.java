package dev.interfeedback.model;

/**
 * Token counts of one call, as the API reported them (zero when it did not).
 *
 * @param promptTokens every input token of the call, those served from the API's prompt cache and
 *     those written to it included (OpenAI's {@code prompt_tokens}, Gemini's {@code promptTokenCount},
 *     Anthropic's {@code input_tokens} plus its two cache counts)
 * @param completionTokens output tokens (thinking tokens included where the API bills them as output)
 * @param cachedPromptTokens the part of the prompt the API read from its prompt cache, billed at the
 *     cached-input price
 * @param cacheWriteTokens the part of the prompt the API wrote to its prompt cache (Anthropic), billed
 *     at the cache-write price
 */
public record Usage(long promptTokens, long completionTokens, long cachedPromptTokens, long cacheWriteTokens) {

    public static final Usage NONE = new Usage(0, 0);

    public Usage {
        if (promptTokens < 0 || completionTokens < 0 || cachedPromptTokens < 0 || cacheWriteTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    /** Counts of an API without a prompt cache, or of a call that used none. */
    public Usage(long promptTokens, long completionTokens) {
        this(promptTokens, completionTokens, 0, 0);
    }

    public Usage plus(Usage other) {
        return new Usage(promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                cachedPromptTokens + other.cachedPromptTokens, cacheWriteTokens + other.cacheWriteTokens);
    }

    /** The difference of two running totals, for the tokens spent between them. */
    public Usage minus(Usage earlier) {
        return new Usage(promptTokens - earlier.promptTokens, completionTokens - earlier.completionTokens,
                cachedPromptTokens - earlier.cachedPromptTokens, cacheWriteTokens - earlier.cacheWriteTokens);
    }

    /** The prompt tokens billed at the full input price: neither read from nor written to the cache. */
    public long uncachedPromptTokens() {
        return Math.max(0, promptTokens - cachedPromptTokens - cacheWriteTokens);
    }
}
