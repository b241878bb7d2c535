package dev.interfeedback.bench.shard;

import dev.interfeedback.dataset.Dataset;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.stream.IntStream;

/**
 * One of {@code total} parts of every benchmark, numbered from 1 as CI systems number parallel jobs
 * ({@code 1/4} .. {@code 4/4}): the samples whose stable id hashes to it.
 *
 * <p>The hash is the first 8 bytes, big-endian, of SHA-256 over the UTF-8 bytes of
 * {@code benchmarkId + "\0" + sampleId}, taken as an unsigned number; sample belongs to shard
 * {@code (hash mod total) + 1}. It depends on nothing but the two ids, so every machine, JVM and
 * path (engine, plugin, command line) puts a sample in the same shard, and adding a row to a dataset
 * moves no other sample. SHA-256 rather than {@code String.hashCode}: that one is stable, but its
 * low bits spread ids that share a prefix and differ in a counter ({@code s01}, {@code s02}, ...)
 * into a few neighbouring values, which a modulus splits unevenly.
 *
 * <p>Test-set membership depends only on a sample's own round-0 answers, so shards need nothing
 * from each other, and merging them gives the figures of an unsharded run.
 */
public record Shard(int index, int total) {

    /** The whole dataset: what a run without sharding runs. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (total < 1 || index < 1 || index > total) {
            throw new IllegalArgumentException("a shard is K/N with N at least 1 and K from 1 to N, found " + index + "/" + total);
        }
    }

    /**
     * Reads {@code K/N}.
     *
     * @throws IllegalArgumentException with what was expected and what was found
     */
    public static Shard parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        int index, total;
        try {
            if (slash < 0) throw new NumberFormatException();
            index = Integer.parseInt(value.substring(0, slash).strip());
            total = Integer.parseInt(value.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected K/N (this machine's shard K of N, K from 1 to N, such as 2/4),"
                    + " found \"" + text + "\"");
        }
        if (total < 1) throw new IllegalArgumentException("expected K/N with N at least 1, found \"" + text + "\"");
        if (index < 1 || index > total) {
            throw new IllegalArgumentException("expected K/N with K from 1 to N (shards are numbered from 1, as CI jobs"
                    + " are), found \"" + text + "\"" + (index == 0 ? "; the first shard is 1/" + total : ""));
        }
        return new Shard(index, total);
    }

    public boolean sharded() {
        return total > 1;
    }

    /** Whether the sample of this benchmark is this shard's. */
    public boolean contains(String benchmarkId, String sampleId) {
        return of(benchmarkId, sampleId, total) == index;
    }

    /** The shard, from 1 to {@code total}, that the sample belongs to. */
    public static int of(String benchmarkId, String sampleId, int total) {
        return (int) Long.remainderUnsigned(hash(benchmarkId, sampleId), total) + 1;
    }

    /** The dataset's samples of this shard, in dataset order. */
    public Dataset apply(String benchmarkId, Dataset dataset) {
        if (!sharded()) return dataset;
        int[] mine = IntStream.range(0, dataset.size())
                .filter(i -> contains(benchmarkId, dataset.samples().get(i).id())).toArray();
        return dataset.select(mine);
    }

    static long hash(String benchmarkId, String sampleId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((benchmarkId + "\u0000" + sampleId).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + total;
    }
}
