package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.ConfigurationException;
import dev.headroom.core.InputException;
import dev.headroom.core.OutOfMemory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How failures become one line and an exit code. */
class ErrorReporterTest {
    private final StringWriter err = new StringWriter();

    private int report(Throwable failure, Map<String, String> environment) {
        return new ErrorReporter(environment::get).report(failure, new PrintWriter(err));
    }

    @Test
    void configurationErrorIsExit2() {
        assertEquals(ExitCodes.USAGE, report(new ConfigurationException("rule pack acme.json: bad"), Map.of()));
        assertEquals("headroom: error: rule pack acme.json: bad", err.toString().strip());
    }

    @Test
    void inputErrorIsExit3AndKeepsItsMessageOnOneLine() {
        InputException failure = new InputException("cannot read app.jar:\nzip END header not found",
                new IOException("zip END header not found"));
        assertEquals(ExitCodes.INPUT, report(failure, Map.of()));
        assertEquals("headroom: error: cannot read app.jar: zip END header not found", err.toString().strip());
    }

    @Test
    void unexpectedExceptionIsInternalErrorWithoutStackTrace() {
        assertEquals(ExitCodes.INTERNAL, report(new IllegalStateException("boom"), Map.of()));
        assertEquals("headroom: internal error: java.lang.IllegalStateException: boom"
                + " (please report this; set HEADROOM_DEBUG=1 for the stack trace)", err.toString().strip());
    }

    @Test
    void internalErrorWithoutMessageNamesTheClass() {
        assertEquals(ExitCodes.INTERNAL, report(new NullPointerException(), Map.of("HEADROOM_DEBUG", "0")));
        assertEquals("headroom: internal error: java.lang.NullPointerException"
                + " (please report this; set HEADROOM_DEBUG=1 for the stack trace)", err.toString().strip());
    }

    @Test
    void debugVariablePrintsTheStackTrace() {
        assertEquals(ExitCodes.INTERNAL, report(new IllegalStateException("boom"), Map.of("HEADROOM_DEBUG", "1")));
        String text = err.toString();
        assertTrue(text.startsWith("headroom: internal error: java.lang.IllegalStateException: boom"), text);
        assertTrue(text.contains("at dev.headroom.cli.ErrorReporterTest"), text);
    }

    @Test
    void outOfMemoryNamesTheHeapAndHowToGiveMoreWithoutCallingItABug() {
        assertEquals(ExitCodes.INTERNAL, report(new OutOfMemoryError("Java heap space"), Map.of()));
        String line = err.toString().strip();
        assertTrue(line.startsWith("headroom: error: out of memory: the analysis needs more than this JVM's maximum heap of "),
                line);
        assertTrue(!line.contains("internal error") && !line.contains("\n"), line);
    }

    @Test
    void outOfMemoryAdvisesAtLeastTwiceTheHeap() {
        assertEquals("out of memory: the analysis needs more than this JVM's maximum heap of 1024 MiB; give it more, for"
                + " example HEADROOM_OPTS=-Xmx2g with bin/headroom, or java -Xmx2g -jar headroom.jar",
                ErrorReporter.outOfMemory(new OutOfMemoryError("Java heap space"), 1L << 30));
        String larger = ErrorReporter.outOfMemory(new OutOfMemoryError("Java heap space"), 3L << 30);
        assertTrue(larger.contains("-Xmx6g"), larger);
    }

    /** Out of memory with two analyses at once (--threads 2, the default on two processors): one thread needs less. */
    @Test
    void outOfMemoryWithTwoAnalysesAtOnceAlsoNamesOneThread() {
        OutOfMemoryError error = new OutOfMemory.WithTwoAnalyses(new OutOfMemoryError("Java heap space"));
        assertEquals(ExitCodes.INTERNAL, report(error, Map.of()));
        String line = err.toString().strip();
        assertTrue(line.startsWith("headroom: error: out of memory: the analysis needs more than this JVM's maximum heap of "),
                line);
        assertTrue(line.endsWith("-jar headroom.jar; or run the analyses one after the other (--threads 1), which holds"
                + " less at once"), line);
        assertTrue(!line.contains("\n"), line);
    }

    @Test
    void exitExceptionCarriesItsCode() {
        assertEquals(ExitCodes.INPUT, report(ExitException.input("input not found: x"), Map.of()));
        assertEquals("headroom: error: input not found: x", err.toString().strip());
    }
}
