package dev.interfeedback.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.Role;
import dev.interfeedback.testing.ScriptedModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetailedFeedbackTest {

    private final Sample sample = new Sample("q1", "Which angle?", List.of(), List.of("65°", "130°", "50°", "100°"), "C", "geo", Map.of());
    private final List<Message> dialogue = List.of(Message.user("Which angle?"), Message.assistant("Answer: B"));

    @Test
    void theProviderSeesQuestionGroundTruthAndAttempts() throws ModelException {
        ScriptedModel provider = new ScriptedModel("provider", "Check which arc the angle subtends.");
        Feedback feedback = new DetailedFeedback(provider).feedback(new FeedbackRequest(sample, dialogue, 1));

        assertThat(feedback.leakAction()).isEqualTo(LeakAction.NONE);
        assertThat(feedback.text()).contains("Check which arc the angle subtends.").contains("Answer: $LETTER");
        var request = provider.requests().get(0);
        assertThat(request.context().purpose()).isEqualTo(CallContext.Purpose.FEEDBACK);
        assertThat(request.messages().get(0).role()).isEqualTo(Role.SYSTEM);
        String asked = request.messages().get(1).text();
        assertThat(asked).contains("Which angle?").contains("C. 50°").contains("never reveal it): C").contains("Answer: B");
    }

    @Test
    void aLeakIsAskedAgainAndRecorded() throws ModelException {
        ScriptedModel provider = new ScriptedModel("provider", "The answer is C.", "Think about the arc.");
        Feedback feedback = new DetailedFeedback(provider).feedback(new FeedbackRequest(sample, dialogue, 1));

        assertThat(feedback.leakAction()).isEqualTo(LeakAction.REGENERATED);
        assertThat(feedback.text()).contains("Think about the arc.").doesNotContain("answer is C");
        assertThat(provider.requests().get(1).messages()).hasSize(4);
        assertThat(feedback.usage().promptTokens()).isEqualTo(20);
    }

    @Test
    void aPersistentLeakIsRedacted() throws ModelException {
        ScriptedModel provider = new ScriptedModel("provider", "The answer is C.", "It is (C), 50°.");
        Feedback feedback = new DetailedFeedback(provider).feedback(new FeedbackRequest(sample, dialogue, 1));

        assertThat(feedback.leakAction()).isEqualTo(LeakAction.REDACTED);
        assertThat(feedback.text()).contains("[redacted]").doesNotContain("(C)").doesNotContain("50°");
    }

    @Test
    void binaryFeedbackGivesNoHint() {
        Feedback feedback = new BinaryFeedback().feedback(new FeedbackRequest(sample, dialogue, 1));
        assertThat(feedback.text()).startsWith("Your previous answer is incorrect.").contains("Answer: $LETTER")
                .doesNotContain("50°").doesNotContain("(C)");
    }
}
