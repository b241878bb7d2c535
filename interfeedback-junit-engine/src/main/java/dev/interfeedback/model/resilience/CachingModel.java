package dev.interfeedback.model.resilience;

import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.ChatRequest;
import dev.interfeedback.model.ChatResponse;
import dev.interfeedback.model.ModelException;
import dev.interfeedback.model.http.ImageStore;
import dev.interfeedback.model.ModelInfo;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers a request from the {@link ResponseCache} when the same request was answered before, and
 * stores new answers. Only for deterministic models (temperature 0): caching a sampled answer
 * would freeze one draw. Failures pass through and are never stored.
 */
public final class CachingModel implements ChatModel {

    private final ChatModel delegate;
    private final Supplier<ResponseCache> cache;
    private final RequestKey keys;
    private final CallStats stats;

    /**
     * @param identity what besides the messages decides the answer (endpoint, model, parameters);
     *     never a secret
     */
    public CachingModel(ChatModel delegate, String identity, ResponseCache cache, CallStats stats) {
        this(delegate, identity, () -> cache, new ImageStore(), stats);
    }

    /**
     * @param cache opened on the first call, not before: building a model (as test discovery
     *     does) must not touch the disk
     * @param images the run's images, shared by its models so that the receiver's and the
     *     provider's requests for one sample read its images once
     */
    public CachingModel(ChatModel delegate, String identity, Supplier<ResponseCache> cache, ImageStore images,
            CallStats stats) {
        this.delegate = delegate;
        this.cache = cache;
        this.keys = new RequestKey(identity, images);
        this.stats = stats;
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws ModelException {
        String key = keys.of(request);
        ResponseCache cache = this.cache.get();
        Optional<ChatResponse> cached = cache.get(key);
        if (cached.isPresent()) {
            stats.cacheHit();
            return cached.get();
        }
        ChatResponse response = delegate.chat(request);
        if (response.finishReason() == null) {
            cache.put(key, response); // the cache keeps text only: a cut or refused answer is asked again
        }
        return response;
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }
}
