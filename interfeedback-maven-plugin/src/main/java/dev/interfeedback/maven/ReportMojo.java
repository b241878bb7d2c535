package dev.interfeedback.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Rebuilds the HTML report ({@code report/index.html} in the output directory) from the run's
 * saved files, with no model call; given another run's output directory, shows the two side by
 * side, sample by sample, the samples that changed verdict first.
 */
@Mojo(name = "report", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class ReportMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The run to report on: the output directory of {@code evaluate}. */
    @Parameter(property = "interfeedback.output.dir", defaultValue = "${project.build.directory}/interfeedback")
    private File outputDirectory;

    /**
     * Another run's output directory (a candidate's and the accepted release's, or two receivers
     * on one dataset), shown beside this run; none by default.
     */
    @Parameter(property = "interfeedback.report.compareTo")
    private File compareTo;

    @Parameter(property = "interfeedback.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("InterFeedback report skipped");
            return;
        }
        if (!ProjectReport.hasResults(outputDirectory)) {
            throw new MojoExecutionException("No results.json in " + outputDirectory
                    + ": run interfeedback:evaluate (or the benchmarks) first, or point interfeedback.output.dir at a run");
        }
        if (compareTo != null && !ProjectReport.hasResults(compareTo)) {
            throw new MojoExecutionException("interfeedback.report.compareTo: no results.json in " + compareTo
                    + ": expected the output directory of another run");
        }
        getLog().info("Report: " + ProjectReport.write(project, outputDirectory, compareTo)
                + (compareTo == null ? "" : " (beside " + compareTo + ")"));
    }
}
