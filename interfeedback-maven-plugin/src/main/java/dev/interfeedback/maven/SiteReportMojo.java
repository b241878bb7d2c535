package dev.interfeedback.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The HTML report as a Maven site report, as jacoco's is: {@code mvn site} lists "InterFeedback"
 * under the project reports and puts the report of the last run in {@code interfeedback/} of
 * the site. Declare it in the POM's {@code <reporting>} section; it makes no model call.
 */
@Mojo(name = "site-report", defaultPhase = LifecyclePhase.SITE, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class SiteReportMojo extends AbstractMavenReport {

    /** The run to report on: the output directory of {@code evaluate}. */
    @Parameter(property = "interfeedback.output.dir", defaultValue = "${project.build.directory}/interfeedback")
    private File runDirectory;

    /** Another run's output directory, shown beside this run; none by default. */
    @Parameter(property = "interfeedback.report.compareTo")
    private File compareTo;

    @Override
    public String getOutputPath() {
        return "interfeedback/index";
    }

    /** Still abstract in the reporting API, which reads {@link #getOutputPath()} now. */
    @Deprecated
    @Override
    public String getOutputName() {
        return getOutputPath();
    }

    @Override
    public String getName(Locale locale) {
        return "InterFeedback";
    }

    @Override
    public String getDescription(Locale locale) {
        return "How the model under test used feedback: accuracy, correction rate, per round and per category,"
                + " the gate, and every sample's transcript";
    }

    /** The page is the engine's own, not rendered through the site's sink. */
    @Override
    public boolean isExternalReport() {
        return true;
    }

    @Override
    public boolean canGenerateReport() {
        boolean results = ProjectReport.hasResults(runDirectory);
        if (!results) getLog().info("No InterFeedback results in " + runDirectory + " (run interfeedback:evaluate first): no report");
        return results;
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        try {
            Path page = ProjectReport.write(getProject(), runDirectory, compareTo,
                    getReportOutputDirectory().toPath().resolve("interfeedback"));
            getLog().info("InterFeedback site report: " + page);
        } catch (MojoExecutionException e) {
            throw new MavenReportException("Cannot write the InterFeedback site report: " + e.getMessage(), e);
        }
    }
}
