package dev.interfeedback.human;

import java.util.Optional;

/** A recorded session replayed first, and a person in the page for what it lacks. */
final class ReplayThenPage implements FeedbackSource {

    private final ScriptedFeedback recorded;
    private final FeedbackSource page;

    ReplayThenPage(ScriptedFeedback recorded, FeedbackSource page) {
        this.recorded = recorded;
        this.page = page;
    }

    @Override
    public WrittenFeedback await(FeedbackTask task) throws FeedbackUnavailableException, InterruptedException {
        Optional<WrittenFeedback> replayed = recorded.find(task);
        return replayed.isPresent() ? replayed.get() : page.await(task);
    }
}
