package dev.interfeedback.model.resilience;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Where lines start in a log, by a 64-bit hash of their key: two longs a line in an open-addressing
 * table, so that an index of 160,000 lines takes a few megabytes and no object per line. Two keys
 * with the same hash share a slot (the later one wins): whoever reads a line back checks its whole
 * key, so a collision costs a miss, never a wrong line.
 */
final class LineIndex {

    private static final long EMPTY = -1;

    private long[] hashes = new long[64];
    private long[] offsets = filled(64);
    private int size;

    /** The hash of a key: FNV-1a over its characters. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** @return where the line of the key with this hash starts, or -1 */
    synchronized long get(long hash) {
        for (int i = slot(hash, hashes.length); offsets[i] != EMPTY; i = (i + 1) & (hashes.length - 1)) {
            if (hashes[i] == hash) return offsets[i];
        }
        return EMPTY;
    }

    synchronized void put(long hash, long offset) {
        if (offset < 0) throw new IllegalArgumentException("offset " + offset);
        if ((size + 1) * 4L > hashes.length * 3L) grow();
        if (insert(hashes, offsets, hash, offset)) size++;
    }

    synchronized int size() {
        return size;
    }

    /** Tells {@code each} where every indexed line starts. */
    synchronized void forEach(LongConsumer each) {
        for (long offset : offsets) {
            if (offset != EMPTY) each.accept(offset);
        }
    }

    private void grow() {
        long[] newHashes = new long[hashes.length * 2], newOffsets = filled(hashes.length * 2);
        for (int i = 0; i < hashes.length; i++) {
            if (offsets[i] != EMPTY) insert(newHashes, newOffsets, hashes[i], offsets[i]);
        }
        hashes = newHashes;
        offsets = newOffsets;
    }

    /** @return whether the hash was new to the table */
    private static boolean insert(long[] hashes, long[] offsets, long hash, long offset) {
        int i = slot(hash, hashes.length);
        for (; offsets[i] != EMPTY; i = (i + 1) & (hashes.length - 1)) {
            if (hashes[i] == hash) {
                offsets[i] = offset;
                return false;
            }
        }
        hashes[i] = hash;
        offsets[i] = offset;
        return true;
    }

    private static int slot(long hash, int length) {
        long mixed = hash ^ (hash >>> 32);
        return (int) mixed & (length - 1);
    }

    private static long[] filled(int length) {
        long[] array = new long[length];
        Arrays.fill(array, EMPTY);
        return array;
    }
}
