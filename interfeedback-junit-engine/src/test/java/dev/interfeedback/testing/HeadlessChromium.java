package dev.interfeedback.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a browser test a {@link Browser}: Debian's headless Chromium driven through the system's
 * chromedriver. Without Chromium the test is skipped with a line that says what to install, and
 * under {@code CI=true} it fails instead, so CI never passes with its browser tests silently
 * skipped.
 *
 * <p>Each test gets a fresh browser (fresh profile), closed after the test; a parameter annotated
 * {@link WithoutJavaScript} gets one that runs no script.
 */
public final class HeadlessChromium implements ExecutionCondition, ParameterResolver {

    static final String INSTALL =
            "install Debian's chromium and chromium-driver (sudo apt-get install chromium chromium-driver),"
                    + " or point -Dwebdriver.chrome.driver and -Dinterfeedback.test.chromium at your own";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(HeadlessChromium.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> missing = missing();
        if (missing.isEmpty()) return ConditionEvaluationResult.enabled("Chromium found");
        String what = context.getDisplayName() + " needs Chromium: " + missing.get() + "; " + INSTALL;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true, so a browser test may not be skipped. " + what);
        }
        // Surefire shows skips only as a count; this line says which test and why.
        System.err.println("[WARNING] Browser test skipped. " + what);
        return ConditionEvaluationResult.disabled(what);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        boolean javascript = !parameter.isAnnotated(WithoutJavaScript.class);
        return context.getStore(NAMESPACE).computeIfAbsent("browser" + parameter.getIndex(),
                key -> Browser.start(chromium(), chromedriver(), javascript), Browser.class);
    }

    public static Path chromium() {
        return Path.of(System.getProperty("interfeedback.test.chromium", "/usr/bin/chromium"));
    }

    public static Path chromedriver() {
        return Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    }

    private static Optional<String> missing() {
        if (!Files.isExecutable(chromium())) return Optional.of(chromium() + " not found");
        if (!Files.isExecutable(chromedriver())) return Optional.of(chromedriver() + " not found");
        return Optional.empty();
    }
}
