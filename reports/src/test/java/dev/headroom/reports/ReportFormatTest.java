package dev.headroom.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void idsAreTheCommandLineNames() {
        assertEquals(List.of("text", "json", "sarif", "junit", "html"),
                Arrays.stream(ReportFormat.values()).map(ReportFormat::id).toList());
        for (ReportFormat format : ReportFormat.values()) {
            assertEquals(format, ReportFormat.byId(format.id()).orElseThrow());
        }
        assertTrue(ReportFormat.byId("pdf").isEmpty());
        assertTrue(ReportFormat.byId("SARIF").isEmpty());
    }

    @Test
    void fileNamesAreDistinctAndEndInTheExtension() {
        assertEquals(List.of("headroom.txt", "headroom.json", "headroom.sarif", "headroom-junit.xml", "headroom.html"),
                Arrays.stream(ReportFormat.values()).map(ReportFormat::fileName).toList());
        assertEquals(List.of("txt", "json", "sarif", "xml", "html"),
                Arrays.stream(ReportFormat.values()).map(ReportFormat::fileExtension).toList());
        for (ReportFormat format : ReportFormat.values()) {
            assertTrue(format.fileName().endsWith("." + format.fileExtension()), format.fileName());
        }
    }

    @Test
    void newWriterGivesTheFormatsWriter() {
        assertEquals(TextReportWriter.class, ReportFormat.TEXT.newWriter().getClass());
        assertEquals(JsonReportWriter.class, ReportFormat.JSON.newWriter().getClass());
        assertEquals(SarifReportWriter.class, ReportFormat.SARIF.newWriter().getClass());
        assertEquals(JUnitReportWriter.class, ReportFormat.JUNIT.newWriter().getClass());
        assertEquals(HtmlReportWriter.class, ReportFormat.HTML.newWriter().getClass());
    }
}
