package dev.interfeedback.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The known name closest to a misspelt one, for messages such as "unknown field (did you mean
 * "question"?)". Shared by the dataset readers (fields) and the settings (keys).
 */
public final class DidYouMean {

    /** Two edits: a transposed pair ("recevier") or a wrong separator ("api_key_env"), not a different word. */
    private static final int MOST_EDITS = 2;

    private DidYouMean() {}

    /** The known name fewest edits away from {@code given}, if it is close enough to be a typo of it. */
    public static Optional<String> closest(String given, Collection<String> known) {
        return known.stream()
                .filter(k -> editDistance(k, given) <= MOST_EDITS)
                .min(Comparator.comparingInt(k -> editDistance(k, given)));
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
