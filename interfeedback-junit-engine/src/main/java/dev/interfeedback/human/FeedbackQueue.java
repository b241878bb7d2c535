package dev.interfeedback.human;

import dev.interfeedback.feedback.Authorship;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The tasks waiting for a person, shared by every annotator of a page: each task is handed to
 * one person (its claim), a submitted text is journaled before the waiting episode goes on, and
 * what the journal holds is never asked again.
 */
final class FeedbackQueue implements FeedbackSource {

    /** A task waiting for its text. */
    static final class Pending {
        final FeedbackTask task;
        final String pageId;
        final CompletableFuture<WrittenFeedback> done = new CompletableFuture<>();
        String claimedBy;
        Instant claimedAt;

        Pending(FeedbackTask task) {
            this.task = task;
            // Two benchmarks may share a sample id: the dialogue tells their tasks apart.
            this.pageId = task.id() + "-" + task.dialogueDigest().substring(0, 8);
        }
    }

    /** What the page shows of the queue. */
    record Counts(int waiting, int claimedByOthers, int given) {}

    private final SessionJournal journal;
    private final Clock clock;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private boolean closed;

    FeedbackQueue(SessionJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public WrittenFeedback await(FeedbackTask task) throws FeedbackUnavailableException, InterruptedException {
        Optional<WrittenFeedback> journaled = journal.feedback(task);
        if (journaled.isPresent()) return journaled.get();
        Pending mine = new Pending(task);
        synchronized (this) {
            if (closed) throw new FeedbackUnavailableException("the feedback page was closed before sample "
                    + task.sample().id() + " round " + task.round() + " had feedback");
            journal.claim(task).ifPresent(claim -> {
                mine.claimedBy = claim.annotator();
                mine.claimedAt = claim.at();
            });
            pending.put(mine.pageId, mine);
        }
        try {
            return mine.done.get();
        } catch (ExecutionException e) {
            throw new FeedbackUnavailableException(e.getCause().getMessage());
        } finally {
            synchronized (this) {
                pending.remove(mine.pageId, mine);
            }
        }
    }

    /**
     * The task the annotator works on: the one they hold (after a reload or a restart, the same
     * one), else the oldest nobody holds, which becomes theirs.
     */
    synchronized Optional<Pending> claim(String annotator) {
        Pending free = null;
        for (Pending p : pending.values()) {
            if (p.done.isDone()) continue;
            if (annotator.equals(p.claimedBy)) return Optional.of(p);
            if (p.claimedBy == null && free == null) free = p;
        }
        if (free == null) return Optional.empty();
        free.claimedBy = annotator;
        free.claimedAt = clock.instant();
        journal.recordClaim(free.task, new SessionJournal.Claim(annotator, free.claimedAt));
        return Optional.of(free);
    }

    synchronized Optional<String> draft(Pending task) {
        return journal.draft(task.task);
    }

    /** Keeps what the annotator is typing; refused for a task they do not hold. */
    synchronized void saveDraft(String annotator, String pageId, String text) {
        journal.recordDraft(held(annotator, pageId).task, annotator, text);
    }

    /**
     * Journals the text (forced to the disk), and only then lets the waiting episode call the receiver.
     *
     * @throws IllegalStateException when the task is not the annotator's, or is done
     */
    void submit(String annotator, String pageId, String text) {
        Pending task;
        WrittenFeedback written;
        synchronized (this) {
            task = held(annotator, pageId);
            Instant now = clock.instant();
            long duration = task.claimedAt == null ? 0 : Math.max(0, Duration.between(task.claimedAt, now).toMillis());
            written = new WrittenFeedback(text, new Authorship(annotator, now, duration));
            journal.recordFeedback(task.task, written);
            pending.remove(pageId);
        }
        task.done.complete(written);
    }

    synchronized Counts counts(String annotator) {
        int waiting = 0, others = 0;
        for (Pending p : pending.values()) {
            if (p.claimedBy == null) waiting++;
            else if (!p.claimedBy.equals(annotator)) others++;
        }
        return new Counts(waiting, others, journal.given());
    }

    /** A task waiting for feedback, by its page id: for its images. */
    synchronized Optional<Pending> find(String pageId) {
        return Optional.ofNullable(pending.get(pageId));
    }

    /** Ends the session: episodes still waiting end as errors, and are asked again by the next session. */
    void close() {
        Map<String, Pending> left;
        synchronized (this) {
            closed = true;
            left = new LinkedHashMap<>(pending);
        }
        left.values().forEach(p -> p.done.completeExceptionally(new FeedbackUnavailableException(
                "the feedback page was closed before sample " + p.task.sample().id() + " round " + p.task.round()
                        + " had feedback")));
    }

    private Pending held(String annotator, String pageId) {
        Pending task = pending.get(pageId);
        if (task == null || task.done.isDone()) throw new IllegalStateException("task " + pageId + " is not waiting for feedback");
        if (!annotator.equals(task.claimedBy)) {
            throw new IllegalStateException("task " + pageId + " is " + (task.claimedBy == null ? "nobody's" : task.claimedBy + "'s"));
        }
        return task;
    }
}
