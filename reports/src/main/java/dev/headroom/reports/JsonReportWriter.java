package dev.headroom.reports;

import dev.headroom.core.model.AnalysisResult;
import java.io.IOException;
import java.io.Writer;

/** (Being written.) */
public final class JsonReportWriter implements ReportWriter {
    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        throw new UnsupportedOperationException("not yet written");
    }
}
