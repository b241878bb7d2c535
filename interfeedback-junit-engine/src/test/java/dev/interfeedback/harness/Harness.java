package dev.interfeedback.harness;

import dev.interfeedback.cli.InterFeedbackCli;
import dev.interfeedback.testing.ScriptedChatServer;
import dev.interfeedback.testing.SyntheticDataset;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark harness (not a test): a scripted OpenAI-compatible server in its own JVM with a
 * fixed latency per call, and full command-line runs of a generated dataset with images against
 * it, each in its own JVM so that its CPU time and heap are its own: a first run, then a rerun
 * answered from the response cache. Prints calls, wall time, the ideal wall time, efficiency,
 * CPU per call and peak heap of each.
 *
 * <pre>
 * Harness [--samples 10000] [--latency-ms 100] [--concurrency 64] [--rounds 3]
 *         [--feedback detailed] [--heap 256m] [--work target/harness]
 *         [--image FILE] [--rerun true]
 *         [--quota-requests N --quota-tokens M [--quota-headers true]]
 * </pre>
 *
 * With {@code --image}, every sample sends that image (a real-size one). With a quota, the server
 * enforces N requests and M tokens per minute from empty buckets (the steady state of a long run),
 * answers 429 beyond it, and sends OpenAI's rate-limit headers unless {@code --quota-headers false}
 * (a client that reads none behaves as one that ignores them); the harness prints the share of
 * the quota the first run held and the 429s it drew. The server's own CPU is printed too, to show
 * that it is not the bottleneck.
 *
 * Run through {@code bench/harness.sh}.
 */
public final class Harness {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int samples = Integer.parseInt(options.getOrDefault("samples", "10000"));
        int latencyMs = Integer.parseInt(options.getOrDefault("latency-ms", "100"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "64"));
        String heap = options.getOrDefault("heap", "256m");
        Path work = Path.of(options.getOrDefault("work", "target/harness")).toAbsolutePath();

        Path image = options.containsKey("image") ? Path.of(options.get("image")).toAbsolutePath() : null;
        boolean rerun = Boolean.parseBoolean(options.getOrDefault("rerun", "true"));
        Path data = work.resolve("data-" + samples + (image == null ? "" : "-" + image.getFileName()));
        Path dataset = data.resolve("dataset.jsonl");
        if (!Files.exists(dataset)) {
            System.out.println("generating " + samples + " samples with " + (image == null ? "PNG images" : image) + " in " + data);
            SyntheticDataset.write(data, samples, image);
        }
        deleteTree(work.resolve("cache"));
        deleteTree(work.resolve("out-first"));
        deleteTree(work.resolve("out-cached"));

        List<String> serverArgs = new ArrayList<>(List.of(String.valueOf(latencyMs), "0"));
        long quotaRequests = Long.parseLong(options.getOrDefault("quota-requests", "0"));
        long quotaTokens = Long.parseLong(options.getOrDefault("quota-tokens", "0"));
        if (quotaRequests > 0) {
            serverArgs.addAll(List.of(String.valueOf(quotaRequests), String.valueOf(quotaTokens),
                    options.getOrDefault("quota-headers", "true")));
            rerun = false;
        }
        Process server = java(List.of("-Xmx512m"), ScriptedChatServer.class, serverArgs)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter serverIn = new PrintWriter(server.getOutputStream(), true, StandardCharsets.UTF_8);
            String ready = serverOut.readLine();
            if (ready == null || !ready.startsWith("PORT ")) throw new IllegalStateException("server did not start: " + ready);
            String url = "http://127.0.0.1:" + ready.substring(5).strip() + "/v1";

            List<String> settings = new ArrayList<>(List.of(
                    "interfeedback.dataset=" + dataset,
                    "interfeedback.receiver=weak", "interfeedback.provider=strong",
                    "interfeedback.feedback=" + options.getOrDefault("feedback", "detailed"),
                    "interfeedback.rounds=" + options.getOrDefault("rounds", "3"),
                    "interfeedback.concurrency=" + concurrency,
                    "interfeedback.cache.dir=" + work.resolve("cache"),
                    "interfeedback.progress.interval-seconds=10"));
            for (String alias : List.of("weak", "strong")) {
                settings.add("interfeedback.model." + alias + ".url=" + url);
                settings.add("interfeedback.model." + alias + ".name=" + alias);
                settings.add("interfeedback.model." + alias + ".max-concurrency=" + concurrency);
            }

            Map<String, Long> before = serverStats(serverIn, serverOut);
            Phase first = phase("first run", heap, settings, work.resolve("out-first"), serverIn, serverOut);
            Map<String, Long> after = serverStats(serverIn, serverOut);
            Phase cached = rerun ? phase("cached rerun", heap, settings, work.resolve("out-cached"), serverIn, serverOut) : null;

            double ideal = first.calls * latencyMs / 1000.0 / concurrency;
            System.out.println();
            System.out.printf(Locale.ROOT, "samples %d, latency %d ms, concurrency %d, %d cores, heap limit %s%n",
                    samples, latencyMs, concurrency, Runtime.getRuntime().availableProcessors(), heap);
            System.out.printf(Locale.ROOT, "%-13s %8s %9s %9s %10s %12s %13s %10s%n",
                    "", "calls", "wall s", "ideal s", "efficiency", "CPU s", "CPU/call ms", "peak heap");
            print(first, first.calls, ideal);
            double serverCpu = (after.get("cpuNanos") - before.get("cpuNanos")) / 1e9;
            System.out.printf(Locale.ROOT, "server (own JVM) during the first run: CPU %.2f s, %.3f ms per request%n",
                    serverCpu, serverCpu * 1000 / Math.max(1, first.calls));
            if (quotaRequests > 0) {
                long limited = after.get("rateLimited") - before.get("rateLimited");
                long admitted = first.calls - limited;
                double allowed = quotaRequests / 60.0 * first.wallSeconds;
                System.out.printf(Locale.ROOT, "quota %d requests and %d tokens per minute, headers %s: %d admitted"
                                + " (%.1f/s) of %.0f the quota allowed in the run's %.1f s: %.3f of the quota;"
                                + " %d tokens (%.3f of the tokens' quota); 429s drawn: %d%n",
                        quotaRequests, quotaTokens, options.getOrDefault("quota-headers", "true"), admitted,
                        admitted / first.wallSeconds, allowed, first.wallSeconds, admitted / allowed,
                        after.get("admittedTokens") - before.get("admittedTokens"),
                        (after.get("admittedTokens") - before.get("admittedTokens")) / (quotaTokens / 60.0 * first.wallSeconds),
                        limited);
            }
            if (cached != null) {
                print(cached, first.modelCalls, Double.NaN);
                System.out.printf(Locale.ROOT, "cached rerun: %d network calls, %.1fx faster than the first run%n",
                        cached.calls, first.wallSeconds / cached.wallSeconds);
                System.out.printf(Locale.ROOT, "results identical: %s%n",
                        Files.readString(work.resolve("out-first/results.json"))
                                .equals(Files.readString(work.resolve("out-cached/results.json"))));
            }
        } finally {
            server.getOutputStream().close();
            server.destroy();
            server.waitFor();
        }
    }

    private static void print(Phase phase, long perCallDenominator, double ideal) {
        System.out.printf(Locale.ROOT, "%-13s %8d %9.2f %9s %10s %12.2f %13.3f %8.0f MB%n",
                phase.name, phase.calls, phase.wallSeconds,
                Double.isNaN(ideal) ? "-" : String.format(Locale.ROOT, "%.2f", ideal),
                Double.isNaN(ideal) ? "-" : String.format(Locale.ROOT, "%.3f", ideal / phase.wallSeconds),
                phase.cpuSeconds, phase.cpuSeconds * 1000 / Math.max(1, perCallDenominator), phase.peakHeapMb);
    }

    /** One command-line run in its own JVM, measured from inside it by {@link Run}. */
    private record Phase(String name, long calls, long modelCalls, double wallSeconds, double cpuSeconds, double peakHeapMb) {}

    private static Phase phase(String name, String heap, List<String> settings, Path out, PrintWriter serverIn,
            BufferedReader serverOut) throws Exception {
        long before = serverRequests(serverIn, serverOut);
        List<String> args = new ArrayList<>(settings);
        args.add("interfeedback.output.dir=" + out);
        System.out.println("== " + name);
        Process run = java(List.of("-Xmx" + heap, "-Xms" + heap), Run.class, args)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, String> measured = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("MEASURED ")) {
                    for (String pair : line.substring(9).split(" ")) {
                        String[] kv = pair.split("=", 2);
                        measured.put(kv[0], kv[1]);
                    }
                } else if (line.startsWith("progress") || line.startsWith("interfeedback") || line.startsWith("Resuming")) {
                    System.out.println("   " + line);
                }
            }
        }
        if (run.waitFor() != 0) throw new IllegalStateException(name + " failed with exit code " + run.exitValue());
        long calls = serverRequests(serverIn, serverOut) - before;
        return new Phase(name, calls, Long.parseLong(measured.get("modelCalls")),
                Double.parseDouble(measured.get("wall")), Double.parseDouble(measured.get("cpu")),
                Double.parseDouble(measured.get("peakHeapMb")));
    }

    private static long serverRequests(PrintWriter in, BufferedReader out) throws IOException {
        return serverStats(in, out).get("requests");
    }

    private static Map<String, Long> serverStats(PrintWriter in, BufferedReader out) throws IOException {
        in.println("stats");
        String line = out.readLine();
        if (line == null || !line.startsWith("STATS ")) throw new IllegalStateException("server stats: " + line);
        Map<String, Long> stats = new LinkedHashMap<>();
        for (String pair : line.substring(6).split(" ")) {
            String[] kv = pair.split("=", 2);
            stats.put(kv[0], Long.parseLong(kv[1]));
        }
        return stats;
    }

    private static ProcessBuilder java(List<String> jvm, Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --option value, found " + args[i]);
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) Files.delete(p);
        }
    }

    /** One command-line run, measured from inside its JVM: wall and CPU time of the run, peak heap. */
    public static final class Run {

        public static void main(String[] args) {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();

            ByteArrayOutputStream summary = new ByteArrayOutputStream();
            int code = new InterFeedbackCli(new PrintStream(summary, true, StandardCharsets.UTF_8), System.out,
                    System::getenv).run(args);

            double wall = (System.nanoTime() - wall0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
            }
            String text = summary.toString(StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.startsWith("progress") || line.startsWith("Resuming")) System.out.println(line);
            }
            System.out.printf(Locale.ROOT, "MEASURED wall=%.3f cpu=%.3f peakHeapMb=%.1f modelCalls=%d%n",
                    wall, cpu, peak / 1048576.0, modelCalls(text));
            System.exit(code);
        }

        // The CLI prints its call counts in its last line; until it does, count rounds from episodes.
        private static long modelCalls(String summary) {
            for (String line : summary.split("\n")) {
                if (line.startsWith("Model calls: ")) return Long.parseLong(line.substring(13).split(" ")[0]);
            }
            return 0;
        }
    }
}
