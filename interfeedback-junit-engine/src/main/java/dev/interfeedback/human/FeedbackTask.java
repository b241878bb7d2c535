package dev.interfeedback.human;

import dev.interfeedback.dataset.Sample;
import dev.interfeedback.model.Message;
import dev.interfeedback.model.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a person is asked: feedback on the receiver's last answer to a sample, before its next round.
 *
 * @param sample the problem, with its ground truth (for the person's eyes only)
 * @param round the round the receiver's next answer will be (1 for the first feedback)
 * @param maxRounds the most rounds of the benchmark
 * @param dialogue the receiver's conversation so far, ending with its wrong answer
 * @param guidance what the protocol asks for in this round
 * @param prefill the text the box starts with (the answer at the paper's last round), or ""
 */
public record FeedbackTask(Sample sample, int round, int maxRounds, List<Message> dialogue, String guidance, String prefill) {

    public FeedbackTask {
        dialogue = List.copyOf(dialogue);
    }

    /** Names the task on the page and in the session journal: the sample and the round. */
    public String id() {
        return sample.id() + "#" + round;
    }

    /** The receiver's answers so far, round 0 first. */
    public List<String> answers() {
        return dialogue.stream().filter(m -> m.role() == Role.ASSISTANT).map(Message::text).toList();
    }

    /**
     * A digest of the dialogue the feedback answers: feedback journaled for other answers (another
     * receiver, other settings) is never handed to this one.
     */
    public String dialogueDigest() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Message message : dialogue) {
                digest.update((message.role() + "\u0000" + message.text() + "\u0000").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
