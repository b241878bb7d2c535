package dev.interfeedback.model;

/** Counts the tokens of every answered call into a {@link UsageMeter}. */
public final class MeteredModel implements ChatModel {

    private final ChatModel delegate;
    private final UsageMeter meter;

    public MeteredModel(ChatModel delegate, UsageMeter meter) {
        this.delegate = delegate;
        this.meter = meter;
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws ModelException {
        ChatResponse response = delegate.chat(request);
        meter.add(response.usage());
        return response;
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }
}
