package dev.interfeedback.feedback;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.model.CallContext;
import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.Content;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.Role;
import dev.interfeedback.model.Usage;
import dev.interfeedback.prompt.Prompts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Feedback written by the provider model, which sees the question, the images, the receiver's
 * attempts and the ground truth. A leak guard checks every text; a revealing one is asked for
 * again, up to {@code attempts} times in all, and then redacted. The receiver reads the provider's
 * text framed by {@link Prompts#detailedFeedback}.
 */
public final class DetailedFeedback implements FeedbackProvider {

    private final ChatModel provider;
    private final LeakGuard guard;
    private final int attempts;
    private final Prompts prompts;

    public DetailedFeedback(ChatModel provider, LeakGuard guard, int attempts) {
        this(provider, guard, attempts, Prompts.builtIn());
    }

    public DetailedFeedback(ChatModel provider, LeakGuard guard, int attempts, Prompts prompts) {
        if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        this.prompts = prompts;
        this.provider = provider;
        this.guard = guard;
        this.attempts = attempts;
    }

    public DetailedFeedback(ChatModel provider) {
        this(provider, Prompts.builtIn());
    }

    public DetailedFeedback(ChatModel provider, Prompts prompts) {
        this(provider, new LeakGuard(), 2, prompts);
    }

    @Override
    public FeedbackKind kind() {
        return FeedbackKind.DETAILED;
    }

    @Override
    public Feedback feedback(FeedbackRequest request) throws ModelException {
        Sample sample = request.sample();
        CallContext context = new CallContext(sample.id(), sample.answer(), sample.options(),
                CallContext.Purpose.FEEDBACK, request.round(), null);
        List<Message> conversation = new ArrayList<>();
        conversation.add(Message.system(prompts.providerSystem()));
        conversation.add(providerQuestion(sample, request.dialogue()));

        Usage usage = Usage.NONE;
        String text = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            ChatResponse response = provider.chat(request(conversation, context, sample));
            if (response.refused()) {
                // A refusal is the receiver's wrong answer, but it is no feedback: passing it on as a
                // hint would count a round in which the provider gave none.
                throw new ModelException("the provider " + provider.info() + " refused to write feedback for sample "
                        + sample.id() + ": " + response.text());
            }
            usage = usage.plus(response.usage());
            text = response.text();
            if (!guard.leaks(text, sample)) {
                return new Feedback(prompts.detailedFeedback(sample, text), usage,
                        attempt == 1 ? LeakAction.NONE : LeakAction.REGENERATED);
            }
            conversation.add(Message.assistant(text));
            conversation.add(Message.user(prompts.providerRetry()));
        }
        return new Feedback(prompts.detailedFeedback(sample, guard.redact(text, sample)), usage, LeakAction.REDACTED);
    }

    /**
     * The system prompt and the images are the same in every round of a sample; the attempts that
     * follow them are not. (Without images the system prompt alone is mostly shorter than an API
     * caches, which then costs nothing.)
     */
    private static ChatRequest request(List<Message> conversation, CallContext context, Sample sample) {
        ChatRequest request = new ChatRequest(conversation, context);
        return sample.images().isEmpty() ? request.stableThrough(0, 0) : request.stableThrough(1, sample.images().size() - 1);
    }

    private Message providerQuestion(Sample sample, List<Message> dialogue) {
        List<String> attempts = dialogue.stream()
                .filter(m -> m.role() == Role.ASSISTANT)
                .map(Message::text)
                .toList();
        List<Content> parts = new ArrayList<>();
        for (Path image : sample.images()) parts.add(Content.image(image));
        parts.add(Content.text(prompts.providerRequest(sample, attempts)));
        return Message.user(parts);
    }
}
