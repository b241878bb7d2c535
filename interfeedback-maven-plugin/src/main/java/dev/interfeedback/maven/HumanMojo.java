package dev.interfeedback.maven;

import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * A human-feedback session: runs the project's benchmarks as {@code evaluate} does, with the local
 * feedback page open for every benchmark whose feedback is {@code human}. The engine prints the
 * page's address; the goal ends when every sample is done, and writes the files of any run, so
 * {@code check} gates a session like any benchmark. Not bound to a phase: a build never waits for a
 * person unless someone asked for this goal.
 */
@Mojo(name = "human", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class HumanMojo extends EvaluateMojo {

    /** The engine's key that opens the page (declared in the engine's KeyCatalog). */
    static final String PAGE = "interfeedback.human.page";

    @Override
    Map<String, String> parameters() {
        Map<String, String> parameters = super.parameters();
        parameters.put(PAGE, "true");
        return parameters;
    }
}
