package dev.interfeedback.config;

import dev.interfeedback.report.PriceTable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The price table from settings: {@code interfeedback.model.<alias>.price.prompt-per-million} and
 * {@code ...price.completion-per-million} (both needed), in {@code interfeedback.price.currency}
 * (USD by default).
 */
public final class Prices {

    public static final String CURRENCY = Settings.PREFIX + "price.currency";
    /** The fields of {@code interfeedback.model.<alias>.*} that hold an alias's prices. */
    public static final String PROMPT_PER_MILLION = "price.prompt-per-million";
    public static final String COMPLETION_PER_MILLION = "price.completion-per-million";

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
            prices.put(alias, new PriceTable.Price(prompt.get(), completion.get()));
        }
        return new PriceTable(settings.valueOrDefault(CURRENCY).orElseThrow(), prices);
    }
}
