package dev.interfeedback.harness;

import dev.interfeedback.cli.InterFeedbackCli;
import dev.interfeedback.report.RunFiles;
import dev.interfeedback.testing.FakeBatchServer;
import dev.interfeedback.testing.KilledRuns;
import dev.interfeedback.testing.ScriptedChatServer;
import dev.interfeedback.testing.SyntheticDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How many HTTP requests a batch run makes against a synchronous one (not a test): the harness's
 * generated dataset through the command line, once with synchronous calls and once with both
 * models batched, against {@link FakeBatchServer} (the Batch API on loopback, answering each line
 * through {@link ScriptedChatServer}); optionally with the first batches expiring half done, so
 * that retries show. Prints the requests of each run, the waves, and whether the results agree.
 *
 * <pre>BatchRequests [samples=2000] [expiring batches=0] [work dir=target/batch-requests]</pre>
 */
public final class BatchRequests {

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int expiring = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Path work = Path.of(args.length > 2 ? args[2] : "target/batch-requests");
        RunFiles.deleteTree(work); // a journal of batches on another server would be polled
        Path data = SyntheticDataset.write(work.resolve("data"), samples);
        try (ScriptedChatServer chat = new ScriptedChatServer(Duration.ZERO);
                FakeBatchServer batch = new FakeBatchServer(chat.baseUrl())) {
            int before = batch.requests();
            String syncOut = run(settings(work, data, batch, "sync", false));
            int sync = batch.requests() - before;
            batch.expireHalfOfNext(expiring);
            before = batch.requests();
            String batchOut = run(settings(work, data, batch, "batch", true));
            int batched = batch.requests() - before;
            System.out.println("samples: " + samples + (expiring == 0 ? "" : ", the first " + expiring + " batches expire half done"));
            System.out.println("synchronous: " + sync + " HTTP requests");
            System.out.println("batch:       " + batched + " HTTP requests (uploads, batch creations, polls, output files)");
            for (String line : batchOut.split("\n")) {
                if (line.contains(": wave ") || line.startsWith("Model calls")) System.out.println("  " + line);
            }
            for (String line : syncOut.split("\n")) {
                if (line.startsWith("Model calls")) System.out.println("  synchronous: " + line);
            }
            System.out.println("results equal: " + KilledRuns.resultsBesideBatches(work.resolve("sync/results.json"))
                    .equals(KilledRuns.resultsBesideBatches(work.resolve("batch/results.json"))));
        }
    }

    private static Path settings(Path work, Path data, FakeBatchServer server, String name, boolean batched) throws Exception {
        Path out = work.resolve(name);
        List<String> lines = new ArrayList<>(List.of("interfeedback.dataset=" + data, "interfeedback.output.dir=" + out,
                "interfeedback.receiver=weak", "interfeedback.provider=strong", "interfeedback.feedback=detailed",
                "interfeedback.concurrency=64", "interfeedback.cache.enabled=false", "interfeedback.resume=false",
                "interfeedback.batch.first-poll-ms=5", "interfeedback.batch.longest-poll-ms=20"));
        for (String alias : List.of("weak", "strong")) {
            lines.add("interfeedback.model." + alias + ".url=" + server.baseUrl());
            lines.add("interfeedback.model." + alias + ".name=" + alias);
            lines.add("interfeedback.model." + alias + ".batch=" + batched);
        }
        Files.createDirectories(work);
        Path file = work.resolve(name + ".properties");
        Files.write(file, lines);
        return file;
    }

    private static String run(Path settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new InterFeedbackCli(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, name -> null)
                .run(new String[] {settings.toString()});
        if (exit != 0) throw new IllegalStateException("run " + settings + " exited " + exit);
        return out.toString(StandardCharsets.UTF_8);
    }
}
