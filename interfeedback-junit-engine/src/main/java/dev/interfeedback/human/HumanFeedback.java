package dev.interfeedback.human;

import dev.interfeedback.feedback.Feedback;
import dev.interfeedback.feedback.FeedbackKind;
import dev.interfeedback.feedback.FeedbackProvider;
import dev.interfeedback.feedback.FeedbackRequest;
import dev.interfeedback.feedback.LeakAction;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.Usage;
import dev.interfeedback.prompt.Prompts;
import java.util.function.Supplier;

/**
 * Feedback a person wrote, following a protocol. The receiver reads it framed as it reads a
 * provider's detailed feedback; no leak guard applies, since the person's protocol may give the
 * answer away at its last round on purpose.
 *
 * <p>The source is opened at the first request, not when the benchmark is built: discovery builds
 * every benchmark once to check its settings, and must not start a page.
 */
public final class HumanFeedback implements FeedbackProvider {

    private final HumanProtocol protocol;
    private final int maxRounds;
    private final Supplier<FeedbackSource> opener;
    private final Prompts prompts;
    private volatile FeedbackSource source;

    public HumanFeedback(HumanProtocol protocol, int maxRounds, Supplier<FeedbackSource> source, Prompts prompts) {
        this.protocol = protocol;
        this.maxRounds = maxRounds;
        this.opener = source;
        this.prompts = prompts;
    }

    @Override
    public FeedbackKind kind() {
        return FeedbackKind.HUMAN;
    }

    @Override
    public Feedback feedback(FeedbackRequest request) throws ModelException {
        FeedbackTask task = new FeedbackTask(request.sample(), request.round(), maxRounds, request.dialogue(),
                protocol.guidance(request.round(), maxRounds), protocol.prefill(request.sample(), request.round()));
        try {
            WrittenFeedback written = source().await(task);
            return new Feedback(prompts.detailedFeedback(request.sample(), written.text()), Usage.NONE, LeakAction.NONE,
                    written.authorship());
        } catch (FeedbackUnavailableException e) {
            throw new ModelException(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("interrupted while waiting for a person's feedback on sample " + task.id(), e);
        }
    }

    private FeedbackSource source() {
        FeedbackSource opened = source;
        if (opened == null) {
            synchronized (this) {
                if (source == null) source = opener.get();
                opened = source;
            }
        }
        return opened;
    }
}
