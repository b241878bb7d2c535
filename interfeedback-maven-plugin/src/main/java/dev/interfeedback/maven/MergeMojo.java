package dev.interfeedback.maven;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Merges the output directories of a sharded run's shards ({@code interfeedback.shard=K/N}) into
 * the outputs of one unsharded run in the output directory, where {@code interfeedback:check}
 * gates them as usual. It refuses, naming the shard, a missing or duplicated shard, a shard of
 * another configuration or dataset, and an incomplete one.
 *
 * <p>The merge is the engine's ({@code InterFeedbackCli merge}), loaded from the project's test
 * classpath like the benchmarks, so its figures are those of the engine the shards ran.
 */
@Mojo(name = "merge", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class MergeMojo extends AbstractMojo {

    private static final String CLI = "dev.interfeedback.cli.InterFeedbackCli";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** Where the merged results go, and where {@code check} reads them. */
    @Parameter(property = "interfeedback.output.dir", defaultValue = "${project.build.directory}/interfeedback")
    private File outputDirectory;

    /** The shards' output directories, comma-separated on the command line. */
    @Parameter(property = "interfeedback.shards")
    private List<File> shards = new ArrayList<>();

    /** A folder whose every subfolder is a shard's output directory (where CI downloaded the shards' artifacts). */
    @Parameter(property = "interfeedback.shards.dir")
    private File shardsDirectory;

    @Parameter(property = "interfeedback.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("InterFeedback merge skipped");
            return;
        }
        List<String> args = new ArrayList<>(List.of("merge", "--into", outputDirectory.getAbsolutePath()));
        for (File shard : shardDirectories()) args.add(shard.getAbsolutePath());
        if (args.size() == 3) {
            throw new MojoExecutionException("No shards to merge: set interfeedback.shards (the shards' output directories,"
                    + " comma-separated) or interfeedback.shards.dir (a folder holding one output directory per shard)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = merge(args, out, err);
        out.toString(StandardCharsets.UTF_8).lines().forEach(getLog()::info);
        String errors = err.toString(StandardCharsets.UTF_8).strip().replaceFirst("^interfeedback: ", "");
        if (exit != 0) throw new MojoExecutionException("InterFeedback " + errors);
    }

    private List<File> shardDirectories() throws MojoExecutionException {
        List<File> all = new ArrayList<>(shards);
        if (shardsDirectory != null) {
            if (!shardsDirectory.isDirectory()) {
                throw new MojoExecutionException("interfeedback.shards.dir: " + shardsDirectory + " is not a directory");
            }
            try (Stream<Path> children = Files.list(shardsDirectory.toPath())) {
                children.filter(Files::isDirectory).sorted().forEach(dir -> all.add(dir.toFile()));
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot list " + shardsDirectory + ": " + e, e);
            }
        }
        return all;
    }

    /** Runs the engine's command line in a class loader of the project's test classpath. */
    private int merge(List<String> args, ByteArrayOutputStream out, ByteArrayOutputStream err) throws MojoExecutionException {
        try (URLClassLoader loader = new URLClassLoader(testClasspath(), getClass().getClassLoader());
                PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Class<?> cli = loader.loadClass(CLI);
            Function<String, String> environment = System::getenv;
            Object instance = cli.getConstructor(PrintStream.class, PrintStream.class, Function.class).newInstance(o, e, environment);
            return (int) cli.getMethod("run", String[].class).invoke(instance, (Object) args.toArray(String[]::new));
        } catch (ClassNotFoundException e) {
            throw new MojoExecutionException("interfeedback:merge needs interfeedback-junit-engine as a test dependency of "
                    + project.getId() + ", the engine the shards ran", e);
        } catch (InvocationTargetException e) {
            throw new MojoExecutionException("InterFeedback merge failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | IOException e) {
            throw new MojoExecutionException("InterFeedback merge could not start: " + e, e);
        }
    }

    private URL[] testClasspath() throws MojoExecutionException {
        try {
            List<URL> urls = new ArrayList<>();
            for (String element : project.getTestClasspathElements()) urls.add(new File(element).toURI().toURL());
            return urls.toArray(URL[]::new);
        } catch (DependencyResolutionRequiredException | MalformedURLException e) {
            throw new MojoExecutionException("Cannot build the test classpath: " + e.getMessage(), e);
        }
    }
}
