package dev.interfeedback.config;

import dev.interfeedback.model.ChatModel;
import dev.interfeedback.model.openai.OpenAiCompatibleModel;
import dev.interfeedback.model.openai.OpenAiSettings;
import dev.interfeedback.model.simulator.SimulatedModel;
import dev.interfeedback.model.simulator.SimulatorProfile;
import java.time.Duration;
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

    /**
     * Optional keys beside {@code url}: {@code name} (required here), {@code api-key-env},
     * {@code temperature}, {@code seed} ({@code none} to send none), {@code max-tokens} and
     * {@code timeout-seconds} (the read timeout).
     */
    private ChatModel openAiCompatible(String alias, String url) {
        String name = settings.require(Settings.modelKey(alias, "name"),
                "the model id the API at " + url + " serves, such as gpt-4o");
        try {
            OpenAiSettings.Builder builder = OpenAiSettings.builder(alias, url, name);
            settings.get(Settings.modelKey(alias, "api-key-env")).ifPresent(builder::apiKeyEnv);
            settings.get(Settings.modelKey(alias, "temperature"))
                    .ifPresent(v -> builder.temperature(number(alias, "temperature", v)));
            settings.get(Settings.modelKey(alias, "seed")).ifPresent(v -> {
                if (v.equalsIgnoreCase("none")) builder.noSeed();
                else builder.seed(settings.wholeNumber(Settings.modelKey(alias, "seed")));
            });
            if (settings.get(Settings.modelKey(alias, "max-tokens")).isPresent()) {
                builder.maxTokens(settings.positiveInt(Settings.modelKey(alias, "max-tokens"), 0));
            }
            if (settings.get(Settings.modelKey(alias, "timeout-seconds")).isPresent()) {
                builder.readTimeout(Duration.ofSeconds(settings.positiveInt(Settings.modelKey(alias, "timeout-seconds"), 0)));
            }
            return OpenAiCompatibleModel.create(builder.build(), environment);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }

    private static double number(String alias, String field, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(Settings.modelKey(alias, field) + ": expected a number, found \"" + value + "\"");
        }
    }
}
