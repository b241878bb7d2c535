package dev.interfeedback.maven.results;

import java.util.Map;

/**
 * The figures of one benchmark or one category of it.
 *
 * @param name the benchmark id, or {@code <benchmark id>/<category>}
 * @param rates the rate of each counter
 * @param counts the counts the rates come from
 */
public record Figures(String name, Map<Counter, Figure> rates, Counts counts) {

    public Figures {
        rates = Map.copyOf(rates);
    }

    public Figure get(Counter counter) {
        return rates.get(counter);
    }
}
