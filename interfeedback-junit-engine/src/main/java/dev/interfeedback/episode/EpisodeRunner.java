package dev.interfeedback.episode;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.feedback.Feedback;
import dev.interfeedback.feedback.FeedbackProvider;
import dev.interfeedback.feedback.FeedbackRequest;
import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.Usage;
import dev.interfeedback.prompt.Prompts;
import dev.interfeedback.scoring.ScoringFailedException;
import dev.interfeedback.scoring.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The InterFeedback loop for one sample the receiver got wrong: feedback, a new answer with the
 * whole dialogue in context, a verdict; until the answer is right or the rounds run out.
 */
public final class EpisodeRunner {

    private final ChatModel receiver;
    private final FeedbackProvider feedback;
    private final Verifier verifier;
    private final int maxRounds;

    public EpisodeRunner(ChatModel receiver, FeedbackProvider feedback, Verifier verifier, int maxRounds) {
        if (maxRounds < 1) throw new IllegalArgumentException("rounds must be at least 1, was " + maxRounds);
        this.receiver = receiver;
        this.feedback = feedback;
        this.verifier = verifier;
        this.maxRounds = maxRounds;
    }

    public int maxRounds() {
        return maxRounds;
    }

    /**
     * Runs the feedback rounds after a wrong round-0 answer.
     *
     * @param providerUsage tokens the provider already spent on this sample (its round-0 answer)
     */
    public Episode correct(Sample sample, RoundZero roundZero, Usage providerUsage, RoundListener listener) {
        if (roundZero.failed() || roundZero.correct()) {
            throw new IllegalArgumentException("the feedback loop starts from a wrong round-0 answer, sample " + sample.id());
        }
        List<Message> dialogue = new ArrayList<>(List.of(Prompts.question(sample), Message.assistant(roundZero.response())));
        List<Round> rounds = new ArrayList<>(List.of(roundZero.toRound()));
        Usage receiverUsage = roundZero.usage();
        for (int k = 1; k <= maxRounds; k++) {
            try {
                Feedback given = feedback.feedback(new FeedbackRequest(sample, dialogue, k));
                providerUsage = providerUsage.plus(given.usage());
                dialogue.add(Message.user(given.text()));

                CallContext context = new CallContext(sample.id(), sample.answer(), sample.options(),
                        CallContext.Purpose.ANSWER, k, feedback.kind().configName());
                ChatResponse response = receiver.chat(new ChatRequest(dialogue, context));
                receiverUsage = receiverUsage.plus(response.usage());
                dialogue.add(Message.assistant(response.text()));

                Verdict verdict = verifier.verify(response, sample);
                Round round = new Round(k, response.text(), response.finishReason(), verdict, given.text(), given.leakAction(),
                        given.authorship());
                rounds.add(round);
                listener.roundFinished(sample, round);
                if (verdict.correct()) {
                    return new Episode(sample.id(), sample.category(), EpisodeStatus.CORRECTED, k, rounds, null,
                            receiverUsage, providerUsage);
                }
            } catch (ModelException | ScoringFailedException e) {
                return new Episode(sample.id(), sample.category(), EpisodeStatus.ERROR, null, rounds,
                        "round " + k + ": " + e.getMessage(), receiverUsage, providerUsage);
            }
        }
        return new Episode(sample.id(), sample.category(), EpisodeStatus.NOT_CORRECTED, null, rounds, null,
                receiverUsage, providerUsage);
    }
}
