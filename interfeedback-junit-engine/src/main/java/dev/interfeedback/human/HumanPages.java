package dev.interfeedback.human;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages of this process, one per session journal: every human benchmark of a run shares its
 * page (one address for the people), and the run closes them when it ends.
 */
public final class HumanPages {

    private static final Map<Path, FeedbackPage> OPEN = new ConcurrentHashMap<>();

    private HumanPages() {}

    /** The page of a session journal, started and announced on {@code console} the first time. */
    public static FeedbackPage open(FeedbackPage.Options options, PrintStream console) {
        return OPEN.computeIfAbsent(options.journal().toAbsolutePath().normalize(), journal -> {
            try {
                FeedbackPage page = FeedbackPage.start(options);
                console.println("InterFeedback-Human: the feedback page is open at " + page.url());
                console.println("InterFeedback-Human: share that address with the annotators (this machine only);"
                        + " their feedback is journaled in " + page.journalFile());
                console.flush();
                return page;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the feedback page", e);
            }
        });
    }

    /** The addresses of the pages open in this process, for tools that drive a page themselves. */
    public static List<URI> urls() {
        return OPEN.values().stream().map(FeedbackPage::url).toList();
    }

    /** Closes every page: a run is over. */
    public static void closeAll() throws IOException {
        List<FeedbackPage> pages = new ArrayList<>(OPEN.values());
        OPEN.clear();
        for (FeedbackPage page : pages) page.close();
    }
}
