package dev.interfeedback.maven.rules;

import dev.interfeedback.maven.Limit;
import dev.interfeedback.maven.Rule;
import dev.interfeedback.maven.results.BenchmarkSummary;
import dev.interfeedback.maven.results.Counter;
import dev.interfeedback.maven.results.Counts;
import dev.interfeedback.maven.results.Figure;
import dev.interfeedback.maven.results.Figures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Checks rules against the results. Limits compare the point value of a rate; the interval is
 * shown beside it so a reader can tell a clear miss from noise.
 */
public final class RuleChecker {

    private final List<Rule> rules;

    /** @throws IllegalArgumentException when a rule is malformed; the message names the rule and field */
    public RuleChecker(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        for (int i = 0; i < rules.size(); i++) validate(rules.get(i), "rules[" + i + "]");
    }

    /**
     * @param warnings told of limits that cannot be checked because a rate is undefined
     * @return every violated limit, one line each
     * @throws IllegalArgumentException when a rule matches nothing in the results; the message names
     *     the rule and what the results hold
     */
    public List<Violation> check(List<BenchmarkSummary> results, Consumer<String> warnings) {
        return evaluate(results, warnings).stream().filter(o -> !o.met()).map(LimitOutcome::violation).toList();
    }

    /**
     * As {@link #check}, with every limit on every element it applies to, met or not.
     *
     * @throws IllegalArgumentException as {@link #check} does
     */
    public List<LimitOutcome> evaluate(List<BenchmarkSummary> results, Consumer<String> warnings) {
        List<LimitOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            List<Figures> elements = elements(rule, results);
            if (elements.isEmpty()) {
                // A rule that checks nothing would pass for ever, whatever the model does.
                throw new IllegalArgumentException("rules[" + i + "] (" + rule.getElement().trim() + " includes "
                        + rule.getIncludes() + (rule.getExcludes().isEmpty() ? "" : " excludes " + rule.getExcludes())
                        + ") matches nothing in the results; they have " + kind(rule) + " " + names(rule, results));
            }
            for (Figures element : elements) {
                for (Limit limit : rule.getLimits()) check(rule, element, limit, outcomes, warnings);
            }
        }
        return outcomes;
    }

    private static void check(Rule rule, Figures element, Limit limit, List<LimitOutcome> outcomes,
            Consumer<String> warnings) {
        Counter counter = Counter.parse(limit.getCounter());
        Figure figure = element.get(counter);
        String what = kind(rule) + " " + element.name();
        String kind = kind(rule);
        if (!figure.defined()) {
            Counts counts = element.counts();
            String why = counter.label() + " is undefined: " + counter.whyUndefined(counts);
            String undefined = what + ": " + why;
            long errors = counter.errorsLeavingDenominator(counts);
            Violation violation = null;
            if (errors > 0) {
                // Failed calls may be what left nothing to measure; passing the gate then would let a broken model through.
                violation = new Violation(String.format(Locale.ROOT, "%s; %d of %d samples errored and left its"
                        + " denominator (of %d errors in all), so its limit cannot be met", undefined, errors,
                        counts.samples(), counts.errors()));
            } else {
                warnings.accept(undefined + "; no error contributed, limit not checked");
            }
            // One outcome for the limit, as one violation: neither of its bounds could be checked.
            List<String> bounds = bounds(limit);
            outcomes.add(new LimitOutcome(kind, element.name(), counter.name(), counter.label(), String.join(" and ", bounds),
                    String.join(" and ", bounds.stream().map(b -> limitText(limit, b)).toList()), why, figure.value(), violation));
            return;
        }
        if (limit.getMinimum() != null) {
            double minimum = Ratio.parse(limit.getMinimum(), "minimum");
            Violation violation = figure.value() < minimum
                    ? new Violation(String.format(Locale.ROOT, "%s: %s is %s, but expected minimum is %s",
                            what, counter.label(), figure.describe(), limit.getMinimum().trim()))
                    : null;
            outcomes.add(new LimitOutcome(kind, element.name(), counter.name(), counter.label(), "minimum",
                    limit.getMinimum().trim(), figure.describe(), figure.value(), violation));
        }
        if (limit.getMaximum() != null) {
            double maximum = Ratio.parse(limit.getMaximum(), "maximum");
            Violation violation = figure.value() > maximum
                    ? new Violation(String.format(Locale.ROOT, "%s: %s is %s, but expected maximum is %s",
                            what, counter.label(), figure.describe(), limit.getMaximum().trim()))
                    : null;
            outcomes.add(new LimitOutcome(kind, element.name(), counter.name(), counter.label(), "maximum",
                    limit.getMaximum().trim(), figure.describe(), figure.value(), violation));
        }
    }

    private static List<String> bounds(Limit limit) {
        List<String> bounds = new ArrayList<>();
        if (limit.getMinimum() != null) bounds.add("minimum");
        if (limit.getMaximum() != null) bounds.add("maximum");
        return bounds;
    }

    private static String limitText(Limit limit, String bound) {
        return (bound.equals("minimum") ? limit.getMinimum() : limit.getMaximum()).trim();
    }

    private static List<Figures> elements(Rule rule, List<BenchmarkSummary> results) {
        List<Figures> candidates = new ArrayList<>();
        for (BenchmarkSummary benchmark : results) {
            if (isCategory(rule)) candidates.addAll(benchmark.categories());
            else candidates.add(benchmark.figures());
        }
        return candidates.stream()
                .filter(f -> rule.getIncludes().stream().anyMatch(p -> Pattern.matches(p, f.name())))
                .filter(f -> rule.getExcludes().stream().noneMatch(p -> Pattern.matches(p, f.name())))
                .toList();
    }

    private static List<String> names(Rule rule, List<BenchmarkSummary> results) {
        List<String> names = new ArrayList<>();
        for (BenchmarkSummary benchmark : results) {
            if (isCategory(rule)) benchmark.categories().forEach(c -> names.add(c.name()));
            else names.add(benchmark.id());
        }
        return names;
    }

    private static boolean isCategory(Rule rule) {
        return "CATEGORY".equalsIgnoreCase(rule.getElement().trim());
    }

    private static String kind(Rule rule) {
        return isCategory(rule) ? "category" : "benchmark";
    }

    private static void validate(Rule rule, String where) {
        String element = rule.getElement() == null ? "" : rule.getElement().trim().toUpperCase(Locale.ROOT);
        if (!element.equals("BENCHMARK") && !element.equals("CATEGORY")) {
            throw new IllegalArgumentException(where + ".element: expected BENCHMARK or CATEGORY, found \""
                    + rule.getElement() + "\"");
        }
        if (rule.getLimits() == null || rule.getLimits().isEmpty()) {
            throw new IllegalArgumentException(where + ": a rule needs at least one <limit>");
        }
        if (rule.getIncludes() == null || rule.getIncludes().isEmpty()) rule.setIncludes(List.of("*"));
        if (rule.getExcludes() == null) rule.setExcludes(List.of());
        for (int j = 0; j < rule.getLimits().size(); j++) {
            Limit limit = rule.getLimits().get(j);
            String at = where + ".limits[" + j + "]";
            try {
                Counter.parse(limit.getCounter());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ".counter: " + e.getMessage());
            }
            if (limit.getMinimum() == null && limit.getMaximum() == null) {
                throw new IllegalArgumentException(at + ": a limit needs a <minimum> or a <maximum>");
            }
            if (limit.getMinimum() != null) Ratio.parse(limit.getMinimum(), at + ".minimum");
            if (limit.getMaximum() != null) Ratio.parse(limit.getMaximum(), at + ".maximum");
        }
    }
}
