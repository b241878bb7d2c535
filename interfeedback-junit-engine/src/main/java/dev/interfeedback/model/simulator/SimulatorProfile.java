package dev.interfeedback.model.simulator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a simulated model behaves, read from a {@code simulator:} URL such as
 * {@code simulator:?accuracy=0.4&binary-fix=0.2&detailed-fix=0.5&eliminate=true&seed=7}.
 *
 * @param accuracy probability of being right at round 0
 * @param binaryFix probability that binary feedback makes it switch to the right answer
 * @param detailedFix probability that detailed (or human) feedback makes it switch to the right answer
 * @param eliminate whether, when it guesses again, it avoids options it already tried (so on a
 *     4-option question three wrong rounds leave only the right one, as the paper observed of
 *     real models)
 * @param leak probability that its feedback, as provider, states the answer (to exercise the leak guard)
 * @param unparsed probability that an answer has no parseable final line
 * @param seed makes every decision reproducible
 */
public record SimulatorProfile(
        double accuracy,
        double binaryFix,
        double detailedFix,
        boolean eliminate,
        double leak,
        double unparsed,
        long seed) {

    public static final String SCHEME = "simulator";

    private static final Set<String> KEYS =
            Set.of("accuracy", "binary-fix", "detailed-fix", "eliminate", "leak", "unparsed", "seed");

    public static final SimulatorProfile DEFAULT = new SimulatorProfile(0.5, 0.2, 0.45, true, 0.0, 0.0, 0);

    public SimulatorProfile {
        requireProbability("accuracy", accuracy);
        requireProbability("binary-fix", binaryFix);
        requireProbability("detailed-fix", detailedFix);
        requireProbability("leak", leak);
        requireProbability("unparsed", unparsed);
    }

    public static boolean isSimulatorUrl(String url) {
        return url != null && url.toLowerCase(Locale.ROOT).startsWith(SCHEME + ":");
    }

    /** Parses a {@code simulator:} URL; parameters left out keep their {@link #DEFAULT} values. */
    public static SimulatorProfile parse(String url) {
        if (!isSimulatorUrl(url)) {
            throw new IllegalArgumentException("not a simulator URL (expected simulator:?key=value&...): " + url);
        }
        int q = url.indexOf('?');
        String query = q < 0 ? "" : url.substring(q + 1);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).trim();
            String value = eq < 0 ? "" : pair.substring(eq + 1).trim();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown simulator parameter \"" + key + "\" in " + url
                        + "; known parameters: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
            params.put(key, value);
        }
        SimulatorProfile d = DEFAULT;
        return new SimulatorProfile(
                number(params, "accuracy", d.accuracy, url),
                number(params, "binary-fix", d.binaryFix, url),
                number(params, "detailed-fix", d.detailedFix, url),
                bool(params, "eliminate", d.eliminate, url),
                number(params, "leak", d.leak, url),
                number(params, "unparsed", d.unparsed, url),
                seed(params, d.seed, url));
    }

    /** A compact description for reports, e.g. {@code accuracy=0.5,binary-fix=0.2,...}. */
    public String describe() {
        return "accuracy=" + accuracy + ",binary-fix=" + binaryFix + ",detailed-fix=" + detailedFix
                + ",eliminate=" + eliminate + ",leak=" + leak + ",unparsed=" + unparsed + ",seed=" + seed;
    }

    private static double number(Map<String, String> params, String key, double fallback, String url) {
        String value = params.get(key);
        if (value == null) return fallback;
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("simulator parameter \"" + key + "\" in " + url
                    + ": expected a number, found \"" + value + "\"");
        }
    }

    private static long seed(Map<String, String> params, long fallback, String url) {
        String value = params.get("seed");
        if (value == null) return fallback;
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("simulator parameter \"seed\" in " + url
                    + ": expected a whole number, found \"" + value + "\"");
        }
    }

    private static boolean bool(Map<String, String> params, String key, boolean fallback, String url) {
        String value = params.get(key);
        if (value == null) return fallback;
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("simulator parameter \"" + key + "\" in " + url
                    + ": expected true or false, found \"" + value + "\"");
        };
    }

    private static void requireProbability(String key, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("simulator parameter \"" + key + "\": expected a probability between 0 and 1, found " + value);
        }
    }
}
