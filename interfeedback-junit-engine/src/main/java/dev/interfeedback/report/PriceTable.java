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

    /**
     * Prices per million tokens: prompt (input) tokens billed in full, prompt tokens read from the
     * API's prompt cache, prompt tokens written to it (Anthropic), and completion (output) tokens;
     * and the share taken off the calls a batch answered.
     */
    public record Price(double promptPerMillion, double completionPerMillion, double cachedPromptPerMillion,
            double cacheWritePerMillion, double batchDiscount) {
        /** The OpenAI Batch API's discount: half the price. */
        public static final double BATCH_DISCOUNT = 0.5;

        public Price {
            if (!(promptPerMillion >= 0) || !(completionPerMillion >= 0) || !(cachedPromptPerMillion >= 0)
                    || !(cacheWritePerMillion >= 0)) {
                throw new IllegalArgumentException("prices must not be negative");
            }
            if (!(batchDiscount >= 0 && batchDiscount <= 1)) throw new IllegalArgumentException("a batch discount is a fraction 0..1");
        }

        /** A price with the OpenAI Batch API's discount. */
        public Price(double promptPerMillion, double completionPerMillion, double cachedPromptPerMillion,
                double cacheWritePerMillion) {
            this(promptPerMillion, completionPerMillion, cachedPromptPerMillion, cacheWritePerMillion, BATCH_DISCOUNT);
        }

        /** A price of an API without a prompt cache: cached and written tokens cost what others do. */
        public Price(double promptPerMillion, double completionPerMillion) {
            this(promptPerMillion, completionPerMillion, promptPerMillion, promptPerMillion);
        }

        public double cost(Usage usage) {
            return (usage.uncachedPromptTokens() * promptPerMillion + usage.cachedPromptTokens() * cachedPromptPerMillion
                    + usage.cacheWriteTokens() * cacheWritePerMillion + usage.completionTokens() * completionPerMillion)
                    / 1_000_000;
        }

        /** What the same tokens would have cost had every prompt token been billed in full. */
        public double costWithoutCaching(Usage usage) {
            return (usage.promptTokens() * promptPerMillion + usage.completionTokens() * completionPerMillion) / 1_000_000;
        }
    }

    /**
     * The estimated cost of {@code usage}, of which {@code batched} went through a batch and is billed
     * at the batch discount; empty when the alias has no price.
     */
    public Optional<Double> cost(String alias, Usage usage, Usage batched) {
        return Optional.ofNullable(prices.get(alias)).map(p -> p.cost(usage) - p.batchDiscount() * p.cost(batched));
    }

    /** What the batch discount saved on the {@code batched} tokens; empty when the alias has no price. */
    public Optional<Double> savedByBatch(String alias, Usage batched) {
        return Optional.ofNullable(prices.get(alias)).map(p -> p.batchDiscount() * p.cost(batched));
    }

    /**
     * What the API's prompt cache saved on {@code usage}: the cost had every prompt token been billed
     * in full, less the cost; negative when cache writes cost more than the reads saved. Empty when
     * the alias has no price.
     */
    public Optional<Double> savedByPromptCache(String alias, Usage usage) {
        return Optional.ofNullable(prices.get(alias)).map(p -> p.costWithoutCaching(usage) - p.cost(usage));
    }
}
