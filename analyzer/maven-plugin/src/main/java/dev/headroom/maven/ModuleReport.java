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
 * Where a module's check wrote its SARIF report: in the {@code reportDirectory} its pom gives the plugin (for the
 * plugin, one of its executions, or in its plugin management, which a goal typed on the command line uses; the model
 * holds the value with {@code ${project.build.directory}} filled in), else in the default {@code target/headroom}.
 */
final class ModuleReport {
    /** The report's place under the build directory when the pom names no other. */
    static final String DEFAULT = "headroom/" + ReportFormat.SARIF.fileName();

    private ModuleReport() {
    }

    /**
     * The first of the module's configured report directories that holds a SARIF report, in the order of the pom's
     * executions, the plugin's own configuration and its plugin management; when none does, the first of them, and
     * only when the pom configures none, the default place. A report in the default place that the check no longer
     * writes (the pom names another directory now) is never taken.
     */
    static Path sarif(MavenProject project, String pluginKey) {
        List<Path> reports = new ArrayList<>();
        for (String directory : configuredDirectories(project, pluginKey)) {
            reports.add(project.getBasedir().toPath().resolve(directory).resolve(ReportFormat.SARIF.fileName()));
        }
        if (reports.isEmpty()) {
            return Path.of(project.getBuild().getDirectory()).resolve(DEFAULT);
        }
        return reports.stream().filter(Files::isRegularFile).findFirst().orElse(reports.get(0));
    }

    /**
     * Whether the report's place holds an expression the model leaves to the goal that reads it (such as
     * {@code ${session.executionRootDirectory}}), which the aggregate cannot resolve.
     */
    static boolean unresolved(Path report) {
        return report.toString().contains("${");
    }

    private static List<String> configuredDirectories(MavenProject project, String pluginKey) {
        List<Object> configurations = new ArrayList<>();
        Plugin plugin = project.getPlugin(pluginKey);
        if (plugin != null) {
            for (PluginExecution execution : plugin.getExecutions()) {
                configurations.add(execution.getConfiguration());
            }
            configurations.add(plugin.getConfiguration());
        }
        Plugin managed = project.getPluginManagement() == null ? null
                : project.getPluginManagement().getPluginsAsMap().get(pluginKey);
        if (managed != null) {
            configurations.add(managed.getConfiguration());
        }
        List<String> directories = new ArrayList<>();
        for (Object configuration : configurations) {
            Xpp3Dom directory = configuration instanceof Xpp3Dom dom ? dom.getChild("reportDirectory") : null;
            if (directory != null && directory.getValue() != null && !directory.getValue().isBlank()) {
                directories.add(directory.getValue().trim());
            }
        }
        return directories;
    }
}
