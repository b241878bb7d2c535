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

    private Prices() {}

    public static PriceTable from(Settings settings, Collection<String> aliases) {
        Map<String, PriceTable.Price> prices = new HashMap<>();
        for (String alias : aliases) {
            String promptKey = Settings.modelKey(alias, "price.prompt-per-million");
            String completionKey = Settings.modelKey(alias, "price.completion-per-million");
            Optional<String> prompt = settings.get(promptKey), completion = settings.get(completionKey);
            if (prompt.isEmpty() && completion.isEmpty()) continue;
            if (prompt.isEmpty() || completion.isEmpty()) {
                throw new ConfigurationException("model '" + alias + "': set both " + promptKey + " and " + completionKey
                        + " (prices per million tokens), or neither");
            }
            try {
                prices.put(alias, new PriceTable.Price(price(promptKey, prompt.get()), price(completionKey, completion.get())));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(promptKey + ", " + completionKey + ": " + e.getMessage());
            }
        }
        return new PriceTable(settings.get(CURRENCY).orElse("USD"), prices);
    }

    private static double price(String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key + ": expected a price per million tokens such as 2.50, found \"" + value + "\"");
        }
    }
}
