package dev.interfeedback.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interfeedback.episode.Episode;
import dev.interfeedback.episode.EpisodeStatus;
import dev.interfeedback.episode.Round;
import dev.interfeedback.feedback.Authorship;
import dev.interfeedback.feedback.LeakAction;
import dev.interfeedback.model.Usage;
import dev.interfeedback.scoring.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodeCodecTest {

    static Episode answering(String answer) {
        return new Episode("s1", "cat", EpisodeStatus.CORRECT_AT_ROUND_0, null,
                List.of(new Round(0, answer, null, new Verdict("B", true, "official-parser", true), null, LeakAction.NONE)), null, new Usage(1, 1), Usage.NONE);
    }

    /** Many tools (editors, JavaScript, Python's str.splitlines) end a line at U+2028, U+2029 or U+0085. */
    @Test
    void lineAndParagraphSeparatorsAreEscapedSoALineIsOneLineEverywhere() throws Exception {
        Episode episode = answering("one\u2028two\u2029three\u0085four \uD835\uDC65\nAnswer: B");

        String line = new String(EpisodeCodec.line(out -> EpisodeCodec.write(out, episode)), StandardCharsets.UTF_8);

        assertThat(line).contains("one\\u2028two\\u2029three\\u0085four \uD835\uDC65\\nAnswer: B");
        assertThat(line.strip().split("[\\n\\r\\u2028\\u2029\\u0085]")).hasSize(1);
        assertThat(EpisodeCodec.read(new ObjectMapper().readTree(line))).isEqualTo(episode);
    }

    @Test
    void anUnpairedSurrogateIsWrittenEscapedAndReadBackAsItWas() throws Exception {
        Episode episode = answering("\uD800abc \uDC00\nAnswer: B");

        byte[] bytes = EpisodeCodec.line(out -> EpisodeCodec.write(out, episode));

        String line = new String(bytes, StandardCharsets.UTF_8);
        assertThat(line).contains("\\uD800abc \\uDC00");
        assertThat(EpisodeCodec.read(new ObjectMapper().readTree(bytes))).isEqualTo(episode);
    }

    @Test
    void whoWroteAPersonsFeedbackIsWrittenWithItsRoundAndReadBack() throws Exception {
        Round round0 = new Round(0, "Answer: A", null, new Verdict("A", false, "official-parser", true), null, LeakAction.NONE);
        Round round1 = new Round(1, "Answer: B", null, new Verdict("B", true, "official-parser", true), "Look again.",
                LeakAction.NONE, new Authorship("ana", Instant.parse("2026-01-01T10:00:00.250Z"), 42_000));
        Episode episode = new Episode("s1", "cat", EpisodeStatus.CORRECTED, 1, List.of(round0, round1), null, Usage.NONE, Usage.NONE);

        byte[] bytes = EpisodeCodec.line(out -> EpisodeCodec.write(out, episode));

        var json = new ObjectMapper().readTree(bytes);
        assertThat(json.path("rounds").get(0).has("annotator")).as("only rounds a person wrote").isFalse();
        assertThat(json.path("rounds").get(1).path("annotator").asText()).isEqualTo("ana");
        assertThat(json.path("rounds").get(1).path("writtenAt").asText()).isEqualTo("2026-01-01T10:00:00.250Z");
        assertThat(json.path("rounds").get(1).path("durationMs").asLong()).isEqualTo(42_000);
        assertThat(EpisodeCodec.read(json)).isEqualTo(episode);
    }

    /** Episodes are encoded on every worker thread; a set of buffers per thread would grow with them. */
    @Test
    void encodingTakesItsBuffersFromOnePoolSharedByAllThreads() {
        assertThat(EpisodeCodec.JSON._getRecyclerPool()).isSameAs(JsonRecyclerPools.sharedConcurrentDequePool());
    }
}
