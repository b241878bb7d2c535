package dev.interfeedback.model.batch;

import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.openai.OpenAiBatchApi;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a batch model's requests go, and what becomes of a line that a batch answered with an
 * error or left unanswered.
 *
 * @param alias the model's alias
 * @param modelName the model id the lines' bodies name (for {@code vllm run-batch --model})
 * @param api encodes the lines and reads the answers; in {@link Mode#API} also sends the batches
 * @param mode the OpenAI Batch API of the model's server, or files for {@code vllm run-batch}
 * @param fileDir where the batch files go in {@link Mode#FILE}; null otherwise
 * @param retry what becomes of a failed line
 * @param sync the model's synchronous client (endpoint limit and retries, no cache), for
 *     {@link Retry#SYNC}; null otherwise
 */
public record BatchTarget(String alias, String modelName, OpenAiBatchApi api, Mode mode, Path fileDir, Retry retry,
        ChatModel sync) {

    /** How a wave's requests reach the model. */
    public enum Mode {
        /** Uploaded, created, polled and read through the OpenAI Batch API. */
        API,
        /** Written as a batch input file, and read back from the output file another program wrote. */
        FILE
    }

    /** What becomes of a line a batch answered with an error (429, 5xx) or left unanswered (an expired batch). */
    public enum Retry {
        /** Sent again in the next wave, up to the attempts of {@code interfeedback.retry.max-attempts}. */
        NEXT_WAVE,
        /** Sent again at once through the synchronous client, with its endpoint limit and retries. */
        SYNC,
        /** None: the sample is an error. */
        NONE;

        /** {@code next-wave}, {@code sync} or {@code none}. */
        public static Retry parse(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public BatchTarget {
        if ((mode == Mode.FILE) != (fileDir != null)) throw new IllegalArgumentException("a folder is for file mode only");
        if ((retry == Retry.SYNC) != (sync != null)) throw new IllegalArgumentException("a synchronous client is for sync retries only");
    }
}
