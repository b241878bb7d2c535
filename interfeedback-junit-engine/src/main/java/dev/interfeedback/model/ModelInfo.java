package dev.interfeedback.model;

/**
 * How a model is named in every output.
 *
 * @param alias the configuration alias ({@code interfeedback.model.<alias>.*})
 * @param name the model id sent to the API, or the simulator's profile
 * @param simulated true for the built-in offline simulator, so no report passes it off as a real model
 */
public record ModelInfo(String alias, String name, boolean simulated) {

    @Override
    public String toString() {
        return simulated ? alias + " (" + name + ", simulated)" : alias + " (" + name + ")";
    }
}
