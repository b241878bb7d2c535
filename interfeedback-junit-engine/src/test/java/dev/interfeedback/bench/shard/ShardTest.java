package dev.interfeedback.bench.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.dataset.Dataset;
import dev.interfeedback.dataset.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void readsKOfNCountingFromOne() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse(" 1 / 1 ")).isEqualTo(Shard.ALL);
        assertThat(Shard.parse("4/4").toString()).isEqualTo("4/4");
    }

    @Test
    void refusesWhatIsNotAShardSayingWhatWasExpected() {
        assertThatThrownBy(() -> Shard.parse("0/4")).hasMessage(
                "expected K/N with K from 1 to N (shards are numbered from 1, as CI jobs are), found \"0/4\"; the first shard is 1/4");
        assertThatThrownBy(() -> Shard.parse("5/4")).hasMessageContaining("K from 1 to N").hasMessageContaining("\"5/4\"");
        assertThatThrownBy(() -> Shard.parse("1/0")).hasMessage("expected K/N with N at least 1, found \"1/0\"");
        assertThatThrownBy(() -> Shard.parse("2")).hasMessageContaining("expected K/N").hasMessageContaining("found \"2\"");
        assertThatThrownBy(() -> Shard.parse("a/b")).hasMessageContaining("found \"a/b\"");
    }

    @Test
    void theHashIsSha256OfBothIdsAndTheSameOnEveryMachine() {
        // The first 8 bytes of SHA-256 over "mathverse\0s1", computed outside Java: printf 'mathverse\0s1' | sha256sum
        assertThat(Long.toUnsignedString(Shard.hash("mathverse", "s1"), 16)).isEqualTo(SHA_MATHVERSE_S1);
        assertThat(Shard.of("mathverse", "s1", 4)).isEqualTo((int) Long.remainderUnsigned(Long.parseUnsignedLong(SHA_MATHVERSE_S1, 16), 4) + 1);
        // The benchmark id is part of it: one sample id may go to different shards in two benchmarks.
        assertThat(Shard.hash("mathverse", "s1")).isNotEqualTo(Shard.hash("mmmu-pro", "s1"));
    }

    private static final String SHA_MATHVERSE_S1 = "c60b6c0dc5fd66e9";

    @Test
    void everySampleIsInExactlyOneShardAndTheShardsAreEven() {
        List<Sample> samples = IntStream.range(0, 4000).mapToObj(i -> sample("s" + i)).toList();
        Dataset dataset = new Dataset("d", Path.of("d.jsonl"), samples);
        Set<String> seen = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            Dataset mine = new Shard(k, 4).apply("bench", dataset);
            sizes.add(mine.size());
            for (Sample sample : mine.samples()) assertThat(seen.add(sample.id())).as(sample.id()).isTrue();
            // Dataset order is kept.
            assertThat(mine.samples()).isSortedAccordingTo((a, b) -> Integer.compare(samples.indexOf(a), samples.indexOf(b)));
        }
        assertThat(seen).hasSize(4000);
        assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(900, 1100));
        assertThat(Shard.ALL.apply("bench", dataset)).isSameAs(dataset);
    }

    @Test
    void aSampleStaysInItsShardWhenOthersAreAdded() {
        List<Sample> few = List.of(sample("a"), sample("b"), sample("c"));
        List<Sample> more = new ArrayList<>(few);
        IntStream.range(0, 50).forEach(i -> more.add(sample("new" + i)));
        for (int k = 1; k <= 3; k++) {
            Shard shard = new Shard(k, 3);
            List<String> before = shard.apply("x", new Dataset("d", null, few)).samples().stream().map(Sample::id).toList();
            List<String> after = shard.apply("x", new Dataset("d", null, more)).samples().stream().map(Sample::id)
                    .filter(id -> !id.startsWith("new")).toList();
            assertThat(after).isEqualTo(before);
        }
    }

    private static Sample sample(String id) {
        return new Sample(id, "q " + id, List.of(), List.of("a", "b"), "A", "c", Map.of());
    }
}
