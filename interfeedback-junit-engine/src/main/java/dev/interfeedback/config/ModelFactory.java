package dev.interfeedback.config;

import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.simulator.SimulatedModel;
import dev.interfeedback.model.simulator.SimulatorProfile;
import java.util.function.Function;

/**
 * Builds the model an alias names: {@code interfeedback.model.<alias>.url} is either an
 * OpenAI-compatible base URL or a {@code simulator:} URL for the offline simulator.
 */
public final class ModelFactory {

    private final Settings settings;
    private final Function<String, String> environment;

    /** @param environment reads environment variables (API keys); {@code System::getenv} in production */
    public ModelFactory(Settings settings, Function<String, String> environment) {
        this.settings = settings;
        this.environment = environment;
    }

    public ChatModel create(String alias) {
        String urlKey = Settings.modelKey(alias, "url");
        String url = settings.get(urlKey).orElseThrow(() -> new ConfigurationException(
                "no model is configured for alias \"" + alias + "\": set " + urlKey
                        + " to an OpenAI-compatible base URL (https://api.openai.com/v1) or to simulator:"));
        if (SimulatorProfile.isSimulatorUrl(url)) {
            try {
                return new SimulatedModel(alias, SimulatorProfile.parse(url));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(urlKey + ": " + e.getMessage(), e);
            }
        }
        return openAiCompatible(alias, url);
    }

    private ChatModel openAiCompatible(String alias, String url) {
        throw new ConfigurationException("OpenAI-compatible models are not wired yet: " + alias + " at " + url);
    }
}
