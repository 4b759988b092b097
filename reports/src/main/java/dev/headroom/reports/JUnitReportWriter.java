package dev.headroom.reports;

import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.Location;
import dev.headroom.core.model.MemoryItem;
import dev.headroom.core.model.MemoryReport;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.Root;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.model.Severity;
import dev.headroom.core.model.StackUsage;
import dev.headroom.core.model.TimingReport;
import dev.headroom.core.model.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JUnit XML report, so that any CI shows a failing root or budget as a failing test.
 *
 * <p>One {@code <testsuite name="headroom">} in a {@code <testsuites>}. Test cases, in this order:
 * <ul>
 *   <li>one per root, in model order ({@code classname} the root's class, {@code name} method and
 *       descriptor), failing when the root has unsuppressed errors: one {@code <failure>} whose
 *       {@code type} is the first failing rule and whose text lists every error with its location and
 *       chain; warnings and suppressed findings go to {@code <system-out>};</li>
 *   <li>{@code findings-without-root}, only when some findings are tied to no root;</li>
 *   <li>{@code memory.ram-budget} when there is a RAM budget, {@code memory.stack.<root>} for each root
 *       with a stack verdict, {@code timing.<root>} for each root with a deadline; failing on a fail
 *       verdict.</li>
 * </ul>
 * Budget test cases have {@code classname} {@code headroom.memory} or {@code headroom.timing}.
 *
 * <p>Written with the JDK's own {@link XMLStreamWriter} (never one that happens to be on the classpath,
 * so the bytes do not depend on it), which escapes markup; characters XML 1.0 cannot carry
 * (control characters, lone surrogates) are written as <code>&#92;uXXXX</code>. No timestamps or
 * durations: the same result gives the same bytes.
 */
public final class JUnitReportWriter implements ReportWriter {

    static final String SUITE_NAME = "headroom";
    static final String UNTIED_NAME = "findings-without-root";
    static final String MEMORY_CLASS = "headroom.memory";
    static final String TIMING_CLASS = "headroom.timing";
    static final String RAM_BUDGET_NAME = "memory.ram-budget";

    /** One test case, built before writing so that the counts can go first. */
    private record TestCase(String className, String name, Failure failure, String systemOut) {
    }

    private record Failure(String type, String message, String body) {
    }

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        List<TestCase> cases = new ArrayList<>();
        addRootCases(result, cases);
        addMemoryCases(result.memory(), cases);
        addTimingCases(result.timing(), cases);
        long failures = cases.stream().filter(c -> c.failure() != null).count();

        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", SUITE_NAME);
            xml.writeAttribute("tests", Integer.toString(cases.size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            newline(xml, 1);
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", SUITE_NAME);
            xml.writeAttribute("tests", Integer.toString(cases.size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            newline(xml, 2);
            writeProperties(xml, result);
            for (TestCase testCase : cases) {
                newline(xml, 2);
                writeTestCase(xml, testCase);
            }
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
            xml.writeAttribute("value", xmlSafe(property.getValue()));
        }
        newline(xml, 2);
        xml.writeEndElement();
    }

    private static void writeTestCase(XMLStreamWriter xml, TestCase testCase) throws XMLStreamException {
        boolean empty = testCase.failure() == null && testCase.systemOut() == null;
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("classname", xmlSafe(testCase.className()));
        xml.writeAttribute("name", xmlSafe(testCase.name()));
        if (empty) {
            return;
        }
        if (testCase.failure() != null) {
            Failure failure = testCase.failure();
            newline(xml, 3);
            xml.writeStartElement("failure");
            xml.writeAttribute("type", xmlSafe(failure.type()));
            xml.writeAttribute("message", xmlSafe(failure.message()));
            xml.writeCharacters(xmlSafe(failure.body()));
            xml.writeEndElement();
        }
        if (testCase.systemOut() != null) {
            newline(xml, 3);
            xml.writeStartElement("system-out");
            xml.writeCharacters(xmlSafe(testCase.systemOut()));
            xml.writeEndElement();
        }
        newline(xml, 2);
        xml.writeEndElement();
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    // ---- roots

    private static void addRootCases(AnalysisResult result, List<TestCase> cases) {
        // Insertion order: roots in model order, then roots only findings name, in order of appearance.
        Map<MethodId, List<Finding>> byRoot = new LinkedHashMap<>();
        for (Root root : result.roots()) {
            byRoot.putIfAbsent(root.method(), new ArrayList<>());
        }
        List<Finding> untied = new ArrayList<>();
        for (Finding finding : result.findings()) {
            if (finding.root() == null) {
                untied.add(finding);
            } else {
                byRoot.computeIfAbsent(finding.root(), m -> new ArrayList<>()).add(finding);
            }
        }
        for (Map.Entry<MethodId, List<Finding>> group : byRoot.entrySet()) {
            MethodId root = group.getKey();
            cases.add(findingsCase(root.className(), root.name() + root.descriptor(), group.getValue()));
        }
        if (!untied.isEmpty()) {
            cases.add(findingsCase(SUITE_NAME, UNTIED_NAME, untied));
        }
    }

    private static TestCase findingsCase(String className, String name, List<Finding> findings) {
        List<Finding> errors = new ArrayList<>();
        StringBuilder systemOut = new StringBuilder();
        for (Finding finding : findings) {
            if (!finding.suppressed() && finding.severity() == Severity.ERROR) {
                errors.add(finding);
            } else if (!finding.suppressed()) {
                describe(systemOut, finding);
            }
        }
        for (Finding finding : findings) {
            if (finding.suppressed()) {
                describe(systemOut, finding);
            }
        }
        Failure failure = null;
        if (!errors.isEmpty()) {
            StringBuilder body = new StringBuilder();
            List<String> rules = new ArrayList<>();
            for (Finding error : errors) {
                describe(body, error);
                String rule = error.rule().id();
                if (!rules.contains(rule)) {
                    rules.add(rule);
                }
            }
            String message = errors.size() + (errors.size() == 1 ? " error: " : " errors: ") + String.join(", ", rules);
            failure = new Failure(errors.get(0).rule().id(), message, body.toString());
        }
        return new TestCase(className, name, failure, systemOut.length() == 0 ? null : systemOut.toString());
    }

    /**
     * One finding, its first line in the form of a stack trace element ({@code at
     * com.acme.Motor.onTick(Motor.java:42)}) so that CI tools link it to the source.
     */
    private static void describe(StringBuilder text, Finding finding) {
        if (text.length() > 0) {
            text.append('\n');
        }
        text.append(finding.suppressed() ? "suppressed " + finding.severity().id() : finding.severity().id())
                .append(' ').append(finding.rule().id())
                .append(finding.coldPath() ? " (cold path)" : "")
                .append(" at ").append(where(finding.location())).append('\n');
        if (finding.message() != null) {
            text.append("  ").append(finding.message()).append('\n');
        }
        if (finding.suppressed() && finding.suppressionReason() != null) {
            text.append("  reason: ").append(finding.suppressionReason()).append('\n');
        }
        if (finding.remedy() != null) {
            text.append("  remedy: ").append(finding.remedy()).append('\n');
        }
        List<Frame> chain = finding.callChain();
        for (int i = 0; i < chain.size(); i++) {
            Frame frame = chain.get(i);
            text.append(i == 0 ? "  chain: " : "         -> ")
                    .append(frame.method().className()).append('.').append(frame.method().name())
                    .append(frame.line() > 0 ? ":" + frame.line() : "").append('\n');
        }
    }

    /** {@code com.acme.Motor.onTick(Motor.java:42)}; {@code Unknown Source} without a file. */
    private static String where(Location location) {
        MethodId method = location.method();
        String file = location.file() == null ? "Unknown Source" : location.file();
        return method.className() + "." + method.name() + "(" + file
                + (location.line() > 0 && location.file() != null ? ":" + location.line() : "") + ")";
    }

    // ---- budgets

    private static void addMemoryCases(MemoryReport memory, List<TestCase> cases) {
        if (memory == null) {
            return;
        }
        if (memory.verdict() != null) {
            StringBuilder out = new StringBuilder();
            out.append("layout ").append(memory.layout()).append('\n');
            out.append("total ").append(memory.totalBytes()).append(" bytes")
                    .append(memory.bounded() ? "" : " (a lower bound: some static state cannot be bounded)")
                    .append('\n');
            if (memory.budgetBytes() != null) {
                long budget = memory.budgetBytes();
                out.append("budget ").append(budget).append(" bytes, headroom ")
                        .append(budget - memory.totalBytes()).append(" bytes\n");
            }
            for (MemoryItem item : memory.items()) {
                out.append("  ").append(item.bytes()).append(" bytes  ").append(item.field())
                        .append(" (").append(item.type())
                        .append(item.detail() == null ? "" : ": " + item.detail()).append(")\n");
            }
            Failure failure = null;
            if (memory.verdict() == Verdict.FAIL) {
                String message = memory.budgetBytes() == null
                        ? "the static footprint fails the RAM budget"
                        : "static footprint of " + memory.totalBytes() + " bytes"
                                + (memory.bounded() ? "" : " or more")
                                + " is above the RAM budget of " + memory.budgetBytes() + " bytes";
                failure = new Failure("ram-budget-exceeded", message, out.toString());
            }
            cases.add(new TestCase(MEMORY_CLASS, RAM_BUDGET_NAME, failure, failure == null ? out.toString() : null));
        }
        for (StackUsage stack : memory.stack()) {
            if (stack.verdict() == null) {
                continue;
            }
            String size = stack.bytes() + " bytes" + (stack.bounded() ? "" : " or more (unbounded)");
            Failure failure = stack.verdict() == Verdict.FAIL
                    ? new Failure("stack-budget-exceeded",
                            "worst-case stack of " + size + " is above the stack budget",
                            "root " + stack.root() + "\nworst-case stack " + size + "\n")
                    : null;
            cases.add(new TestCase(MEMORY_CLASS, "memory.stack." + stack.root(), failure,
                    failure == null ? "worst-case stack " + size + "\n" : null));
        }
    }

    private static void addTimingCases(TimingReport timing, List<TestCase> cases) {
        if (timing == null) {
            return;
        }
        for (RootTiming root : timing.roots()) {
            if (root.verdict() == null) {
                continue;
            }
            String unit = " cycles of cost model " + timing.costModel();
            String bound = root.bounded() ? "WCET bound " + root.wcet() : "no WCET bound (unbounded)";
            String deadline = root.deadline() == null ? "" : " deadline " + root.deadline();
            StringBuilder out = new StringBuilder();
            out.append(bound).append(',').append(deadline.isEmpty() ? " no deadline" : deadline).append(unit);
            if (root.bounded() && root.deadline() != null) {
                out.append(", slack ").append(root.deadline() - root.wcet());
            }
            out.append('\n');
            if (!root.worstPath().isEmpty()) {
                out.append("worst path:\n");
                for (String step : root.worstPath()) {
                    out.append("  ").append(step).append('\n');
                }
            }
            Failure failure = null;
            if (root.verdict() == Verdict.FAIL) {
                String message = root.bounded()
                        ? "WCET bound " + root.wcet() + " is above the deadline of " + root.deadline() + unit
                        : "no WCET bound (unbounded) against the deadline of " + root.deadline() + unit;
                failure = new Failure("deadline-exceeded", message, out.toString());
            }
            cases.add(new TestCase(TIMING_CLASS, "timing." + root.root(), failure,
                    failure == null ? out.toString() : null));
        }
    }

    // ---- characters

    /**
     * The text with every character XML 1.0 cannot represent (controls other than tab, newline and
     * carriage return; lone surrogates; U+FFFE, U+FFFF) written as <code>&#92;uXXXX</code>.
     */
    static String xmlSafe(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (ok) {
                    if (sb != null) {
                        sb.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xfffe && c != 0xffff);
            }
            if (!ok && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (ok) {
                    sb.append(c);
                } else {
                    sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                }
            }
        }
        return sb == null ? text : sb.toString();
    }
}
