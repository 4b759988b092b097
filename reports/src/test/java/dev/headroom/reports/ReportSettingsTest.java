package dev.headroom.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link ReportSettings} and {@link ReportPaths}: what the front ends hand the writers. */
class ReportSettingsTest {
    private static final Path WORK = Path.of("/work/repo");

    @Test
    void categoryIsTheModulesPathUnderTheWorkingDirectory() {
        assertEquals("headroom/app", ReportPaths.sarifCategory(WORK.resolve("app"), WORK));
        assertEquals("headroom/services/billing", ReportPaths.sarifCategory(WORK.resolve("services/billing/."), WORK));
        assertEquals("headroom", ReportPaths.sarifCategory(WORK, WORK), "the working directory itself");
        assertEquals("headroom/elsewhere", ReportPaths.sarifCategory(Path.of("/tmp/x/elsewhere"), WORK),
                "outside the working directory: the directory's name");
    }

    @Test
    void pathsUnderTheWorkingDirectoryAreShownRelative() {
        assertEquals(Path.of("app/src/main/java"), ReportPaths.shown(WORK.resolve("app/src/main/java"), WORK));
        assertEquals(Path.of("/tmp/src"), ReportPaths.shown(Path.of("/tmp/x/../src"), WORK));
        assertEquals(WORK, ReportPaths.shown(WORK, WORK));
    }

    @Test
    void timestampsAsBuildToolsWriteThem() {
        assertEquals(Instant.ofEpochSecond(1700000000), ReportSettings.parseTimestamp("1700000000"));
        assertEquals(Instant.ofEpochSecond(1700000000), ReportSettings.parseTimestamp(" 1700000000\n"));
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"), ReportSettings.parseTimestamp("2023-11-14T22:13:20Z"));
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"), ReportSettings.parseTimestamp("2023-11-15T00:13:20+02:00"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ReportSettings.parseTimestamp("yesterday"));
        assertTrue(bad.getMessage().startsWith("'yesterday' is neither seconds since the epoch"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReportSettings.parseTimestamp("2023-11-14T22:13:20"),
                "without an offset the instant is not known");
    }
}
