package dev.headroom.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportSettingsTest {
    private static final Path WORK = Path.of("/work/repo");

    @Test
    void categoryIsTheModulesPathUnderTheWorkingDirectory() {
        assertEquals("headroom/app", ReportSettings.categoryOf(WORK.resolve("app"), WORK));
        assertEquals("headroom/services/billing", ReportSettings.categoryOf(WORK.resolve("services/billing/."), WORK));
        assertEquals("headroom", ReportSettings.categoryOf(WORK, WORK), "the working directory itself");
        assertEquals("headroom/elsewhere", ReportSettings.categoryOf(Path.of("/tmp/x/elsewhere"), WORK),
                "outside the working directory: the directory's name");
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
