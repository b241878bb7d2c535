package dev.interfeedback.harness;

import java.nio.file.Path;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Not a test: the wall time two orders of a run's calls allow, with no CPU at all, so that the
 * runner's order is chosen by figures. The calls are those of a real run's {@code episodes.jsonl}
 * (the harness's sample ids {@code s0, s1, ...}); each takes a latency drawn from a log-normal
 * distribution of mean 1 s (sigma 0 is every call exactly 1 s, as in the harness's server):
 *
 * <ul>
 *   <li>phases: every round-0 call of both models on {@code concurrency} slots, then, once the last
 *       is in, each episode's feedback rounds on the slots in dataset order (the runner until
 *       6 Dec 2026);
 *   <li>samples: each sample takes the next free slot for its two round-0 calls and then its
 *       feedback rounds (the runner since).
 * </ul>
 *
 * <pre>
 * java -cp ... dev.interfeedback.harness.ScheduleOrders target/harness/cli-first/episodes.jsonl
 * </pre>
 */
public final class ScheduleOrders {

    private ScheduleOrders() {}

    public static void main(String[] args) throws Exception {
        int[] feedbackCalls = feedbackCalls(Path.of(args[0]));
        System.out.println("concurrency  sigma  ideal s  phases s  samples s   (mean of 5 draws)");
        for (int concurrency : new int[] {64, 512, 2048}) {
            for (double sigma : new double[] {0, 0.5, 1}) {
                double phases = 0, samples = 0;
                for (int seed = 0; seed < 5; seed++) {
                    phases += phases(feedbackCalls, concurrency, new Latency(sigma, seed)) / 5;
                    samples += samples(feedbackCalls, concurrency, new Latency(sigma, seed)) / 5;
                }
                long calls = 0;
                for (int n : feedbackCalls) calls += 2 + n;
                System.out.printf(Locale.ROOT, "%11d %6.1f %8.1f %9.1f %10.1f%n", concurrency, sigma,
                        calls / (double) concurrency, phases, samples);
            }
        }
    }

    /** Each sample's feedback calls (a provider's and a receiver's per round), in dataset order. */
    private static int[] feedbackCalls(Path episodes) throws Exception {
        return ScheduleBound.feedbackRounds(episodes).values().stream().mapToInt(rounds -> 2 * rounds).toArray();
    }

    private static double phases(int[] feedbackCalls, int concurrency, Latency latency) {
        Slots slots = new Slots(concurrency, 0);
        for (int i = 0; i < 2 * feedbackCalls.length; i++) slots.run(latency.next());
        Slots feedback = new Slots(concurrency, slots.end);
        for (int calls : feedbackCalls) {
            if (calls > 0) feedback.run(latency.sum(calls));
        }
        return Math.max(slots.end, feedback.end);
    }

    private static double samples(int[] feedbackCalls, int concurrency, Latency latency) {
        Slots slots = new Slots(concurrency, 0);
        for (int calls : feedbackCalls) slots.run(latency.sum(2 + calls));
        return slots.end;
    }

    /** Slots that each take the next task when free; {@code end} is when the last task ends. */
    private static final class Slots {
        private final PriorityQueue<Double> free = new PriorityQueue<>();
        double end;

        Slots(int count, double from) {
            for (int i = 0; i < count; i++) free.add(from);
            end = from;
        }

        void run(double seconds) {
            double done = free.poll() + seconds;
            free.add(done);
            end = Math.max(end, done);
        }
    }

    /** Log-normal latencies of mean 1 s. */
    private static final class Latency {
        private final double sigma;
        private final Random random;

        Latency(double sigma, long seed) {
            this.sigma = sigma;
            this.random = new Random(seed);
        }

        double next() {
            return Math.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
        }

        double sum(int calls) {
            double total = 0;
            for (int i = 0; i < calls; i++) total += next();
            return total;
        }
    }
}
