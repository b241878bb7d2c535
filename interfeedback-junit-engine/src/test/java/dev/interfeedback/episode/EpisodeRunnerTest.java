package dev.interfeedback.episode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.feedback.BinaryFeedback;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.Role;
import dev.interfeedback.model.Usage;
import dev.interfeedback.scoring.Verdict;
import dev.interfeedback.testing.ScriptedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EpisodeRunnerTest {

    /** Reads the letter after the last "Answer: ". */
    static final Verifier LETTER = (response, sample) -> {
        int at = response.lastIndexOf("Answer: ");
        if (at < 0) return Verdict.unparsed("unparsed");
        String letter = response.substring(at + 8).trim();
        return new Verdict(letter, letter.equals(sample.answer()), "letter", true);
    };

    private final Sample sample = new Sample("q1", "Which?", List.of(), List.of("a", "b", "c", "d"), "C", "geo", Map.of());
    private final RoundZero wrong = new RoundZero("Answer: A", null, new Verdict("A", false, "letter", true), new Usage(10, 2), null);

    @Test
    void stopsAtTheFirstCorrectAnswerWithTheDialogueInContext() {
        ScriptedModel receiver = new ScriptedModel("receiver", "Answer: B", "Answer: C");
        List<Round> seen = new ArrayList<>();
        Episode episode = new EpisodeRunner(receiver, new BinaryFeedback(), LETTER, 3)
                .correct(sample, wrong, Usage.NONE, (s, r) -> seen.add(r));

        assertThat(episode.status()).isEqualTo(EpisodeStatus.CORRECTED);
        assertThat(episode.correctedAtRound()).isEqualTo(2);
        assertThat(episode.rounds()).extracting(Round::extracted).containsExactly("A", "B", "C");
        assertThat(episode.rounds().get(1).feedback()).startsWith("Your previous answer is incorrect.");
        assertThat(seen).extracting(Round::round).containsExactly(1, 2);
        // round 2 was asked with question, answer 0, feedback, answer 1, feedback
        assertThat(receiver.requests().get(1).messages()).extracting(m -> m.role())
                .containsExactly(Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT, Role.USER);
        assertThat(receiver.requests().get(1).context().round()).isEqualTo(2);
        assertThat(receiver.requests().get(1).context().feedbackKind()).isEqualTo("binary");
        assertThat(episode.receiverUsage()).isEqualTo(new Usage(30, 6));
    }

    @Test
    void givesUpAfterTheLastRound() {
        ScriptedModel receiver = new ScriptedModel("receiver", "Answer: B", "Answer: D", "no idea");
        Episode episode = new EpisodeRunner(receiver, new BinaryFeedback(), LETTER, 3)
                .correct(sample, wrong, Usage.NONE, RoundListener.NONE);

        assertThat(episode.status()).isEqualTo(EpisodeStatus.NOT_CORRECTED);
        assertThat(episode.correctedAtRound()).isNull();
        assertThat(episode.rounds()).hasSize(4);
        assertThat(episode.rounds().get(3).extracted()).isNull();
        assertThat(episode.passed()).isFalse();
    }

    @Test
    void aFailedCallIsAnErrorNotAWrongAnswer() {
        ScriptedModel receiver = new ScriptedModel("receiver", "Answer: B", new ModelException("HTTP 503 from test"));
        Episode episode = new EpisodeRunner(receiver, new BinaryFeedback(), LETTER, 3)
                .correct(sample, wrong, Usage.NONE, RoundListener.NONE);

        assertThat(episode.status()).isEqualTo(EpisodeStatus.ERROR);
        assertThat(episode.error()).isEqualTo("round 2: HTTP 503 from test");
        assertThat(episode.rounds()).hasSize(2);
    }
}
