package dev.headroom.maven;

import dev.headroom.reports.SarifAggregate;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Merges the SARIF reports the {@code check} goal wrote in the modules of a build into one file, a run
 * per module (each with its own category), for tools that take one file: GitHub's {@code upload-sarif}.
 * Each module's report is read from the report directory its pom gives the check, by default
 * {@code target/headroom/headroom.sarif} ({@link ModuleReport}); modules without one (a {@code pom} module, one
 * without classes or roots) are left out.
 *
 * <p>An aggregator: it runs once, at the project it is called on, over every project of the build. Call it
 * after the modules' checks, on the command line: {@code mvn -fae verify headroom:aggregate} (with
 * {@code -fae} it runs even when a module's check fails the build), or {@code mvn headroom:aggregate} as a
 * step of its own after the build.
 */
@Mojo(name = "aggregate", aggregator = true, threadSafe = true)
public class AggregateMojo extends AbstractMojo {
    /** Skips the aggregation, like the check. */
    @Parameter(property = "headroom.skip", defaultValue = "false")
    boolean skip;

    /** The merged SARIF report. */
    @Parameter(property = "headroom.aggregateFile",
            defaultValue = "${project.build.directory}/headroom/headroom-aggregate.sarif", required = true)
    File aggregateFile;

    @Parameter(defaultValue = "${reactorProjects}", readonly = true, required = true)
    List<MavenProject> reactorProjects;

    /** This plugin, whose configuration in each module's pom may name its report directory. */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Headroom aggregate skipped (headroom.skip)");
            return;
        }
        List<SarifAggregate.Part> parts = new ArrayList<>();
        List<String> modules = new ArrayList<>();
        for (MavenProject project : reactorProjects) {
            Path report = ModuleReport.sarif(project, plugin.getPluginLookupKey());
            if (!Files.isRegularFile(report)) {
                if (ModuleReport.unresolved(report)) {
                    getLog().warn("Headroom: " + project.getArtifactId() + " is left out: its reportDirectory holds an"
                            + " expression the aggregate cannot resolve (" + report + ")");
                } else {
                    getLog().debug("Headroom: no SARIF report in " + project.getArtifactId() + " (" + report + ")");
                }
                continue;
            }
            try {
                parts.add(new SarifAggregate.Part(report.toString(), Files.readString(report, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new MojoExecutionException("Headroom: cannot read " + report + ": " + e, e);
            }
            modules.add(project.getArtifactId());
        }
        if (parts.isEmpty()) {
            throw new MojoExecutionException("Headroom: no module of the build has a SARIF report ("
                    + ModuleReport.DEFAULT + " under its build directory, or its reportDirectory): run the check with"
                    + " sarif among headroom.formats first, e.g. mvn -fae verify headroom:aggregate"
                    + " -Dheadroom.formats=text,json,sarif");
        }
        Path file = aggregateFile.toPath();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                SarifAggregate.write(parts, writer);
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Headroom: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Headroom: cannot write " + file + ": " + e, e);
        }
        getLog().info("Headroom: the SARIF reports of " + String.join(", ", modules) + " in " + file);
    }
}
