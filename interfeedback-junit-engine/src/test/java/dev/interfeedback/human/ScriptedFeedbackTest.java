package dev.interfeedback.human;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.model.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptedFeedbackTest {

    @TempDir
    Path dir;

    @Test
    void readsTextsBySampleAndRoundWithWhoWroteThemAndMergesFiles() throws Exception {
        Path ana = write("ana.jsonl", """
                {"sampleId": "q1", "round": 1, "text": "Look at the axis.", "annotator": "ana", "writtenAt": "2026-01-01T10:00:00Z", "durationMs": 4200}

                {"sampleId": "q1", "round": 2, "text": "The axis is in cm."}
                """);
        Path ben = write("ben.jsonl", "{\"sampleId\": \"q2\", \"round\": 1, \"text\": \"Count again.\", \"annotator\": \"ben\"}\n");

        ScriptedFeedback script = ScriptedFeedback.read(List.of(ana, ben));

        assertThat(script.size()).isEqualTo(3);
        WrittenFeedback first = script.await(task("q1", 1));
        assertThat(first.text()).isEqualTo("Look at the axis.");
        assertThat(first.authorship().annotator()).isEqualTo("ana");
        assertThat(first.authorship().writtenAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(first.authorship().durationMs()).isEqualTo(4200);
        assertThat(script.await(task("q1", 2)).authorship().annotator()).isEqualTo(ScriptedFeedback.RECORDED);
        assertThat(script.await(task("q2", 1)).authorship().annotator()).isEqualTo("ben");
        assertThatThrownBy(() -> script.await(task("q2", 2))).isInstanceOf(FeedbackUnavailableException.class)
                .hasMessageContaining("no text for sample q2 round 2").hasMessageContaining("ben.jsonl");
    }

    @Test
    void aPagesSessionJournalReplaysAsItIs() throws Exception {
        Path file = dir.resolve("session.jsonl");
        FeedbackTask task = task("q1", 1);
        try (SessionJournal journal = SessionJournal.open(file)) {
            journal.recordClaim(task, new SessionJournal.Claim("ana", Instant.parse("2026-01-01T10:00:00Z")));
            journal.recordDraft(task, "ana", "Look at");
            journal.recordFeedback(task, new WrittenFeedback("Look at the axis.",
                    new dev.interfeedback.feedback.Authorship("ana", Instant.parse("2026-01-01T10:00:09Z"), 9000)));
        }

        WrittenFeedback replayed = ScriptedFeedback.read(List.of(file)).await(task);

        assertThat(replayed.text()).isEqualTo("Look at the axis.");
        assertThat(replayed.authorship().durationMs()).isEqualTo(9000);
    }

    @Test
    void aBadLineNamesFileLineFieldAndWhatWasExpected() throws Exception {
        assertBad("{\"sampleId\": \"q1\", \"round\": 0, \"text\": \"x\"}", ":1: round: expected a whole number of at least 1, found 0");
        assertBad("{\"sampleId\": \"q1\", \"round\": 1}", ":1: text: missing; expected a text");
        assertBad("{\"round\": 1, \"text\": \"x\"}", ":1: sampleId: missing");
        assertBad("{\"sampleId\": \"q1\", \"round\": 1, \"text\": \"  \"}", ":1: text: expected a non-empty text");
        assertBad("{\"sampleId\": \"q1\", \"round\": 1, \"text\": \"x\", \"writtenAt\": \"yesterday\"}",
                ":1: writtenAt: expected an ISO-8601 instant");
        assertBad("{\"sampleId\": \"q1\", \"round\": 1, \"text\": \"x\", \"durationMs\": -5}", ":1: durationMs: expected a whole number");
        assertBad("{\"sampleId\": \"q1\", \"round\": 1, \"text\": \"x\", \"type\": \"hint\"}", ":1: type: expected feedback, claim or draft");
        assertBad("{\"sampleId\": \"q1\", \"round\": 1, \"text\": \"x\"}\nnot json", ":2: expected a JSON object");
        assertBad("{\"sampleId\": \"q1\", \"round\": 1, \"text\": \"x\"}\n{\"sampleId\": \"q1\", \"round\": 1, \"text\": \"y\"}",
                ":2: sample q1 round 1 has feedback already, at ");
        assertThatThrownBy(() -> ScriptedFeedback.read(List.of(dir.resolve("missing.jsonl"))))
                .hasMessageContaining("missing.jsonl: recorded feedback file not found");
    }

    private void assertBad(String content, String message) throws Exception {
        Path file = write("bad.jsonl", content);
        assertThatThrownBy(() -> ScriptedFeedback.read(List.of(file))).isInstanceOf(BadFeedbackFileException.class)
                .hasMessageContaining(file + message);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    static FeedbackTask task(String sampleId, int round) {
        Sample sample = new Sample(sampleId, "Which is it?", List.of(), List.of("one", "two"), "B", "cat", Map.of());
        return new FeedbackTask(sample, round, 3, List.of(Message.user("Which is it?"), Message.assistant("Answer: A")),
                "guidance", "");
    }
}
