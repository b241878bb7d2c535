package dev.interfeedback.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.episode.RoundZero;
import dev.interfeedback.model.Usage;
import dev.interfeedback.scoring.Verdict;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundZeroStoreTest {

    @TempDir
    Path dir;

    @Test
    void answersOfSomeSamplesAreAddedAndThoseOfEverySampleReplaceTheStoredOnes() throws Exception {
        RoundZeroStore store = new RoundZeroStore(dir);
        store.save("b", "r", "p", Map.of("s1", answer("A"), "s2", answer("B")), Map.of("s1", answer("C"), "s2", answer("D")), true);
        store.save("b", "r", "p", Map.of("s3", answer("E")), Map.of("s3", answer("F")), false);
        assertThat(store.load("b", "r", "p")).containsOnlyKeys("s1", "s2", "s3");
        assertThat(store.load("b", "r", "p").get("s2")[1].verdict().extracted()).isEqualTo("D");

        // a run of the whole dataset: the dataset lost s1 and s3; s2's provider call failed this time
        store.save("b", "r", "p", Map.of("s2", answer("G")), Map.of("s2", RoundZero.failed("down")), true);
        assertThat(store.load("b", "r", "p")).isEmpty();
        store.save("b", "r", "p", Map.of("s4", answer("H")), Map.of("s4", answer("I")), true);
        assertThat(store.load("b", "r", "p")).containsOnlyKeys("s4");
        assertThat(store.load("b", "other receiver", "p")).isEmpty();
    }

    private static RoundZero answer(String letter) {
        return new RoundZero("The answer is " + letter, "stop", new Verdict(letter, true, "rule", true), new Usage(10, 2), null);
    }
}
