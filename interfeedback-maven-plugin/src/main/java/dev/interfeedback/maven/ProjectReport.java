package dev.interfeedback.maven;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/**
 * Writes the HTML report with the engine of the project's test classpath, as the benchmarks ran:
 * the engine is never on the plugin's own classpath (see the plugin's POM), and the report is the
 * engine's public entry point {@code dev.interfeedback.report.html.HtmlReport#write(Path, Path, Path)}.
 */
final class ProjectReport {

    static final String ENTRY_POINT = "dev.interfeedback.report.html.HtmlReport";

    private ProjectReport() {}

    /** The page of the report in an output directory. */
    static Path page(File outputDirectory) {
        return outputDirectory.toPath().resolve("report").resolve("index.html");
    }

    /**
     * @param compareTo another run's output directory to show beside this one, or null
     * @return the page written, in the run's own report folder
     */
    static Path write(MavenProject project, File outputDirectory, File compareTo) throws MojoExecutionException {
        return write(project, outputDirectory, compareTo, outputDirectory.toPath().resolve("report"));
    }

    /** As above, into another folder (a site's); the run's own report is left as it is. */
    static Path write(MavenProject project, File outputDirectory, File compareTo, Path into) throws MojoExecutionException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(testClasspath(project), ProjectReport.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            Class<?> report;
            try {
                report = Class.forName(ENTRY_POINT, true, loader);
            } catch (ClassNotFoundException e) {
                throw new MojoExecutionException("The HTML report needs interfeedback-junit-engine as a test dependency of "
                        + project.getArtifactId() + " (" + ENTRY_POINT + " is not on its test classpath)", e);
            }
            Method write = report.getMethod("write", Path.class, Path.class, Path.class);
            return (Path) write.invoke(null, outputDirectory.toPath(), compareTo == null ? null : compareTo.toPath(), into);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new MojoExecutionException("Cannot write the HTML report: " + cause.getMessage(), cause);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new MojoExecutionException("The engine on the test classpath has no " + ENTRY_POINT
                    + ".write(Path, Path, Path): use an engine of the plugin's version", e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot close the report's class loader: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static boolean hasResults(File outputDirectory) {
        return Files.isRegularFile(outputDirectory.toPath().resolve("results.json"));
    }

    static URL[] testClasspath(MavenProject project) throws MojoExecutionException {
        try {
            List<URL> urls = new ArrayList<>();
            for (String element : project.getTestClasspathElements()) urls.add(new File(element).toURI().toURL());
            return urls.toArray(URL[]::new);
        } catch (DependencyResolutionRequiredException | MalformedURLException e) {
            throw new MojoExecutionException("Cannot build the test classpath: " + e.getMessage(), e);
        }
    }
}
