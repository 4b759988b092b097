package dev.headroom.maven;

import dev.headroom.reports.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Where a module's check wrote its SARIF report: in the {@code reportDirectory} its pom gives the plugin, for the plugin
 * or for one of its executions (the model holds it with {@code ${project.build.directory}} already filled in), else in
 * the default {@code target/headroom}.
 */
final class ModuleReport {
    /** The report's place under the build directory when the pom names no other. */
    static final String DEFAULT = "headroom/" + ReportFormat.SARIF.fileName();

    private ModuleReport() {
    }

    /**
     * The first of the module's configured report directories that holds a SARIF report, in the order of the pom's
     * executions and then the plugin's own configuration; else the default place, whether or not a report is there.
     */
    static Path sarif(MavenProject project, String pluginKey) {
        for (String directory : configuredDirectories(project, pluginKey)) {
            Path report = project.getBasedir().toPath().resolve(directory).resolve(ReportFormat.SARIF.fileName());
            if (Files.isRegularFile(report)) {
                return report;
            }
        }
        return Path.of(project.getBuild().getDirectory()).resolve(DEFAULT);
    }

    private static List<String> configuredDirectories(MavenProject project, String pluginKey) {
        List<String> directories = new ArrayList<>();
        Plugin plugin = project.getPlugin(pluginKey);
        if (plugin == null) {
            return directories;
        }
        List<Object> configurations = new ArrayList<>();
        for (PluginExecution execution : plugin.getExecutions()) {
            configurations.add(execution.getConfiguration());
        }
        configurations.add(plugin.getConfiguration());
        for (Object configuration : configurations) {
            Xpp3Dom directory = configuration instanceof Xpp3Dom dom ? dom.getChild("reportDirectory") : null;
            if (directory != null && directory.getValue() != null && !directory.getValue().isBlank()) {
                directories.add(directory.getValue().trim());
            }
        }
        return directories;
    }
}
