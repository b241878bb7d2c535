package dev.interfeedback.model.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SimulatedModelTest {

    private static final List<String> OPTIONS = List.of("one", "two", "three", "four");

    @Test
    void isSeededAndLabelledSimulated() {
        SimulatedModel model = new SimulatedModel("receiver", SimulatorProfile.parse("simulator:?accuracy=0.5&seed=3"));
        String first = model.chat(request("s1", 0, null)).text();
        String again = new SimulatedModel("receiver", SimulatorProfile.parse("simulator:?accuracy=0.5&seed=3"))
                .chat(request("s1", 0, null)).text();

        assertThat(again).isEqualTo(first);
        assertThat(model.info().simulated()).isTrue();
        assertThat(model.info().toString()).contains("simulated");
    }

    @Test
    void roundZeroAccuracyFollowsTheProfile() {
        SimulatedModel model = new SimulatedModel("receiver", SimulatorProfile.parse("simulator:?accuracy=0.3&seed=1"));
        int right = 0;
        for (int i = 0; i < 2000; i++) {
            if (model.chat(request("s" + i, 0, null)).text().endsWith("Answer: B")) right++;
        }
        assertThat(right / 2000.0).isBetween(0.27, 0.33);
    }

    @Test
    void eliminationNeverRepeatsAWrongOptionAndEndsOnTheRightOne() {
        SimulatedModel model = new SimulatedModel("receiver",
                SimulatorProfile.parse("simulator:?accuracy=0&binary-fix=0&eliminate=true"));
        List<Message> dialogue = new ArrayList<>(List.of(Message.user("Q")));
        Set<String> answers = new TreeSet<>();
        for (int round = 0; round <= 3; round++) {
            CallContext context = new CallContext("s", "B", OPTIONS, CallContext.Purpose.ANSWER, round,
                    round == 0 ? null : "binary");
            String text = model.chat(new ChatRequest(dialogue, context)).text();
            String letter = text.substring(text.lastIndexOf("Answer: ") + 8);
            assertThat(answers.add(letter)).as("round %d repeated %s", round, letter).isTrue();
            dialogue.add(Message.assistant(text));
            dialogue.add(Message.user("Your previous answer is incorrect."));
        }
        assertThat(answers).containsExactly("A", "B", "C", "D");
    }

    @Test
    void freeFormWrongAnswersDifferFromTheTruth() {
        SimulatedModel model = new SimulatedModel("receiver", SimulatorProfile.parse("simulator:?accuracy=0"));
        CallContext context = new CallContext("s", "51.1", List.of(), CallContext.Purpose.ANSWER, 0, null);
        String text = model.chat(new ChatRequest(List.of(Message.user("Q")), context)).text();
        assertThat(text).contains("Answer: ").doesNotEndWith("Answer: 51.1");
    }

    @Test
    void aLeakyProviderStatesTheAnswer() {
        SimulatedModel provider = new SimulatedModel("provider", SimulatorProfile.parse("simulator:?leak=1"));
        CallContext context = new CallContext("s", "C", OPTIONS, CallContext.Purpose.FEEDBACK, 1, null);
        assertThat(provider.chat(new ChatRequest(List.of(Message.user("Q")), context)).text())
                .contains("The correct answer is C.");
    }

    private static ChatRequest request(String sampleId, int round, String feedbackKind) {
        return new ChatRequest(List.of(Message.user("Q")),
                new CallContext(sampleId, "B", OPTIONS, CallContext.Purpose.ANSWER, round, feedbackKind));
    }
}
