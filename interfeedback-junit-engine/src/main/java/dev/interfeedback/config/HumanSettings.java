package dev.interfeedback.config;

import dev.interfeedback.feedback.FeedbackKind;
import dev.interfeedback.human.BadFeedbackFileException;
import dev.interfeedback.human.FeedbackPage;
import dev.interfeedback.human.FeedbackSource;
import dev.interfeedback.human.HumanFeedback;
import dev.interfeedback.human.HumanPages;
import dev.interfeedback.human.HumanProtocol;
import dev.interfeedback.human.ScriptedFeedback;
import dev.interfeedback.model.ModelInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The settings of a human session ({@code interfeedback.feedback=human}): the protocol, and where
 * the feedback comes from: a recorded session, the local page, or both (the recording first).
 * Neither is an error, so that a build never waits for a person it was not told about.
 */
public final class HumanSettings {

    public static final String PROTOCOL = Settings.PREFIX + "human.protocol";
    public static final String SCRIPT = Settings.PREFIX + "human.script";
    public static final String PAGE = Settings.PREFIX + "human.page";
    public static final String PORT = Settings.PREFIX + "human.port";
    public static final String SHOW_MODEL = Settings.PREFIX + "human.show-model";
    public static final String WAITING = Settings.PREFIX + "human.waiting";

    /** Where the page journals what people do, in the output directory. */
    public static final String JOURNAL = "human/session.jsonl";

    private HumanSettings() {}

    /**
     * Threads a benchmark needs beside its endpoints' limits: a sample waiting for a person holds
     * a thread, and the receiver's answers for other samples must not wait behind it.
     */
    public static int waitingSlots(Settings settings) {
        return settings.feedback() == FeedbackKind.HUMAN ? settings.integer(WAITING) : 0;
    }

    public static HumanProtocol protocol(Settings settings) {
        return HumanProtocol.parse(settings.choice(PROTOCOL));
    }

    /**
     * The feedback of a human benchmark. Reads a recording at once (a bad line fails the benchmark
     * before anything runs); opens the page only when the first sample needs a person.
     */
    static HumanFeedback feedback(Settings settings, ModelInfo receiver) {
        HumanProtocol protocol = protocol(settings);
        int rounds = settings.rounds();
        if (protocol == HumanProtocol.INTERFEEDBACK_HUMAN && rounds != HumanProtocol.PAPER_ROUNDS) {
            throw new ConfigurationException(Settings.ROUNDS + ": the " + protocol.configName() + " protocol has exactly "
                    + HumanProtocol.PAPER_ROUNDS + " rounds (a hint, an explanation, the answer), found " + rounds
                    + "; set it to 3, or set " + PROTOCOL + "=free");
        }
        Optional<ScriptedFeedback> recorded = recorded(settings);
        boolean page = settings.flag(PAGE);
        if (recorded.isEmpty() && !page) {
            throw new ConfigurationException(Settings.FEEDBACK + "=human needs a person or a recording: run the"
                    + " interfeedback:human goal (or set " + PAGE + "=true) to open the feedback page, or set " + SCRIPT
                    + " to a recorded session; interfeedback:evaluate never waits for a person");
        }
        Supplier<FeedbackSource> source = page
                ? () -> {
                    FeedbackSource person = HumanPages.open(new FeedbackPage.Options(settings.outputDir().resolve(JOURNAL),
                            settings.integer(PORT), receiver.name(), settings.flag(SHOW_MODEL)), System.out);
                    return recorded.<FeedbackSource>map(r -> r.thenPage(person)).orElse(person);
                }
                : recorded::get;
        return new HumanFeedback(protocol, rounds, source, settings.prompts());
    }

    private static Optional<ScriptedFeedback> recorded(Settings settings) {
        Optional<String> files = settings.get(SCRIPT);
        if (files.isEmpty()) return Optional.empty();
        List<Path> paths = Arrays.stream(files.get().split(",")).map(String::strip).filter(f -> !f.isEmpty())
                .map(settings::resolve).toList();
        try {
            return Optional.of(ScriptedFeedback.read(paths));
        } catch (BadFeedbackFileException e) {
            throw new ConfigurationException(SCRIPT + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConfigurationException(SCRIPT + ": cannot read " + paths + ": " + e, e);
        }
    }
}
