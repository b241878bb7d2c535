package dev.interfeedback.model;

import java.util.List;
import java.util.Objects;

/**
 * A multi-turn conversation to send to a chat model, and what the call is for.
 *
 * @param messages the conversation
 * @param context what the call is for; never sent
 * @param stablePrefix where the part of the request that the following calls of the same episode
 *     send again unchanged ends (the question and its images, the dialogue so far), or null when
 *     none is worth caching. An API with explicit prompt caching (Anthropic) marks it cacheable
 *     there; the others ignore it. Not part of the request's identity: it changes no answer.
 */
public record ChatRequest(List<Message> messages, CallContext context, CachePoint stablePrefix) {

    public ChatRequest {
        messages = OneKindOfList.copyOf(messages);
        if (messages.isEmpty()) throw new IllegalArgumentException("a chat request needs at least one message");
        Objects.requireNonNull(context, "context");
        if (stablePrefix != null && (stablePrefix.message() >= messages.size()
                || stablePrefix.part() >= messages.get(stablePrefix.message()).parts().size())) {
            throw new IllegalArgumentException("the stable prefix ends at " + stablePrefix + ", outside the request");
        }
    }

    /** A request with no prefix marked stable. */
    public ChatRequest(List<Message> messages, CallContext context) {
        this(messages, context, null);
    }

    /** The end of a stable prefix: a part of a message, both counted from 0; the prefix includes it. */
    public record CachePoint(int message, int part) {
        public CachePoint {
            if (message < 0 || part < 0) throw new IllegalArgumentException("a cache point counts from 0");
        }
    }

    /** This request, stable to its end: every later call of the episode starts with all of it. */
    public ChatRequest stableToTheEnd() {
        int last = messages.size() - 1;
        return new ChatRequest(messages, context, new CachePoint(last, messages.get(last).parts().size() - 1));
    }

    /** This request, stable through a part of a message. */
    public ChatRequest stableThrough(int message, int part) {
        return new ChatRequest(messages, context, new CachePoint(message, part));
    }
}
