package dev.headroom.maven;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.PluginManagement;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the aggregate goal reads a module's SARIF report: the report directory its pom names, else the default. */
class ModuleReportTest {
    private static final String KEY = "dev.headroom:headroom-maven-plugin";

    @TempDir
    Path module;

    @Test
    void theDefaultPlaceWhenThePomNamesNoDirectory() {
        MavenProject project = project();
        project.getBuild().addPlugin(plugin(null));
        assertEquals(module.resolve("target/headroom/headroom.sarif"), ModuleReport.sarif(project, KEY));
    }

    @Test
    void theDirectoryThePomNamesForThePluginAnExecutionOrInPluginManagement() throws IOException {
        MavenProject forPlugin = project();
        forPlugin.getBuild().addPlugin(plugin("target/own"));
        MavenProject forExecution = project();
        Plugin withExecution = plugin(null);
        withExecution.addExecution(execution(module.resolve("target/of-execution").toString()));
        forExecution.getBuild().addPlugin(withExecution);
        MavenProject managed = project();
        PluginManagement management = new PluginManagement();
        management.addPlugin(plugin("target/managed"));
        managed.getBuild().setPluginManagement(management);
        Files.createDirectories(module.resolve("target/headroom"));
        Files.writeString(module.resolve("target/headroom/headroom.sarif"), "{}"); // left there before
        assertAll(
                () -> assertEquals(module.resolve("target/own/headroom.sarif"), ModuleReport.sarif(forPlugin, KEY),
                        "relative to the module, and not the report left in the default place"),
                () -> assertEquals(module.resolve("target/of-execution/headroom.sarif"),
                        ModuleReport.sarif(forExecution, KEY)),
                () -> assertEquals(module.resolve("target/managed/headroom.sarif"), ModuleReport.sarif(managed, KEY),
                        "what a goal typed on the command line uses"));
    }

    @Test
    void theFirstNamedDirectoryThatHoldsAReport() throws IOException {
        MavenProject project = project();
        Plugin plugin = plugin("target/plugin-level");
        plugin.addExecution(execution("target/execution-level"));
        project.getBuild().addPlugin(plugin);
        Files.createDirectories(module.resolve("target/plugin-level"));
        Files.writeString(module.resolve("target/plugin-level/headroom.sarif"), "{}");
        assertEquals(module.resolve("target/plugin-level/headroom.sarif"), ModuleReport.sarif(project, KEY));
    }

    /** A directory only the goal that reads it can resolve: the aggregate names it in a warning. */
    @Test
    void anExpressionLeftUnresolvedIsToldApart() {
        MavenProject project = project();
        project.getBuild().addPlugin(plugin("${session.executionRootDirectory}/reports"));
        Path report = ModuleReport.sarif(project, KEY);
        assertAll(
                () -> assertEquals(module.resolve("${session.executionRootDirectory}/reports/headroom.sarif"), report),
                () -> assertEquals(true, ModuleReport.unresolved(report)),
                () -> assertEquals(false, ModuleReport.unresolved(module.resolve("target/own/headroom.sarif"))));
    }

    private MavenProject project() {
        Model model = new Model();
        model.setBuild(new Build());
        model.getBuild().setDirectory(module.resolve("target").toString());
        MavenProject project = new MavenProject(model);
        project.setFile(new File(module.toFile(), "pom.xml"));
        return project;
    }

    private static Plugin plugin(String reportDirectory) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("dev.headroom");
        plugin.setArtifactId("headroom-maven-plugin");
        if (reportDirectory != null) {
            plugin.setConfiguration(configuration(reportDirectory));
        }
        return plugin;
    }

    private static PluginExecution execution(String reportDirectory) {
        PluginExecution execution = new PluginExecution();
        execution.setConfiguration(configuration(reportDirectory));
        return execution;
    }

    private static Xpp3Dom configuration(String reportDirectory) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom directory = new Xpp3Dom("reportDirectory");
        directory.setValue(reportDirectory);
        configuration.addChild(directory);
        return configuration;
    }
}
