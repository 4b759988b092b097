package dev.headroom.reports;

import dev.headroom.core.model.AnalysisResult;
import dev.headroom.reports.JUnitTestCases.TestCase;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JUnit XML report, so that any CI shows a failing root or budget as a failing test and counts each
 * error once. Valid against both the Ant JUnit schema (the strict one) and Jenkins' {@code junit-10.xsd}.
 *
 * <p>One {@code <testsuite name="headroom">} in a {@code <testsuites>} (which carries no attributes: the Ant
 * schema allows none); its test cases and notes are
 * {@link JUnitTestCases}'. Test cases, in this order: the roots' ({@code classname} the root's class),
 * the errors tied to no root ({@code classname} the class they are in), {@code memory.ram-budget} when there
 * is a RAM budget, {@code memory.stack.<root>} for each root with a stack budget, {@code timing.<root>} for
 * each root with a deadline ({@code classname} {@code headroom.memory} or {@code headroom.timing}). Each
 * failure's {@code type} is its rule's id.
 *
 * <p>Nothing is run, so every {@code time} is 0; the suite's {@code timestamp} is the one the writer is
 * given (UTC, without a zone, as the Ant schema wants), never the clock, and the {@code hostname} is
 * {@code localhost}: the same result gives the same bytes.
 *
 * <p>Written with the JDK's own {@link XMLStreamWriter} (never one that happens to be on the classpath,
 * so the bytes do not depend on it), which escapes markup; characters XML 1.0 cannot carry
 * (control characters, lone surrogates, U+FFFE, U+FFFF) and those that would act on a terminal showing the
 * text (C1 controls, bidi overrides) are written as <code>&#92;uXXXX</code> ({@link CharacterEscapes#xml}).
 */
public final class JUnitReportWriter implements ReportWriter {

    static final String SUITE_NAME = "headroom";
    static final String HOSTNAME = "localhost";
    static final String TIME = "0";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Instant timestamp;

    /** A writer whose suite has the epoch as its timestamp. */
    public JUnitReportWriter() {
        this(Instant.EPOCH);
    }

    /** @param timestamp the suite's {@code timestamp} (see {@link ReportSettings#timestamp()}) */
    public JUnitReportWriter(Instant timestamp) {
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    }

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        JUnitTestCases built = JUnitTestCases.of(result);
        List<TestCase> cases = built.cases();
        String tests = Integer.toString(cases.size());
        String failures = Long.toString(cases.stream().filter(c -> c.failure() != null).count());

        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            // No attributes: the Ant schema allows none here; the counts are the suite's.
            xml.writeStartElement("testsuites");
            newline(xml, 1);
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", SUITE_NAME);
            xml.writeAttribute("package", SUITE_NAME);
            xml.writeAttribute("id", "0");
            xml.writeAttribute("tests", tests);
            xml.writeAttribute("failures", failures);
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", TIME);
            xml.writeAttribute("timestamp", TIMESTAMP.format(timestamp));
            xml.writeAttribute("hostname", HOSTNAME);
            newline(xml, 2);
            writeProperties(xml, result);
            for (TestCase testCase : cases) {
                newline(xml, 2);
                writeTestCase(xml, testCase);
            }
            newline(xml, 2);
            if (built.notes().isEmpty()) {
                xml.writeEmptyElement("system-out");
            } else {
                xml.writeStartElement("system-out");
                xml.writeCharacters(CharacterEscapes.xml(built.notes()));
                xml.writeEndElement();
            }
            newline(xml, 2);
            xml.writeEmptyElement("system-err");
            newline(xml, 1);
            xml.writeEndElement();
            newline(xml, 0);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            // XMLStreamWriter.close() does not close the underlying writer, and is not needed here.
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit XML report: " + e.getMessage(), e);
        }
        out.write('\n');
        out.flush();
    }

    private static void writeProperties(XMLStreamWriter xml, AnalysisResult result) throws XMLStreamException {
        Map<String, String> properties = new LinkedHashMap<>();
        if (result.toolVersion() != null) {
            properties.put("headroom.version", result.toolVersion());
        }
        properties.put("headroom.verdict", result.verdict().id());
        if (result.failReason() != null) {
            properties.put("headroom.failReason", result.failReason());
        }
        if (result.dispatch() != null) {
            properties.put("headroom.dispatch", result.dispatch());
        }
        xml.writeStartElement("properties");
        for (Map.Entry<String, String> property : properties.entrySet()) {
            newline(xml, 3);
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", property.getKey());
            xml.writeAttribute("value", CharacterEscapes.xml(property.getValue()));
        }
        newline(xml, 2);
        xml.writeEndElement();
    }

    private static void writeTestCase(XMLStreamWriter xml, TestCase testCase) throws XMLStreamException {
        if (testCase.failure() == null) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("classname", CharacterEscapes.xml(testCase.className()));
        xml.writeAttribute("name", CharacterEscapes.xml(testCase.name()));
        xml.writeAttribute("time", TIME);
        if (testCase.failure() == null) {
            return;
        }
        JUnitTestCases.Failure failure = testCase.failure();
        newline(xml, 3);
        xml.writeStartElement("failure");
        xml.writeAttribute("type", CharacterEscapes.xml(failure.type()));
        xml.writeAttribute("message", CharacterEscapes.xml(failure.message()));
        xml.writeCharacters(CharacterEscapes.xml(failure.body()));
        xml.writeEndElement();
        newline(xml, 2);
        xml.writeEndElement();
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

}
