package dev.headroom.reports;

import static dev.headroom.reports.ReportFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.Location;
import dev.headroom.core.model.JavaSignatures;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.Severity;
import dev.headroom.core.model.Verdict;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class JUnitReportWriterTest {

    private static final String TELEMETRY = "com.example.telemetry.TelemetryHandler";
    private static final String MOTOR = "com.example.motor.Motor";

    @Test
    void everyFixtureIsValidAgainstTheAntAndTheJenkinsSchema() {
        for (Map.Entry<String, AnalysisResult> fixture : ReportFixtures.all().entrySet()) {
            String xml = render(new JUnitReportWriter(), fixture.getValue());
            assertEquals(List.of(), JUnitSchemas.violations(JUnitSchemas.ANT, xml), fixture.getKey() + " (Ant):\n" + xml);
            assertEquals(List.of(), JUnitSchemas.violations(JUnitSchemas.JENKINS, xml),
                    fixture.getKey() + " (Jenkins):\n" + xml);
        }
    }

    @Test
    void schemaValidationIsNotVacuous() {
        String xml = render(new JUnitReportWriter(), ReportFixtures.fixture());
        String twoFailures = xml.replaceFirst("(<failure [^>]*>)", "$1</failure><failure type=\"x\">");
        String noTimestamp = xml.replaceFirst(" timestamp=\"[^\"]*\"", "");
        String badTime = xml.replaceFirst(" time=\"0\"", " time=\"soon\"");
        for (String broken : List.of(twoFailures, noTimestamp, badTime)) {
            assertFalse(JUnitSchemas.violations(JUnitSchemas.ANT, broken).isEmpty(), broken);
        }
        assertFalse(JUnitSchemas.violations(JUnitSchemas.JENKINS, xml.replace("<testsuite ", "<testsuite bogus=\"1\" "))
                .isEmpty());
    }

    @Test
    void eachUnsuppressedErrorIsOneFailingTestCase() {
        for (Map.Entry<String, AnalysisResult> fixture : ReportFixtures.all().entrySet()) {
            Document doc = parse(render(new JUnitReportWriter(), fixture.getValue()));
            Element suites = doc.getDocumentElement();
            assertEquals("testsuites", suites.getTagName(), fixture.getKey());
            List<Element> suiteList = children(suites, "testsuite");
            assertEquals(1, suiteList.size(), fixture.getKey());
            Element suite = suiteList.get(0);
            assertEquals("headroom", suite.getAttribute("name"));
            List<Element> cases = children(suite, "testcase");
            List<String> failureTypes = new ArrayList<>();
            for (Element testCase : cases) {
                children(testCase, "failure").forEach(f -> failureTypes.add(f.getAttribute("type")));
            }
            List<String> errorRules = fixture.getValue().findings().stream()
                    .filter(f -> !f.suppressed() && f.severity() == Severity.ERROR)
                    .map(f -> f.rule().id()).sorted().toList();
            assertEquals(errorRules, failureTypes.stream().sorted().toList(),
                    fixture.getKey() + ": one failure per error, typed by its rule");
            assertEquals(Integer.toString(cases.size()), suite.getAttribute("tests"), fixture.getKey());
            assertEquals(Integer.toString(errorRules.size()), suite.getAttribute("failures"), fixture.getKey());
            assertEquals("0", suite.getAttribute("errors"));
        }
    }

    @Test
    void eachErrorOfARootIsItsOwnTestCaseNamedInJava() {
        Element suite = suite(ReportFixtures.fixture());
        assertEquals(List.of(
                MOTOR + " onTick()",
                TELEMETRY + " onSample(long): heap-allocation in Motor.Filter.apply(double)",
                TELEMETRY + " onSample(long): growable-collection"), names(suite),
                "the clean root passes; the other has two errors, each a test case");
        assertEquals("2", suite.getAttribute("failures"));

        Element onTick = testCase(suite, MOTOR, "onTick()");
        assertTrue(children(onTick, "failure").isEmpty());

        Element growth = children(testCase(suite, TELEMETRY, "onSample(long): growable-collection"), "failure").get(0);
        assertEquals("growable-collection", growth.getAttribute("type"));
        assertTrue(growth.getAttribute("message").startsWith("call to java.util.ArrayList#add"),
                growth.getAttribute("message"));
        String body = growth.getTextContent();
        assertTrue(body.startsWith("error growable-collection at " + TELEMETRY + ".onSample(TelemetryHandler.java:31)\n"),
                body);
        assertTrue(body.contains("  chain: " + TELEMETRY + ".onSample:31\n"), body);
        assertTrue(body.contains("         -> java.lang.reflect.Array.newInstance\n"), body);
        assertTrue(body.contains("remedy: preallocate a fixed-size array"), body);
        assertFalse(body.contains("heap-allocation"), "one finding per failure");

        Element boxing = children(testCase(suite, TELEMETRY,
                "onSample(long): heap-allocation in Motor.Filter.apply(double)"), "failure").get(0);
        assertEquals("heap-allocation", boxing.getAttribute("type"));
        assertTrue(boxing.getTextContent().startsWith(
                "error heap-allocation at com.example.motor.Motor$Filter.apply(Unknown Source)"), boxing.getTextContent());
    }

    @Test
    void warningsAndSuppressedFindingsAreTheSuitesNotes() {
        Element suite = suite(ReportFixtures.fixture());
        String out = children(suite, "system-out").get(0).getTextContent();
        assertTrue(out.startsWith(TELEMETRY + " onSample(long)\n"
                + "  warning heap-allocation (cold path) at " + TELEMETRY + ".fail(TelemetryHandler.java:40)\n"), out);
        assertTrue(out.contains("  suppressed error heap-allocation at " + TELEMETRY + ".onSample(TelemetryHandler.java:33)"),
                out);
        assertTrue(out.contains("    reason: one sample object per second, measured"), out);
        assertTrue(out.contains("findings without a root\n  warning unused-suppression at " + MOTOR
                + ".calibrate(Motor.java:12)"), out);
        assertEquals("", children(suite, "system-err").get(0).getTextContent());
    }

    @Test
    void aBudgetErrorFailsItsBudgetTestCaseOnly() {
        Element suite = suite(ReportFixtures.budgets());
        assertEquals(List.of(
                MOTOR + " calibrate()",
                MOTOR + " onTick()",
                TELEMETRY + " onSample(long): growable-collection",
                "headroom.memory memory.ram-budget",
                "headroom.memory memory.stack." + MOTOR + ".calibrate()",
                "headroom.memory memory.stack." + MOTOR + ".onTick()",
                "headroom.memory memory.stack." + TELEMETRY + ".onSample(long)",
                "headroom.timing timing." + MOTOR + ".onTick()",
                "headroom.timing timing." + TELEMETRY + ".onSample(long)"), names(suite),
                "calibrate has no deadline: no timing test case; onSample's stack and deadline errors are not"
                        + " repeated under the root");
        assertEquals("9", suite.getAttribute("tests"));
        assertEquals("3", suite.getAttribute("failures"));

        Element stackFailure = children(testCase(suite, "headroom.memory", "memory.stack." + TELEMETRY + ".onSample(long)"),
                "failure").get(0);
        assertEquals("stack-budget-exceeded", stackFailure.getAttribute("type"));
        assertEquals("worst-case stack of 4096 bytes is above the stack budget of 2048 bytes",
                stackFailure.getAttribute("message"));
        assertTrue(stackFailure.getTextContent().endsWith("worst-case stack 4096 bytes\n"), stackFailure.getTextContent());

        Element late = children(testCase(suite, "headroom.timing", "timing." + TELEMETRY + ".onSample(long)"),
                "failure").get(0);
        assertEquals("deadline-exceeded", late.getAttribute("type"));
        assertTrue(late.getTextContent().contains("no WCET bound (unbounded), deadline 2000 cycles of cost model unit\n"),
                late.getTextContent());
        assertTrue(late.getTextContent().contains("  unbounded loop at TelemetryHandler.java:36"), late.getTextContent());

        String out = children(suite, "system-out").get(0).getTextContent();
        assertTrue(out.contains("headroom.memory memory.ram-budget\n  layout hotspot-coops\n  total 12504 bytes\n"
                + "  budget 65536 bytes, headroom 53032 bytes\n"), out);
        assertTrue(out.contains("    8208 bytes  com.example.motor.Motor.history (long[]: long[1024])"), out);
        assertTrue(out.contains("headroom.timing timing." + MOTOR + ".onTick()\n"
                + "  WCET bound 1234, deadline 5000 cycles of cost model unit, slack 3766\n"), out);
        assertTrue(out.contains(MOTOR + " onTick()\n  warning unresolved-call"), out);
    }

    @Test
    void ramBudgetFiguresNameTheInitialisationRootOfAnItem() {
        String out = children(suite(ReportFixtures.initRoots()), "system-out").get(0).getTextContent();
        assertTrue(out.contains("  total 13640 bytes\n"), out);
        assertTrue(out.contains("    1040 bytes  com.example.telemetry.TelemetryApp.start line 12 (byte[]: byte[1024])"
                + "  (start-up: TelemetryApp.start())\n"), out);
        assertTrue(out.contains("    96 bytes  com.example.telemetry.TelemetryApp.handler"
                + " (com.example.telemetry.TelemetryHandler)  (start-up: TelemetryApp.start())\n"), out);
        assertTrue(out.contains("    8208 bytes  com.example.motor.Motor.history (long[]: long[1024])\n"),
                "static state is not marked: " + out);
    }

    @Test
    void ramBudgetFailsOnceWhenTheFootprintIsOver() {
        Element suite = suite(ReportFixtures.overBudget());
        assertEquals("8", suite.getAttribute("tests"));
        assertEquals("4", suite.getAttribute("failures"));
        Element failure = children(testCase(suite, "headroom.memory", "memory.ram-budget"), "failure").get(0);
        assertEquals("ram-budget-exceeded", failure.getAttribute("type"));
        assertEquals("static footprint of 12504 bytes is above the RAM budget of 12000 bytes",
                failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("budget 12000 bytes, headroom -504 bytes"), failure.getTextContent());
        assertTrue(names(suite).stream().noneMatch(n -> n.contains("static initializer")),
                "the RAM error is not repeated as a finding of its own: " + names(suite));
        assertTrue(names(suite).contains(TELEMETRY + " onSample(long): deadline-exceeded"),
                "no timing analysis, no timing test case: the deadline error is the root's");
    }

    @Test
    void anErrorWithoutARootOrBudgetIsATestCaseOfItsClass() {
        AnalysisResult base = ReportFixtures.overBudget();
        AnalysisResult noMemory = new AnalysisResult(base.toolVersion(), Verdict.FAIL, base.failReason(),
                base.dispatch(), base.summary(), base.roots(), base.findings(), base.inputProblems(), null, null);
        Element failure = children(testCase(suite(noMemory), MOTOR, "static initializer: ram-budget-exceeded"),
                "failure").get(0);
        assertEquals("ram-budget-exceeded", failure.getAttribute("type"));
    }

    @Test
    void twoErrorsWithTheSameNameAreNumbered() {
        AnalysisResult base = ReportFixtures.fixture();
        MethodId root = ReportFixtures.ON_SAMPLE;
        List<Finding> findings = new ArrayList<>();
        for (int line : new int[] {31, 32}) {
            findings.add(new Finding(Rule.HEAP_ALLOCATION, Severity.ERROR, "new Object at " + line, null, false, null,
                    new Location(root, "TelemetryHandler.java", line), root, List.of(new Frame(root, line)), false, 1));
        }
        AnalysisResult twice = new AnalysisResult(base.toolVersion(), Verdict.FAIL, base.failReason(),
                base.dispatch(), base.summary(), base.roots(), findings, List.of(), null, null);
        Element suite = suite(twice);
        assertEquals("new Object at 31", children(testCase(suite, TELEMETRY, "onSample(long): heap-allocation"),
                "failure").get(0).getAttribute("message"));
        assertEquals("new Object at 32", children(testCase(suite, TELEMETRY, "onSample(long): heap-allocation (2)"),
                "failure").get(0).getAttribute("message"));
    }

    @Test
    void noBudgetNoBudgetTestCases() {
        Element suite = suite(ReportFixtures.unbudgeted());
        assertEquals(List.of(MOTOR + " onTick()", TELEMETRY + " onSample(long)"), names(suite), "the two roots only");
        assertEquals("0", suite.getAttribute("failures"));
    }

    @Test
    void timeIsZeroAndTheTimestampIsTheOneGiven() {
        Element suites = parse(render(new JUnitReportWriter(), ReportFixtures.budgets())).getDocumentElement();
        Element suite = children(suites, "testsuite").get(0);
        assertEquals("0", suite.getAttribute("time"));
        assertEquals("1970-01-01T00:00:00", suite.getAttribute("timestamp"), "by default: the epoch, not the clock");
        assertEquals("localhost", suite.getAttribute("hostname"));
        for (Element testCase : children(suite, "testcase")) {
            assertEquals("0", testCase.getAttribute("time"), testCase.getAttribute("name"));
        }
        String given = render(new JUnitReportWriter(Instant.parse("2023-11-14T22:13:20.5Z")), ReportFixtures.budgets());
        assertEquals("2023-11-14T22:13:20",
                children(parse(given).getDocumentElement(), "testsuite").get(0).getAttribute("timestamp"));
        assertEquals("2023-11-14T22:13:20", children(parse(render(ReportFormat.JUNIT.newWriter(
                        new ReportSettings(null, Instant.ofEpochSecond(1700000000))), ReportFixtures.budgets()))
                .getDocumentElement(), "testsuite").get(0).getAttribute("timestamp"), "through the settings");
    }

    @Test
    void escapesHostileNamesAndText() {
        String xml = render(new JUnitReportWriter(), ReportFixtures.hostile());
        assertFalse(xml.contains("<script>"), xml);
        Element suite = children(parse(xml).getDocumentElement(), "testsuite").get(0);
        Element rootCase = testCase(suite, ReportFixtures.HOSTILE_ROOT.className(),
                ReportFixtures.HOSTILE_ROOT.name() + "(): heap-allocation");
        Element failure = children(rootCase, "failure").get(0);
        String body = failure.getTextContent();
        assertTrue(body.contains(ReportFixtures.HOSTILE_MESSAGE + " ]]> \\u0001 \\ud800 end"), body);
        assertTrue(body.contains("at com.example.<script>alert(1)</script>.on\"Tick\"&'x'(Evil<&>\".java:5)"), body);
        assertTrue(body.contains("remedy: don't <b>"), body);

        Element properties = children(suite, "properties").get(0);
        assertTrue(children(properties, "property").stream()
                .anyMatch(p -> p.getAttribute("name").equals("headroom.failReason")
                        && p.getAttribute("value").equals("1 error <&>")));

        String ram = children(suite, "system-out").get(0).getTextContent();
        assertTrue(ram.contains("com.example.<script>.x (int[]<&>: \"quoted\" & <b>)"), ram);
    }

    @Test
    void xmlSafeReplacesWhatXmlCannotCarry() {
        assertEquals("a\tb\nc\\u0000d\\u001be\\ud800f\ud83d\ude00g\\ufffe",
                CharacterEscapes.xml("a\tb\nc\u0000d\u001be\ud800f\ud83d\ude00g\ufffe"));
        assertEquals("plain <&>", CharacterEscapes.xml("plain <&>"));
    }

    @Test
    void javaSignaturesOfMethods() {
        assertEquals("onSample(String, long)", JavaSignatures.method(
                new MethodId("a.B", "onSample", "(Ljava/lang/String;J)V")));
        assertEquals("push(int[][], Map.Entry, Outer$1)", JavaSignatures.method(
                new MethodId("a.B", "push", "([[ILjava/util/Map$Entry;La/Outer$1;)Z")));
        assertEquals("Ring(int)", JavaSignatures.method(new MethodId("a.Outer$Ring", "<init>", "(I)V")));
        assertEquals("a.Outer.Ring static initializer", JUnitTestCases.qualified(new MethodId("a.Outer$Ring", "<clinit>", "()V")));
        assertEquals("Outer.Ring.run()", JUnitTestCases.simple(new MethodId("a.Outer$Ring", "run", "()V")));
    }

    @Test
    void writesADeclarationAndIsDeterministic() {
        for (AnalysisResult result : ReportFixtures.all().values()) {
            String xml = render(new JUnitReportWriter(), result);
            assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml);
            assertTrue(xml.endsWith("</testsuites>\n"), xml);
            assertEquals(xml, render(new JUnitReportWriter(), result));
        }
    }

    @Test
    void emptyResultHasNoTestCases() {
        Element suite = suite(ReportFixtures.empty());
        assertEquals("0", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        assertTrue(children(suite, "testcase").isEmpty());
        Element verdict = children(children(suite, "properties").get(0), "property").stream()
                .filter(p -> p.getAttribute("name").equals("headroom.verdict")).findFirst().orElseThrow();
        assertEquals("pass", verdict.getAttribute("value"));
    }

    private static List<String> names(Element suite) {
        List<String> names = new ArrayList<>();
        for (Element testCase : children(suite, "testcase")) {
            names.add(testCase.getAttribute("classname") + " " + testCase.getAttribute("name"));
        }
        return names;
    }

    private static Element suite(AnalysisResult result) {
        return children(parse(render(new JUnitReportWriter(), result)).getDocumentElement(), "testsuite").get(0);
    }

    private static Element testCase(Element suite, String className, String name) {
        Element found = null;
        for (Element testCase : children(suite, "testcase")) {
            if (testCase.getAttribute("classname").equals(className) && testCase.getAttribute("name").equals(name)) {
                assertNull(found, "two test cases " + className + " " + name);
                found = testCase;
            }
        }
        assertNotNull(found, "no test case " + className + " " + name);
        return found;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }
}
