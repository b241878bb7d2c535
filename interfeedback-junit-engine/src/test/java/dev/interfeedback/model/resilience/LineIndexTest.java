package dev.interfeedback.model.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineIndexTest {

    @Test
    void everyLineIsFoundAgainAcrossGrowth() {
        LineIndex index = new LineIndex();
        for (int i = 0; i < 10_000; i++) index.put(LineIndex.hash("key-" + i), 100L * i);

        assertThat(index.size()).isEqualTo(10_000);
        for (int i = 0; i < 10_000; i++) assertThat(index.get(LineIndex.hash("key-" + i))).isEqualTo(100L * i);
        assertThat(index.get(LineIndex.hash("key-10000"))).isEqualTo(-1);
        List<Long> offsets = new ArrayList<>();
        index.forEach(offsets::add);
        assertThat(offsets).hasSize(10_000).contains(0L, 999_900L);
    }

    @Test
    void theSameHashKeepsOneSlotAndTheLaterLine() {
        LineIndex index = new LineIndex();
        long hash = LineIndex.hash("a");
        index.put(hash, 0);
        index.put(hash, 42);

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.get(hash)).isEqualTo(42);
    }
}
