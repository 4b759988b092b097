package dev.headroom.reports;

import static dev.headroom.reports.ReportFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.model.AnalysisResult;
import java.io.IOException;
import java.io.StringReader;
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
    void oneSuiteWithCountsThatMatchTheTestCases() {
        for (Map.Entry<String, AnalysisResult> fixture : ReportFixtures.all().entrySet()) {
            Document doc = parse(render(new JUnitReportWriter(), fixture.getValue()));
            Element suites = doc.getDocumentElement();
            assertEquals("testsuites", suites.getTagName(), fixture.getKey());
            List<Element> suiteList = children(suites, "testsuite");
            assertEquals(1, suiteList.size(), fixture.getKey());
            Element suite = suiteList.get(0);
            assertEquals("headroom", suite.getAttribute("name"));
            int cases = children(suite, "testcase").size();
            long failing = children(suite, "testcase").stream().filter(c -> !children(c, "failure").isEmpty()).count();
            assertEquals(Integer.toString(cases), suite.getAttribute("tests"), fixture.getKey());
            assertEquals(Long.toString(failing), suite.getAttribute("failures"), fixture.getKey());
            assertEquals("0", suite.getAttribute("errors"));
            assertEquals(suite.getAttribute("tests"), suites.getAttribute("tests"));
            assertEquals(suite.getAttribute("failures"), suites.getAttribute("failures"));
            for (Element testCase : children(suite, "testcase")) {
                assertTrue(children(testCase, "failure").size() <= 1, "one failure element per test case");
            }
        }
    }

    @Test
    void oneTestCasePerRootFailingWithItsUnsuppressedErrors() {
        Element suite = suite(ReportFixtures.fixture());
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        List<Element> cases = children(suite, "testcase");

        Element onTick = cases.get(0);
        assertEquals(MOTOR, onTick.getAttribute("classname"));
        assertEquals("onTick()V", onTick.getAttribute("name"));
        assertTrue(children(onTick, "failure").isEmpty());
        assertTrue(children(onTick, "system-out").isEmpty(), "a clean root has nothing to say");

        Element onSample = cases.get(1);
        assertEquals(TELEMETRY, onSample.getAttribute("classname"));
        assertEquals("onSample(J)V", onSample.getAttribute("name"));
        Element failure = children(onSample, "failure").get(0);
        assertEquals("heap-allocation", failure.getAttribute("type"), "the first failing rule in model order");
        assertEquals("2 errors: heap-allocation, growable-collection", failure.getAttribute("message"));
        String body = failure.getTextContent();
        assertTrue(body.contains("error heap-allocation at com.example.motor.Motor$Filter.apply(Unknown Source)"), body);
        assertTrue(body.contains("error growable-collection at " + TELEMETRY + ".onSample(TelemetryHandler.java:31)"), body);
        assertTrue(body.contains("  chain: " + TELEMETRY + ".onSample:31\n"), body);
        assertTrue(body.contains("         -> java.lang.reflect.Array.newInstance\n"), body);
        assertTrue(body.contains("remedy: preallocate a fixed-size array"), body);
        assertFalse(body.contains("IllegalStateException"), "the cold-path warning is not a failure");
        assertFalse(body.contains("Sample\n"), "the suppressed finding is not a failure");

        String out = children(onSample, "system-out").get(0).getTextContent();
        assertTrue(out.startsWith("warning heap-allocation (cold path) at " + TELEMETRY + ".fail(TelemetryHandler.java:40)"),
                out);
        assertTrue(out.contains("suppressed error heap-allocation at " + TELEMETRY + ".onSample(TelemetryHandler.java:33)"),
                out);
        assertTrue(out.contains("reason: one sample object per second, measured"), out);
    }

    @Test
    void findingsWithoutRootHaveTheirOwnTestCase() {
        Element untied = testCase(suite(ReportFixtures.fixture()), "headroom", "findings-without-root");
        assertTrue(children(untied, "failure").isEmpty(), "a warning does not fail it");
        assertTrue(children(untied, "system-out").get(0).getTextContent()
                .startsWith("warning unused-suppression at " + MOTOR + ".calibrate(Motor.java:12)"));

        Element failing = testCase(suite(ReportFixtures.overBudget()), "headroom", "findings-without-root");
        assertEquals("ram-budget-exceeded", children(failing, "failure").get(0).getAttribute("type"));
    }

    @Test
    void budgetsAreTestCases() {
        Element suite = suite(ReportFixtures.budgets());
        List<String> names = new ArrayList<>();
        for (Element testCase : children(suite, "testcase")) {
            names.add(testCase.getAttribute("classname") + " " + testCase.getAttribute("name"));
        }
        assertEquals(List.of(
                MOTOR + " calibrate()V",
                MOTOR + " onTick()V",
                TELEMETRY + " onSample(J)V",
                "headroom.memory memory.ram-budget",
                "headroom.memory memory.stack." + MOTOR + "#calibrate()V",
                "headroom.memory memory.stack." + MOTOR + "#onTick()V",
                "headroom.memory memory.stack." + TELEMETRY + "#onSample(J)V",
                "headroom.timing timing." + MOTOR + "#onTick()V",
                "headroom.timing timing." + TELEMETRY + "#onSample(J)V"), names,
                "calibrate has no deadline: no timing test case");
        assertEquals("9", suite.getAttribute("tests"));
        assertEquals("3", suite.getAttribute("failures"));

        Element onSample = testCase(suite, TELEMETRY, "onSample(J)V");
        assertEquals("deadline-exceeded", children(onSample, "failure").get(0).getAttribute("type"));
        assertEquals("3 errors: deadline-exceeded, stack-budget-exceeded, growable-collection",
                children(onSample, "failure").get(0).getAttribute("message"));
        Element onTick = testCase(suite, MOTOR, "onTick()V");
        assertTrue(children(onTick, "failure").isEmpty());
        assertTrue(children(onTick, "system-out").get(0).getTextContent().contains("warning unresolved-call"));

        Element ram = testCase(suite, "headroom.memory", "memory.ram-budget");
        assertTrue(children(ram, "failure").isEmpty());
        String ramOut = children(ram, "system-out").get(0).getTextContent();
        assertTrue(ramOut.contains("total 12504 bytes"), ramOut);
        assertTrue(ramOut.contains("budget 65536 bytes, headroom 53032 bytes"), ramOut);
        assertTrue(ramOut.contains("8208 bytes  com.example.motor.Motor.history (long[]: long[1024])"), ramOut);

        Element stack = testCase(suite, "headroom.memory", "memory.stack." + TELEMETRY + "#onSample(J)V");
        Element stackFailure = children(stack, "failure").get(0);
        assertEquals("stack-budget-exceeded", stackFailure.getAttribute("type"));
        assertEquals("worst-case stack of 4096 bytes is above the stack budget", stackFailure.getAttribute("message"));
        assertTrue(children(testCase(suite, "headroom.memory", "memory.stack." + MOTOR + "#onTick()V"), "failure")
                .isEmpty());

        Element lateRoot = testCase(suite, "headroom.timing", "timing." + TELEMETRY + "#onSample(J)V");
        Element late = children(lateRoot, "failure").get(0);
        assertEquals("deadline-exceeded", late.getAttribute("type"));
        assertEquals("no WCET bound (unbounded) against the deadline of 2000 cycles of cost model unit",
                late.getAttribute("message"));
        assertTrue(late.getTextContent().contains("  unbounded loop at TelemetryHandler.java:36"), late.getTextContent());

        Element inTime = testCase(suite, "headroom.timing", "timing." + MOTOR + "#onTick()V");
        assertTrue(children(inTime, "failure").isEmpty());
        String timingOut = children(inTime, "system-out").get(0).getTextContent();
        assertTrue(timingOut.startsWith("WCET bound 1234, deadline 5000 cycles of cost model unit, slack 3766\n"),
                timingOut);
    }

    @Test
    void ramBudgetFailsWhenTheFootprintIsOver() {
        Element suite = suite(ReportFixtures.overBudget());
        assertEquals("8", suite.getAttribute("tests"));
        assertEquals("4", suite.getAttribute("failures"));
        Element failure = children(testCase(suite, "headroom.memory", "memory.ram-budget"), "failure").get(0);
        assertEquals("ram-budget-exceeded", failure.getAttribute("type"));
        assertEquals("static footprint of 12504 bytes is above the RAM budget of 12000 bytes",
                failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("budget 12000 bytes, headroom -504 bytes"), failure.getTextContent());
        assertTrue(children(suite, "testcase").stream().noneMatch(c -> c.getAttribute("name").startsWith("timing.")),
                "no timing analysis, no timing test case");
    }

    @Test
    void noBudgetNoBudgetTestCases() {
        Element suite = suite(ReportFixtures.unbudgeted());
        List<Element> cases = children(suite, "testcase");
        assertEquals(2, cases.size(), "the two roots only");
        assertEquals("0", suite.getAttribute("failures"));
    }

    @Test
    void escapesHostileNamesAndText() {
        String xml = render(new JUnitReportWriter(), ReportFixtures.hostile());
        assertFalse(xml.contains("<script>"), xml);
        Element suite = parse(xml).getDocumentElement();
        Element rootCase = testCase(children(suite, "testsuite").get(0), ReportFixtures.HOSTILE_ROOT.className(),
                ReportFixtures.HOSTILE_ROOT.name() + "()V");
        Element failure = children(rootCase, "failure").get(0);
        String body = failure.getTextContent();
        assertTrue(body.contains(ReportFixtures.HOSTILE_MESSAGE + " ]]> \\u0001 \\ud800 end"), body);
        assertTrue(body.contains("at com.example.<script>alert(1)</script>.on\"Tick\"&'x'(Evil<&>\".java:5)"), body);
        assertTrue(body.contains("remedy: don't <b>"), body);

        Element properties = children(children(suite, "testsuite").get(0), "properties").get(0);
        assertTrue(children(properties, "property").stream()
                .anyMatch(p -> p.getAttribute("name").equals("headroom.failReason")
                        && p.getAttribute("value").equals("1 error <&>")));

        Element timing = testCase(children(suite, "testsuite").get(0), "headroom.timing",
                "timing." + ReportFixtures.HOSTILE_ROOT);
        assertEquals("WCET bound 10 is above the deadline of 5 cycles of cost model <unit>",
                children(timing, "failure").get(0).getAttribute("message"));
        String ram = children(testCase(children(suite, "testsuite").get(0), "headroom.memory", "memory.ram-budget"),
                "failure").get(0).getTextContent();
        assertTrue(ram.contains("com.example.<script>.x (int[]<&>: \"quoted\" & <b>)"), ram);
    }

    @Test
    void xmlSafeReplacesWhatXmlCannotCarry() {
        assertEquals("a\tb\nc\\u0000d\\u001be\\ud800f\ud83d\ude00g\\ufffe",
                JUnitReportWriter.xmlSafe("a\tb\nc\u0000d\u001be\ud800f\ud83d\ude00g\ufffe"));
        assertEquals("plain <&>", JUnitReportWriter.xmlSafe("plain <&>"));
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
