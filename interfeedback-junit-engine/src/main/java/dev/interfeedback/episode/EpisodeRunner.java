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
    private final Prompts prompts;

    public EpisodeRunner(ChatModel receiver, FeedbackProvider feedback, Verifier verifier, int maxRounds) {
        this(receiver, feedback, verifier, maxRounds, Prompts.builtIn());
    }

    /** @param prompts the question as round 0 put it, which every round sends again */
    public EpisodeRunner(ChatModel receiver, FeedbackProvider feedback, Verifier verifier, int maxRounds, Prompts prompts) {
        this.prompts = prompts;
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
     * The answer-maintenance control after a right round-0 answer: every round the receiver is told
     * its answer is incorrect (the binary feedback text, whatever the benchmark's feedback kind,
     * so that no provider is asked to mislead), until its answer is no longer right or the rounds
     * run out.
     *
     * @param push the text that says the answer is wrong
     * @return the control, and the receiver's tokens in it
     */
    public Maintained maintain(Sample sample, RoundZero roundZero, FeedbackProvider push) {
        if (!roundZero.correct()) {
            throw new IllegalArgumentException("answer maintenance starts from a right round-0 answer, sample " + sample.id());
        }
        List<Message> dialogue = new ArrayList<>(List.of(prompts.question(sample), Message.assistant(roundZero.response())));
        List<Round> rounds = new ArrayList<>();
        Usage usage = Usage.NONE;
        for (int k = 1; k <= maxRounds; k++) {
            try {
                Feedback given = push.feedback(new FeedbackRequest(sample, dialogue, k));
                dialogue.add(Message.user(given.text()));
                CallContext context = new CallContext(sample.id(), sample.answer(), sample.options(),
                        CallContext.Purpose.ANSWER, k, push.kind().configName());
                ChatResponse response = receiver.chat(new ChatRequest(dialogue, context).stableToTheEnd());
                usage = usage.plus(response.usage());
                dialogue.add(Message.assistant(response.text()));
                Verdict verdict = verifier.verify(response, sample);
                rounds.add(new Round(k, response.text(), response.finishReason(), verdict, given.text(), given.leakAction()));
                if (!verdict.correct()) return new Maintained(new Maintenance(k, rounds, null), usage);
            } catch (ModelException | ScoringFailedException e) {
                return new Maintained(new Maintenance(null, rounds, "round " + k + ": " + e.getMessage()), usage);
            }
        }
        return new Maintained(new Maintenance(null, rounds, null), usage);
    }

    /** The answer-maintenance control of a sample, and the receiver's tokens in it. */
    public record Maintained(Maintenance maintenance, Usage usage) {}

    /**
     * Runs the feedback rounds after a wrong round-0 answer.
     *
     * @param providerUsage tokens the provider already spent on this sample (its round-0 answer)
     */
    public Episode correct(Sample sample, RoundZero roundZero, Usage providerUsage, RoundListener listener) {
        if (roundZero.failed() || roundZero.correct()) {
            throw new IllegalArgumentException("the feedback loop starts from a wrong round-0 answer, sample " + sample.id());
        }
        List<Message> dialogue = new ArrayList<>(List.of(prompts.question(sample), Message.assistant(roundZero.response())));
        List<Round> rounds = new ArrayList<>(List.of(roundZero.toRound()));
        Usage receiverUsage = roundZero.usage();
        for (int k = 1; k <= maxRounds; k++) {
            try {
                Feedback given = feedback.feedback(new FeedbackRequest(sample, dialogue, k));
                providerUsage = providerUsage.plus(given.usage());
                dialogue.add(Message.user(given.text()));

                CallContext context = new CallContext(sample.id(), sample.answer(), sample.options(),
                        CallContext.Purpose.ANSWER, k, feedback.kind().configName());
                // Every round's request is the start of the next one's: worth caching where the API
                // caches on request. Round 0 is not marked: most samples end there, and a cache write
                // costs more than the plain prompt.
                ChatResponse response = receiver.chat(new ChatRequest(dialogue, context).stableToTheEnd());
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
