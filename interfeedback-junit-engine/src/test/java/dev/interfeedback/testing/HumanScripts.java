package dev.interfeedback.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scripted receiver does in a human session over a {@link SyntheticDataset}, and recorded
 * feedback for it: a hint and an explanation that name no option, then the answer at round 3, which
 * {@link ScriptedChatServer} follows.
 */
public final class HumanScripts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HumanScripts() {}

    /** The round of each sample's first right answer (0 at round 0), for {@code receiver} under the paper's protocol. */
    public static int firstRight(String receiver, String sampleId) {
        for (int round = 0; round < 3; round++) {
            if (ScriptedChatServer.rightAt(receiver, sampleId, round)) return round;
        }
        return 3;
    }

    /** First corrections per round 1..3 of samples s0 .. s{n-1}, index 0 holding the round-0 rights. */
    public static long[] firstCorrections(String receiver, int samples) {
        long[] counts = new long[4];
        for (int i = 0; i < samples; i++) counts[firstRight(receiver, "s" + i)]++;
        return counts;
    }

    /** The feedback text a person writes for a sample and round. */
    public static String text(String sampleId, int round) {
        return switch (round) {
            case 1 -> "Hint for " + sampleId + ": look at which shape is filled, not outlined.";
            case 2 -> "Explanation for " + sampleId + ": compare the shaded area with each option's outline in turn.";
            default -> "The correct answer is (" + SyntheticDataset.truth(sampleId) + "). It is the only filled shape.";
        };
    }

    /** Writes a recorded session holding every sample's three rounds, by {@code annotator}. */
    public static Path write(Path file, int samples, String annotator) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            for (int round = 1; round <= 3; round++) {
                var line = JSON.createObjectNode().put("sampleId", "s" + i).put("round", round).put("text", text("s" + i, round))
                        .put("annotator", annotator).put("writtenAt", "2026-01-01T10:0" + round + ":00Z").put("durationMs", 1000L * round);
                lines.add(JSON.writeValueAsString(line));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
