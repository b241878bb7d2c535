package dev.interfeedback.config;

import dev.interfeedback.report.PriceTable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The price table from settings: {@code interfeedback.model.<alias>.price.prompt-per-million} and
 * {@code ...price.completion-per-million} (both needed), in {@code interfeedback.price.currency}
 * (USD by default). Prompt tokens served from the API's prompt cache cost
 * {@code ...price.cached-prompt-per-million}, and tokens written to it
 * {@code ...price.cache-write-per-million}; by default the fractions of the prompt price that the
 * alias's API charges for them. Calls a batch answered cost {@code ...price.batch-discount} less.
 */
public final class Prices {

    public static final String CURRENCY = Settings.PREFIX + "price.currency";
    /** The fields of {@code interfeedback.model.<alias>.*} that hold an alias's prices. */
    public static final String PROMPT_PER_MILLION = "price.prompt-per-million";
    public static final String COMPLETION_PER_MILLION = "price.completion-per-million";
    public static final String CACHED_PROMPT_PER_MILLION = "price.cached-prompt-per-million";
    public static final String CACHE_WRITE_PER_MILLION = "price.cache-write-per-million";
    public static final String BATCH_DISCOUNT = "price.batch-discount";

    private Prices() {}

    public static PriceTable from(Settings settings, Collection<String> aliases) {
        Map<String, PriceTable.Price> prices = new HashMap<>();
        for (String alias : aliases) {
            String promptKey = Settings.modelKey(alias, PROMPT_PER_MILLION);
            String completionKey = Settings.modelKey(alias, COMPLETION_PER_MILLION);
            Optional<Double> prompt = settings.decimal(promptKey), completion = settings.decimal(completionKey);
            if (prompt.isEmpty() && completion.isEmpty()) continue;
            if (prompt.isEmpty() || completion.isEmpty()) {
                throw new ConfigurationException("model '" + alias + "': set both " + promptKey + " and " + completionKey
                        + " (prices per million tokens), or neither");
            }
            String api = settings.choice(Settings.modelKey(alias, ModelFactory.API));
            double cached = settings.decimal(Settings.modelKey(alias, CACHED_PROMPT_PER_MILLION))
                    .orElse(prompt.get() * cachedShare(api));
            double write = settings.decimal(Settings.modelKey(alias, CACHE_WRITE_PER_MILLION))
                    .orElse(prompt.get() * (api.equals("anthropic") ? 1.25 : 1));
            prices.put(alias, new PriceTable.Price(prompt.get(), completion.get(), cached, write,
                    settings.share(Settings.modelKey(alias, BATCH_DISCOUNT))));
        }
        return new PriceTable(settings.valueOrDefault(CURRENCY).orElseThrow(), prices);
    }

    /**
     * The vendors' list prices for cached input, as a fraction of the full input price: OpenAI half
     * (GPT-4o), Anthropic a tenth, Gemini a quarter. Set the price for a model that differs.
     */
    private static double cachedShare(String api) {
        return switch (api) {
            case "anthropic" -> 0.1;
            case "gemini" -> 0.25;
            default -> 0.5;
        };
    }
}
