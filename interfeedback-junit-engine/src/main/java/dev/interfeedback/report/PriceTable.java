package dev.interfeedback.report;

import dev.interfeedback.model.Usage;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices per million tokens by model alias, to estimate what a run cost. An alias without a price
 * has no estimate (not a zero one): a missing price must not look like a free model.
 *
 * @param currency the currency of every price, such as USD
 * @param prices by alias
 */
public record PriceTable(String currency, Map<String, Price> prices) {

    public static final PriceTable NONE = new PriceTable("USD", Map.of());

    public PriceTable {
        Objects.requireNonNull(currency, "currency");
        prices = Map.copyOf(prices);
    }

    /** Prices per million prompt (input) and completion (output) tokens. */
    public record Price(double promptPerMillion, double completionPerMillion) {
        public Price {
            if (!(promptPerMillion >= 0) || !(completionPerMillion >= 0)) {
                throw new IllegalArgumentException("prices must not be negative");
            }
        }

        public double cost(Usage usage) {
            return (usage.promptTokens() * promptPerMillion + usage.completionTokens() * completionPerMillion) / 1_000_000;
        }
    }

    /** The estimated cost of {@code usage} on the alias's model, or empty when it has no price. */
    public Optional<Double> cost(String alias, Usage usage) {
        return Optional.ofNullable(prices.get(alias)).map(p -> p.cost(usage));
    }
}
