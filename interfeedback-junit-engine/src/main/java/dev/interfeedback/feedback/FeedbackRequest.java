package dev.interfeedback.feedback;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.model.Message;
import java.util.List;

/**
 * What a feedback provider gets to judge a wrong answer.
 *
 * @param sample the problem, with its ground truth
 * @param dialogue the receiver's conversation so far, ending with its wrong answer
 * @param round the round the receiver's next answer will be (1 for the first feedback)
 */
public record FeedbackRequest(Sample sample, List<Message> dialogue, int round) {

    public FeedbackRequest {
        dialogue = List.copyOf(dialogue);
    }
}
