package dev.interfeedback.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SampleSelectionTest {

    private static Sample sample(String id, String subject, String difficulty) {
        return new Sample(id, "q", List.of(), List.of(), "1", subject, Map.of("subject", subject, "topic_difficulty", difficulty,
                "img_type", List.of("Diagrams", "Plots")));
    }

    private static Dataset dataset(List<Sample> samples) {
        return new Dataset("d", Path.of("d.jsonl"), samples);
    }

    private final List<Sample> hundred = IntStream.range(0, 100)
            .mapToObj(i -> sample("id_" + i, i % 2 == 0 ? "Art" : "History", i % 3 == 0 ? "Hard" : "Easy"))
            .toList();

    @Test
    void filtersByCategoryAndMetadataIgnoringCase() {
        SampleSelection selection = SampleSelection.ALL.where(SampleSelection.CATEGORY, Set.of("art"))
                .where("topic_difficulty", Set.of("HARD"));

        List<Sample> kept = selection.apply(dataset(hundred)).samples();

        assertThat(kept).hasSize(17).allSatisfy(s -> {
            assertThat(s.category()).isEqualTo("Art");
            assertThat(s.metadata()).containsEntry("topic_difficulty", "Hard");
        });
        assertThat(SampleSelection.ALL.where("img_type", Set.of("plots")).apply(dataset(hundred)).size()).isEqualTo(100);
    }

    @Test
    void theSeededLimitIsStableAndKeepsDatasetOrder() {
        SampleSelection ten = SampleSelection.ALL.limitedTo(10, 42);
        List<Sample> shuffled = new ArrayList<>(hundred);
        Collections.shuffle(shuffled, new java.util.Random(7));

        List<String> first = ten.apply(dataset(hundred)).samples().stream().map(Sample::id).toList();
        List<String> again = ten.apply(dataset(shuffled)).samples().stream().map(Sample::id).sorted().toList();

        assertThat(first).hasSize(10).isSortedAccordingTo(java.util.Comparator.comparingInt(id -> Integer.parseInt(id.substring(3))));
        assertThat(again).containsExactlyInAnyOrderElementsOf(first);
        assertThat(SampleSelection.ALL.limitedTo(10, 43).apply(dataset(hundred)).samples()).extracting(Sample::id)
                .isNotEqualTo(first);
        // One more row changes the choice by at most one sample.
        List<Sample> more = new ArrayList<>(hundred);
        more.add(sample("id_new", "Art", "Easy"));
        List<String> withMore = ten.apply(dataset(more)).samples().stream().map(Sample::id).toList();
        assertThat(withMore.stream().filter(first::contains).count()).isGreaterThanOrEqualTo(9);
        assertThat(new SampleSelection(Map.of(), OptionalInt.of(500), 0).apply(dataset(hundred)).size()).isEqualTo(100);
    }
}
