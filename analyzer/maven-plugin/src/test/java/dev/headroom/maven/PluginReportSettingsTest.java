package dev.headroom.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class PluginReportSettingsTest {
    private static final File MODULE = Path.of("").toAbsolutePath().resolve("app").toFile();

    @Test
    void theCategoryIsTheModulesDirectoryUnlessGiven() throws MojoExecutionException {
        assertEquals("headroom/app", PluginReportSettings.of(null, MODULE, null, null).sarifCategory());
        assertEquals("billing", PluginReportSettings.of(" billing ", MODULE, null, null).sarifCategory());
        MojoExecutionException blank = assertThrows(MojoExecutionException.class,
                () -> PluginReportSettings.of(" ", MODULE, null, null));
        assertEquals("headroom.sarifCategory is empty", blank.getMessage());
    }

    @Test
    void theTimestampIsTheProjectsOutputTimestampElseSourceDateEpochElseTheEpoch() throws MojoExecutionException {
        assertEquals(Instant.EPOCH, PluginReportSettings.of(null, MODULE, null, null).timestamp());
        assertEquals(Instant.ofEpochSecond(1700000000),
                PluginReportSettings.of(null, MODULE, null, "1700000000").timestamp());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"),
                PluginReportSettings.of(null, MODULE, "2024-01-01T00:00:00Z", "1700000000").timestamp());
        assertEquals(Instant.ofEpochSecond(1700000000),
                PluginReportSettings.of(null, MODULE, "1700000000", null).timestamp(), "Maven takes seconds too");
        assertEquals(Instant.EPOCH, PluginReportSettings.of(null, MODULE, "-", null).timestamp(),
                "one character switches it off, as in Maven's plugins");

        MojoExecutionException bad = assertThrows(MojoExecutionException.class,
                () -> PluginReportSettings.of(null, MODULE, "last tuesday", null));
        assertTrue(bad.getMessage().startsWith("Headroom: project.build.outputTimestamp: 'last tuesday' is neither"),
                bad.getMessage());
        MojoExecutionException badEpoch = assertThrows(MojoExecutionException.class,
                () -> PluginReportSettings.of(null, MODULE, null, "soon"));
        assertTrue(badEpoch.getMessage().startsWith("Headroom: SOURCE_DATE_EPOCH: 'soon' is neither"),
                badEpoch.getMessage());
    }
}
