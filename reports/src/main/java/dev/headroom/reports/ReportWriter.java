package dev.headroom.reports;

import dev.headroom.core.model.AnalysisResult;
import java.io.IOException;
import java.io.Writer;

/** Writes one report format from the result model. Writers hold no state between calls. */
public interface ReportWriter {
    void write(AnalysisResult result, Writer out) throws IOException;
}
