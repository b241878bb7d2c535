package dev.interfeedback.harness;

import dev.interfeedback.bench.shard.ShardMerge;
import dev.interfeedback.cli.InterFeedbackCli;
import dev.interfeedback.testing.ScriptedChatServer;
import dev.interfeedback.testing.SyntheticDataset;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * The benchmark harness (not a test): a scripted OpenAI-compatible server in its own JVM with a
 * fixed latency per call, and full runs of a generated dataset with images against it, each in its
 * own JVM so that its CPU time and memory are its own: a first run, then a rerun answered from the
 * response cache, through the command-line runner ({@code cli}) and through the JUnit engine as
 * {@code interfeedback:evaluate} runs it ({@code engine}), and through {@code mvn verify} of a
 * generated project with the plugin ({@code maven}, see {@link MavenBuild}). Prints calls, wall time, the ideal wall
 * time, efficiency, CPU per call, peak heap and peak RSS of each, and the sizes of the outputs.
 *
 * <pre>
 * Harness [--samples 10000] [--latency-ms 100] [--concurrency 64] [--rounds 3]
 *         [--feedback detailed] [--heap 256m] [--path cli|engine|maven|both|all] [--maven-heap 512m]
 *         [--work target/harness] [--shards 0]
 *         [--image FILE] [--rerun true]
 *         [--quota-requests N --quota-tokens M [--quota-headers true]] [--jvm-options "..."]
 *         [--server-jvm-options "..."]
 * </pre>
 *
 * With {@code --shards N}, the command line's first run is also made as N shards, one after the
 * other, each in its own JVM with a fresh cache (as N machines would), then merged and compared
 * with the first run.
 * <pre>
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

    /** Options for each run's JVM besides its heap ({@code --jvm-options "..."}): a profiler's, say. */
    private static List<String> RUN_JVM_OPTIONS = List.of();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String jvmOptions = options.getOrDefault("jvm-options", "").strip();
        if (!jvmOptions.isEmpty()) RUN_JVM_OPTIONS = List.of(jvmOptions.split("\\s+"));
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
        List<String> paths = switch (options.getOrDefault("path", "both")) {
            case "both" -> List.of("cli", "engine");
            case "all" -> List.of("cli", "engine", "maven");
            case "cli", "engine", "maven" -> List.of(options.get("path"));
            default -> throw new IllegalArgumentException("--path: cli, engine, maven, both or all, found " + options.get("path"));
        };
        MavenBuild maven = paths.contains("maven")
                ? new MavenBuild(Path.of(options.getOrDefault("maven-repo", "interfeedback-maven-plugin/target/it-repo")).toAbsolutePath(),
                        work.resolve("maven-project"), options.getOrDefault("maven-heap", "512m"))
                : null;

        List<String> serverArgs = new ArrayList<>(List.of(String.valueOf(latencyMs), "0"));
        long quotaRequests = Long.parseLong(options.getOrDefault("quota-requests", "0"));
        long quotaTokens = Long.parseLong(options.getOrDefault("quota-tokens", "0"));
        if (quotaRequests > 0) {
            serverArgs.addAll(List.of(String.valueOf(quotaRequests), String.valueOf(quotaTokens),
                    options.getOrDefault("quota-headers", "true")));
            rerun = false;
        }
        List<String> serverJvm = new ArrayList<>(List.of("-Xmx512m"));
        String serverOptions = options.getOrDefault("server-jvm-options", "").strip();
        if (!serverOptions.isEmpty()) serverJvm.addAll(List.of(serverOptions.split("\\s+")));
        Process server = java(serverJvm, ScriptedChatServer.class, serverArgs)
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
                    "interfeedback.progress.interval-seconds=10"));
            for (String alias : List.of("weak", "strong")) {
                settings.add("interfeedback.model." + alias + ".url=" + url);
                settings.add("interfeedback.model." + alias + ".name=" + alias);
                settings.add("interfeedback.model." + alias + ".max-concurrency=" + concurrency);
            }

            List<Phase[]> measured = new ArrayList<>();
            List<List<Map<String, Long>>> serverAround = new ArrayList<>();
            Phase skipped = null;
            for (String path : paths) {
                Path cache = work.resolve(path + "-cache");
                deleteTree(cache);
                List<String> pathSettings = new ArrayList<>(settings);
                pathSettings.add("interfeedback.cache.dir=" + cache);
                Map<String, Long> before = serverStats(serverIn, serverOut);
                Phase first, cached = null;
                if (quotaRequests > 0) emptyQuota(serverIn, serverOut);
                if (path.equals("maven")) {
                    maven.prepare(data);
                    first = maven.phase("maven first run", pathSettings, work.resolve("maven-first"), false, serverIn, serverOut);
                    if (rerun) cached = maven.phase("maven cached", pathSettings, work.resolve("maven-cached"), false, serverIn, serverOut);
                    skipped = maven.phase("maven skip", pathSettings, work.resolve("maven-skip"), true, serverIn, serverOut);
                } else {
                    Class<?> main = path.equals("cli") ? Run.class : EngineRun.class;
                    first = phase(path + " first run", main, heap, pathSettings, work.resolve(path + "-first"), serverIn, serverOut);
                    if (rerun) cached = phase(path + " cached", main, heap, pathSettings, work.resolve(path + "-cached"), serverIn, serverOut);
                }
                Map<String, Long> after = serverStats(serverIn, serverOut);
                measured.add(new Phase[] {first, cached});
                serverAround.add(List.of(before, after));
            }

            System.out.println();
            System.out.printf(Locale.ROOT, "samples %d, latency %d ms, concurrency %d, %d cores, heap limit %s%n",
                    samples, latencyMs, concurrency, Runtime.getRuntime().availableProcessors(), heap);
            System.out.printf(Locale.ROOT, "%-19s %8s %9s %9s %10s %9s %13s %10s %10s%n",
                    "", "calls", "wall s", "ideal s", "efficiency", "CPU s", "CPU/call ms", "peak heap", "peak RSS");
            for (Phase[] pair : measured) {
                Phase first = pair[0], cached = pair[1];
                double ideal = first.calls * latencyMs / 1000.0 / concurrency;
                print(first, first.calls, ideal);
                if (cached != null) print(cached, Math.max(first.modelCalls, first.calls), Double.NaN);
            }
            for (Phase[] pair : measured) {
                Phase first = pair[0];
                OptionalDouble bound = ScheduleBound.seconds(first.out, first.calls, concurrency, latencyMs / 1000.0);
                if (bound.isPresent() && latencyMs > 0 && quotaRequests == 0) {
                    System.out.printf(Locale.ROOT, "%s: the runner's schedule allows no less than %.2f s (every call %d ms,"
                                    + " no CPU): %.3f of that bound%n",
                            first.name, bound.getAsDouble(), latencyMs, bound.getAsDouble() / first.wallSeconds);
                }
            }
            if (skipped != null) ownCost(measured, skipped);
            for (int i = 0; i < measured.size(); i++) {
                Phase first = measured.get(i)[0];
                Map<String, Long> before = serverAround.get(i).get(0), after = serverAround.get(i).get(1);
                double serverCpu = (after.get("cpuNanos") - before.get("cpuNanos")) / 1e9;
                System.out.printf(Locale.ROOT, "server (own JVM) during the %s: CPU %.2f s, %.3f ms per request%n",
                        first.name, serverCpu, serverCpu * 1000 / Math.max(1, first.calls));
                if (quotaRequests > 0) {
                    long limited = after.get("rateLimited") - before.get("rateLimited");
                    long admitted = first.calls - limited;
                    // From the run's first request, which found the buckets empty, to its last.
                    double seconds = after.get("quotaSpanNanos") / 1e9;
                    double allowed = quotaRequests / 60.0 * seconds;
                    System.out.printf(Locale.ROOT, "%s: quota %d requests and %d tokens per minute, headers %s: %d admitted"
                                    + " (%.1f/s) of %.0f the quota allowed in the %.1f s from its first request (buckets empty) to its last:"
                                    + " %.3f of the quota; %d tokens (%.3f of the tokens' quota); 429s drawn: %d%n",
                            first.name, quotaRequests, quotaTokens, options.getOrDefault("quota-headers", "true"), admitted,
                            admitted / seconds, allowed, seconds, admitted / allowed,
                            after.get("admittedTokens") - before.get("admittedTokens"),
                            (after.get("admittedTokens") - before.get("admittedTokens")) / (quotaTokens / 60.0 * seconds),
                            limited);
                }
            }
            if (rerun) {
                for (Phase[] pair : measured) {
                    Phase first = pair[0], cached = pair[1];
                    System.out.printf(Locale.ROOT, "%s: %d network calls, %.1fx faster than the first run; results identical: %s%n",
                            cached.name, cached.calls, first.wallSeconds / cached.wallSeconds,
                            withoutRunId(first.out).equals(withoutRunId(cached.out)));
                }
                System.out.println();
                System.out.println("output of the cached runs:");
                for (Phase[] pair : measured) System.out.println("  " + pair[1].name + ": " + OutputSizes.of(pair[1].out));
            } else {
                System.out.println();
                System.out.println("output of the first runs:");
                for (Phase[] pair : measured) System.out.println("  " + pair[0].name + ": " + OutputSizes.of(pair[0].out));
            }
            int shards = Integer.parseInt(options.getOrDefault("shards", "0"));
            if (shards > 1) {
                Phase[] cli = measured.stream().filter(pair -> pair[0].name.startsWith("cli")).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("--shards needs the cli path"));
                sharded(shards, heap, settings, work, cli[0], serverIn, serverOut);
            }
        } finally {
            server.getOutputStream().close();
            server.destroy();
            server.waitFor();
        }
    }

    /**
     * The evaluate goal's own cost: each Maven build's wall and CPU less those of the same build
     * with {@code -Dinterfeedback.skip=true}, and its peak RSS less the skipped build's, beside
     * the command line's and the engine's (whose JVMs hold nothing but the run).
     */
    private static void ownCost(List<Phase[]> measured, Phase skipped) {
        System.out.println();
        System.out.printf(Locale.ROOT, "the evaluate goal's own cost (the build less the skipped build: %.2f s wall, %.2f s CPU, %.0f MB peak RSS)%n",
                skipped.wallSeconds, skipped.cpuSeconds, skipped.peakRssMb);
        Phase[] cli = null, maven = null;
        for (Phase[] pair : measured) {
            if (pair[0].name.startsWith("cli")) cli = pair;
            if (pair[0].name.startsWith("maven")) maven = pair;
        }
        for (int i = 0; i < 2 && maven != null; i++) {
            Phase build = maven[i];
            if (build == null) continue;
            double wall = build.wallSeconds - skipped.wallSeconds, cpu = build.cpuSeconds - skipped.cpuSeconds;
            double rss = build.peakRssMb - skipped.peakRssMb;
            System.out.printf(Locale.ROOT, "  %-17s wall %.2f s, CPU %.2f s, peak RSS +%.0f MB (the build's %.0f MB)", build.name, wall, cpu, rss, build.peakRssMb);
            if (cli != null && cli[i] != null) {
                System.out.printf(Locale.ROOT, "; / cli: CPU %.2fx, peak RSS %.2fx (the build's)", cpu / cli[i].cpuSeconds, build.peakRssMb / cli[i].peakRssMb);
            }
            System.out.println();
        }
    }

    /** The run's results.json but for its run id, which differs from run to run by design. */
    private static String withoutRunId(Path out) throws IOException {
        return Files.readString(out.resolve("results.json")).replaceAll("\"runId\"\\s*:\\s*\"[^\"]*\"", "");
    }

    private static void print(Phase phase, long perCallDenominator, double ideal) {
        System.out.printf(Locale.ROOT, "%-19s %8d %9.2f %9s %10s %9.2f %13.3f %10s %7.0f MB%n",
                phase.name, phase.calls, phase.wallSeconds,
                Double.isNaN(ideal) ? "-" : String.format(Locale.ROOT, "%.2f", ideal),
                Double.isNaN(ideal) ? "-" : String.format(Locale.ROOT, "%.3f", ideal / phase.wallSeconds),
                phase.cpuSeconds, phase.cpuSeconds * 1000 / Math.max(1, perCallDenominator),
                Double.isNaN(phase.peakHeapMb) ? "-" : String.format(Locale.ROOT, "%.0f MB", phase.peakHeapMb), phase.peakRssMb);
    }

    /** One run in its own JVM, measured from inside it by {@link Run} or {@link EngineRun}. */
    private record Phase(String name, Path out, long calls, long modelCalls, double wallSeconds, double cpuSeconds,
            double peakHeapMb, double peakRssMb) {}

    private static Phase phase(String name, Class<?> main, String heap, List<String> settings, Path out, PrintWriter serverIn,
            BufferedReader serverOut) throws Exception {
        long before = serverRequests(serverIn, serverOut);
        List<String> args = new ArrayList<>(settings);
        args.add("interfeedback.output.dir=" + out);
        System.out.println("== " + name);
        deleteTree(out);
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap, "-Xms" + heap));
        jvm.addAll(RUN_JVM_OPTIONS);
        Process run = java(jvm, main, args)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, String> measured = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("MEASURED ")) {
                    for (String pair : line.substring(9).split(" ")) {
                        String[] kv = pair.split("=", 2);
                        measured.put(kv[0], kv[1]);
                    }
                } else if (line.startsWith("progress") || line.startsWith("interfeedback") || line.startsWith("Resuming")
                        || line.startsWith("cpu by thread") || line.startsWith("heap after")) {
                    System.out.println("   " + line);
                }
            }
        }
        if (run.waitFor() != 0) throw new IllegalStateException(name + " failed with exit code " + run.exitValue());
        long calls = serverRequests(serverIn, serverOut) - before;
        return new Phase(name, out, calls, Long.parseLong(measured.get("modelCalls")),
                Double.parseDouble(measured.get("wall")), Double.parseDouble(measured.get("cpu")),
                Double.parseDouble(measured.get("peakHeapMb")), Double.parseDouble(measured.get("peakRssMb")));
    }

    /**
     * The first run again as {@code n} shards, one after the other, each in its own JVM with its
     * own output directory and a fresh cache, as n machines would run them; then the merge,
     * compared with the first run's results.
     */
    private static void sharded(int n, String heap, List<String> settings, Path work, Phase whole, PrintWriter serverIn,
            BufferedReader serverOut) throws Exception {
        List<Path> outs = new ArrayList<>();
        double longest = 0, total = 0;
        long calls = 0;
        for (int k = 1; k <= n; k++) {
            Path out = work.resolve("out-shard-" + k);
            deleteTree(out);
            outs.add(out);
            List<String> args = new ArrayList<>(settings);
            args.removeIf(a -> a.startsWith("interfeedback.cache.dir="));
            args.add("interfeedback.shard=" + k + "/" + n);
            Phase shard = phase("shard " + k + "/" + n, Run.class, heap, args, out, serverIn, serverOut);
            longest = Math.max(longest, shard.wallSeconds);
            total += shard.wallSeconds;
            calls += shard.calls;
        }
        Path merged = work.resolve("out-merged");
        deleteTree(merged);
        long mergeStart = System.nanoTime();
        ShardMerge.merge(outs, merged);
        double mergeWall = (System.nanoTime() - mergeStart) / 1e9;
        System.out.printf(Locale.ROOT, "%d shards, each alone as on its own machine: %d calls, longest %.2f s, sum %.2f s;"
                + " one run %.2f s: %.1fx faster with %d machines; merge %.2f s%n",
                n, calls, longest, total, whole.wallSeconds, whole.wallSeconds / longest, n, mergeWall);
        System.out.printf(Locale.ROOT, "merged results equal the first run's (run id aside): %s%n",
                withoutRunId(merged).equals(withoutRunId(whole.out)));
    }


    private static void emptyQuota(PrintWriter in, BufferedReader out) throws IOException {
        in.println("empty-quota");
        String line = out.readLine();
        if (!"EMPTIED".equals(line)) throw new IllegalStateException("server empty-quota: " + line);
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

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --option value, found " + args[i]);
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) Files.delete(p);
        }
    }

    /**
     * {@code mvn verify} of a generated project whose benchmark class runs the harness's dataset
     * through {@code interfeedback:evaluate}, the plugin and engine as built from this tree: they
     * resolve from a local repository of their own (the invoker's, which {@code bench/harness.sh}
     * fills), chained to the user's for everything else, which it only reads. Measured from outside
     * by {@code /usr/bin/time}: wall, user + system CPU of the whole process tree, and the peak RSS
     * of its largest process.
     */
    private static final class MavenBuild {

        private final Path repo;
        private final Path project;
        private final String heap;
        private Path data;

        MavenBuild(Path repo, Path project, String heap) {
            this.repo = repo;
            this.project = project;
            this.heap = heap;
        }

        /** Writes the project and compiles it once, so that every measured build finds it up to date. */
        void prepare(Path data) throws Exception {
            Path plugin = repo.resolve("dev/interfeedback/interfeedback-maven-plugin");
            if (!Files.isDirectory(plugin)) {
                throw new IllegalStateException("no plugin in " + repo + ": run bench/harness.sh, which fills it");
            }
            String version;
            try (Stream<Path> versions = Files.list(plugin)) {
                version = versions.filter(Files::isDirectory).map(p -> p.getFileName().toString()).findFirst().orElseThrow();
            }
            Path source = project.resolve("src/test/java/harness/HarnessBenchmark.java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, """
                    package harness;

                    @dev.interfeedback.junit.InterFeedbackBenchmark(id = "harness", dataset = "dataset.jsonl")
                    public class HarnessBenchmark {}
                    """);
            try (var pom = Harness.class.getResourceAsStream("maven-project.pom.xml")) {
                Files.writeString(project.resolve("pom.xml"), new String(pom.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("@interfeedback.version@", version));
            }
            Process compile = command(List.of("test-compile", "-Dinterfeedback.basedir=" + data), null).start();
            if (compile.waitFor() != 0) {
                throw new IllegalStateException("the harness's Maven project did not compile: " + Files.readString(log()));
            }
            this.data = data;
        }

        Phase phase(String name, List<String> settings, Path out, boolean skip, PrintWriter serverIn, BufferedReader serverOut)
                throws Exception {
            long before = serverRequests(serverIn, serverOut);
            System.out.println("== " + name);
            deleteTree(out);
            Path time = project.resolve("target/time.txt");
            List<String> args = new ArrayList<>(List.of("verify", "-Dinterfeedback.basedir=" + data,
                    "-Dinterfeedback.output.dir=" + out));
            if (skip) args.add("-Dinterfeedback.skip=true");
            for (String setting : settings) {
                if (!setting.startsWith("interfeedback.dataset=")) args.add("-D" + setting);
            }
            Process build = command(args, time).start();
            if (build.waitFor() != 0) throw new IllegalStateException(name + " failed: " + Files.readString(log()));
            for (String line : Files.readAllLines(log())) {
                if (line.contains("InterFeedback: ") || line.contains("BUILD")) System.out.println("   " + line.strip());
            }
            Map<String, String> measured = new LinkedHashMap<>();
            for (String line : Files.readAllLines(time)) {
                if (!line.startsWith("MEASURED ")) continue;
                for (String pair : line.substring(9).split(" ")) {
                    String[] kv = pair.split("=", 2);
                    measured.put(kv[0], kv[1]);
                }
            }
            long calls = serverRequests(serverIn, serverOut) - before;
            return new Phase(name, out, calls, 0, Double.parseDouble(measured.get("wall")),
                    Double.parseDouble(measured.get("user")) + Double.parseDouble(measured.get("sys")),
                    Double.NaN, Long.parseLong(measured.get("maxrssKb")) / 1024.0);
        }

        private Path log() {
            return project.resolve("target/build.log");
        }

        private ProcessBuilder command(List<String> goals, Path time) throws IOException {
            Files.createDirectories(project.resolve("target"));
            List<String> command = new ArrayList<>();
            if (time != null) command.addAll(List.of("/usr/bin/time", "-o", time.toString(), "-f",
                    "MEASURED wall=%e user=%U sys=%S maxrssKb=%M"));
            command.addAll(List.of(Path.of("mvnw").toAbsolutePath().toString(), "-B", "-f", project.resolve("pom.xml").toString(),
                    "-Dmaven.repo.local=" + repo,
                    "-Dmaven.repo.local.tail=" + Path.of(System.getProperty("user.home"), ".m2", "repository")));
            command.addAll(goals);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log().toFile());
            builder.environment().put("MAVEN_OPTS", "-Xmx" + heap);
            return builder;
        }
    }

    /** Wall and CPU time of a run and the peaks of its JVM, measured from inside it. */
    private static final class Meter {

        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final long cpu0;
        private final long wall0;

        /** The most heap in use right after a collection: what the run holds, whatever the young generation's size. */
        private final java.util.concurrent.atomic.AtomicLong peakAfterGc = new java.util.concurrent.atomic.AtomicLong();

        Meter() {
            java.util.Set<String> heapPools = new java.util.HashSet<>();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
                if (pool.getType() == MemoryType.HEAP) heapPools.add(pool.getName());
            }
            for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                            (javax.management.openmbean.CompositeData) notification.getUserData());
                    long used = 0;
                    for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (heapPools.contains(pool.getKey())) used += pool.getValue().getUsed();
                    }
                    peakAfterGc.accumulateAndGet(used, Math::max);
                }, notification -> notification.getType().equals(
                        com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION), null);
            }
            cpu0 = os.getProcessCpuTime();
            wall0 = System.nanoTime();
        }

        void print(long modelCalls) throws IOException {
            double wall = (System.nanoTime() - wall0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
            }
            System.out.println("cpu by thread: " + cpuByThread());
            System.out.printf(Locale.ROOT, "heap after collections at most %.1f MB%n", peakAfterGc.get() / 1048576.0);
            System.out.printf(Locale.ROOT, "MEASURED wall=%.3f cpu=%.3f peakHeapMb=%.1f peakRssMb=%.1f modelCalls=%d%n",
                    wall, cpu, peak / 1048576.0, peakRssKb() / 1024.0, modelCalls);
        }

        /**
         * The process's CPU seconds since it started, user and system, and by kind of thread (the
         * JIT compilers, the garbage collector, the JVM's own, the run's), from Linux's per-thread
         * counters: where a run's CPU goes that a Java profiler's samples do not show. Threads that
         * ended are in the totals only.
         */
        private static String cpuByThread() throws IOException {
            Path tasks = Path.of("/proc/self/task");
            if (!Files.isDirectory(tasks)) return "-";
            Map<String, double[]> kinds = new java.util.TreeMap<>();
            try (Stream<Path> list = Files.list(tasks)) {
                for (Path task : list.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException e) {
                        continue; // the thread ended
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double[] t = kinds.computeIfAbsent(kind(name), k -> new double[2]);
                    t[0] += Long.parseLong(f[11]) / 100.0;
                    t[1] += Long.parseLong(f[12]) / 100.0;
                }
            }
            String[] f = Files.readString(Path.of("/proc/self/stat")).replaceFirst("^.*\\) ", "").split(" ");
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "process user %.2f sys %.2f;",
                    Long.parseLong(f[11]) / 100.0, Long.parseLong(f[12]) / 100.0));
            kinds.forEach((kind, t) -> out.append(String.format(Locale.ROOT, " %s %.2f+%.2f", kind, t[0], t[1])));
            return out.toString();
        }

        private static String kind(String thread) {
            if (thread.contains("CompilerThre")) return "jit";
            if (thread.startsWith("GC Thread") || thread.startsWith("G1 ")) return "gc";
            if (thread.startsWith("OkHttp")) return "okhttp";
            if (thread.startsWith("interfeedback") || thread.equals("java") || thread.equals("main")) return "run";
            if (thread.startsWith("JFR") || thread.startsWith("VM ") || thread.contains("Service") || thread.startsWith("Sweeper")
                    || thread.startsWith("Common-Cleaner") || thread.startsWith("Finalizer") || thread.startsWith("Reference")
                    || thread.startsWith("Signal")) return "jvm";
            return "other:" + thread.replaceAll("[0-9]+", "N");
        }

        /** The process's resident set at its highest (Linux); what the JVM took from the machine, heap or not. */
        private static long peakRssKb() throws IOException {
            Path status = Path.of("/proc/self/status");
            if (!Files.exists(status)) return 0;
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
            return 0;
        }
    }

    /** One command-line run, measured from inside its JVM. */
    public static final class Run {

        public static void main(String[] args) throws IOException {
            Meter meter = new Meter();
            ByteArrayOutputStream summary = new ByteArrayOutputStream();
            int code = new InterFeedbackCli(new PrintStream(summary, true, StandardCharsets.UTF_8), System.out,
                    System::getenv).run(args);
            String text = summary.toString(StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.startsWith("progress") || line.startsWith("Resuming")) System.out.println(line);
            }
            meter.print(modelCalls(text));
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

    /**
     * One run of the same dataset through the JUnit engine, measured from inside its JVM: the
     * Launcher in process with the listeners {@code interfeedback:evaluate} gives it (JUnit XML,
     * Open Test Reporting XML), so the figures are the evaluate goal's without Maven's start-up.
     */
    public static final class EngineRun {

        public static void main(String[] args) throws IOException {
            Meter meter = new Meter();
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String arg : args) {
                String[] kv = arg.split("=", 2);
                parameters.put(kv[0], kv[1]);
            }
            Path out = Path.of(parameters.get("interfeedback.output.dir"));
            parameters.put("interfeedback.basedir", Path.of(parameters.remove("interfeedback.dataset")).getParent().toString());
            parameters.put("junit.platform.reporting.open.xml.enabled", "true");
            parameters.put("junit.platform.reporting.output.dir", out.resolve("open-test-reporting").toString());
            StringWriter xmlErrors = new StringWriter();
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                            .selectors(DiscoverySelectors.selectClass(HarnessBenchmark.class))
                            .configurationParameters(parameters)
                            .build(),
                    summary, new LegacyXmlReportGeneratingListener(out.resolve("junit-xml"), new PrintWriter(xmlErrors)));
            if (!xmlErrors.toString().isBlank()) System.err.println("JUnit XML report: " + xmlErrors);
            // The engine does not count model calls; the server's count of the first run is what the table divides by.
            meter.print(0);
            // Wrong answers fail their samples; only a benchmark that could not run fails the run.
            System.exit(summary.getSummary().getContainersFailedCount() > 0 ? 1 : 0);
        }
    }
}
