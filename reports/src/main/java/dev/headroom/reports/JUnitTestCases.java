package dev.headroom.reports;

import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.Location;
import dev.headroom.core.model.MemoryItem;
import dev.headroom.core.model.MemoryReport;
import dev.headroom.core.model.JavaSignatures;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.Severity;
import dev.headroom.core.model.StackUsage;
import dev.headroom.core.model.TimingReport;
import dev.headroom.core.model.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test cases of the JUnit XML report, and what is said about them that is not a failure.
 *
 * <p>Every unsuppressed error is one failing test case, and counts once: a CI server's failure count is
 * the number of errors. A budget's error (RAM, a root's stack, a root's deadline) fails that budget's test
 * case; any other error is a test case of its own under its root's class ({@code onSample(String, long):
 * heap-allocation in Filter.apply(double)}). A root without errors of its own is one passing test case
 * ({@code onSample(String, long)}); a budget within its limit is a passing test case. Warnings, suppressed
 * findings and the figures of passing budgets are the suite's notes ({@code system-out}), under the test
 * case or root they belong to: the Ant schema allows no output inside a test case.
 */
final class JUnitTestCases {
    static final String MEMORY_CLASS = "headroom.memory";
    static final String TIMING_CLASS = "headroom.timing";
    static final String RAM_BUDGET_NAME = "memory.ram-budget";
    static final String UNTIED_HEADING = "findings without a root";

    record TestCase(String className, String name, Failure failure) {
    }

    record Failure(String type, String message, String body) {
    }

    private final AnalysisResult result;
    private final List<TestCase> cases = new ArrayList<>();
    private final StringBuilder notes = new StringBuilder();
    /** Budget test case name to the error that fails it (the first one, in model order). */
    private final Map<String, Finding> budgetErrors = new HashMap<>(); // lookups only, never iterated
    private final Set<String> names = new HashSet<>(); // lookups only, never iterated

    private JUnitTestCases(AnalysisResult result) {
        this.result = result;
    }

    static JUnitTestCases of(AnalysisResult result) {
        JUnitTestCases built = new JUnitTestCases(result);
        built.build();
        return built;
    }

    List<TestCase> cases() {
        return cases;
    }

    /** The suite's {@code system-out}: empty when there is nothing to say. */
    String notes() {
        return notes.toString();
    }

    private void build() {
        Set<Finding> pathErrors = Collections.newSetFromMap(new IdentityHashMap<>()); // lookups only
        for (Finding finding : result.findings()) {
            if (fails(finding)) {
                String budget = budgetCase(finding);
                if (budget != null && !budgetErrors.containsKey(budget)) {
                    budgetErrors.put(budget, finding);
                } else {
                    pathErrors.add(finding);
                }
            }
        }
        addRootCases(pathErrors);
        addMemoryCases(result.memory());
        addTimingCases(result.timing());
    }

    private static boolean fails(Finding finding) {
        return !finding.suppressed() && finding.severity() == Severity.ERROR;
    }

    /** The name of the budget test case whose error this is, or null. */
    private String budgetCase(Finding finding) {
        MemoryReport memory = result.memory();
        TimingReport timing = result.timing();
        if (finding.rule() == Rule.RAM_BUDGET_EXCEEDED && memory != null && memory.verdict() != null) {
            return RAM_BUDGET_NAME;
        }
        if (finding.rule() == Rule.STACK_BUDGET_EXCEEDED && finding.root() != null && memory != null
                && memory.stack().stream().anyMatch(s -> s.verdict() != null && s.root().equals(finding.root()))) {
            return stackName(finding.root());
        }
        if (finding.rule() == Rule.DEADLINE_EXCEEDED && finding.root() != null && timing != null
                && timing.roots().stream().anyMatch(t -> t.verdict() != null && t.root().equals(finding.root()))) {
            return timingName(finding.root());
        }
        return null;
    }

    /** {@code com.acme.Motor.onTick(int)}; a constructor as {@code com.acme.Ring.Ring(int)}, named in its class. */
    static String qualified(MethodId method) {
        return inClass(JavaSignatures.className(method.className()), method);
    }

    /** {@code Motor.onTick(int)}: the class without its package. */
    static String simple(MethodId method) {
        return inClass(JavaSignatures.simpleClassName(method.className()), method);
    }

    private static String inClass(String className, MethodId method) {
        return className + (method.name().equals("<clinit>") ? " " : ".") + JavaSignatures.method(method);
    }

    private static String stackName(MethodId root) {
        return "memory.stack." + qualified(root);
    }

    private static String timingName(MethodId root) {
        return "timing." + qualified(root);
    }

    // ---- roots

    private void addRootCases(Set<Finding> pathErrors) {
        FindingsByRoot grouped = FindingsByRoot.of(result.roots(), result.findings());
        List<Finding> untied = grouped.untied();
        for (Map.Entry<MethodId, List<Finding>> group : grouped.byRoot().entrySet()) {
            MethodId root = group.getKey();
            String rootName = JavaSignatures.method(root);
            boolean failed = false;
            for (Finding finding : group.getValue()) {
                if (pathErrors.contains(finding)) {
                    String where = finding.location().method().equals(root)
                            ? "" : " in " + simple(finding.location().method());
                    addFailing(root.className(), rootName + ": " + finding.rule().id() + where, finding, "");
                    failed = true;
                }
            }
            if (!failed) {
                add(new TestCase(root.className(), rootName, null));
            }
            addNotes(root.className() + " " + rootName, group.getValue());
        }
        for (Finding finding : untied) {
            if (pathErrors.contains(finding)) {
                MethodId location = finding.location().method();
                addFailing(location.className(), JavaSignatures.method(location) + ": " + finding.rule().id(),
                        finding, "");
            }
        }
        addNotes(UNTIED_HEADING, untied);
    }

    /** Warnings first, then suppressed findings, under a heading. */
    private void addNotes(String heading, List<Finding> findings) {
        StringBuilder text = new StringBuilder();
        for (Finding finding : findings) {
            if (!finding.suppressed() && finding.severity() != Severity.ERROR) {
                describe(text, finding, "  ");
            }
        }
        for (Finding finding : findings) {
            if (finding.suppressed()) {
                describe(text, finding, "  ");
            }
        }
        note(heading, text.toString());
    }

    private void note(String heading, String text) {
        if (!text.isEmpty()) {
            notes.append(heading).append('\n').append(text);
        }
    }

    /**
     * One finding: its severity, rule and {@code at com.acme.Motor.onTick(Motor.java:42)} on the first line, the
     * last part shaped like a stack trace element for a reader to follow (CI tools that link stack traces look
     * for a line that starts with {@code at}, which this one does not).
     */
    static void describe(StringBuilder text, Finding finding, String indent) {
        text.append(indent)
                .append(finding.suppressed() ? "suppressed " + finding.severity().id() : finding.severity().id())
                .append(' ').append(finding.rule().id())
                .append(finding.coldPath() ? " (cold path)" : "")
                .append(" at ").append(where(finding.location())).append('\n');
        if (finding.message() != null) {
            text.append(indent).append("  ").append(finding.message()).append('\n');
        }
        if (finding.suppressed() && finding.suppressionReason() != null) {
            text.append(indent).append("  reason: ").append(finding.suppressionReason()).append('\n');
        }
        if (finding.remedy() != null) {
            text.append(indent).append("  remedy: ").append(finding.remedy()).append('\n');
        }
        List<Frame> chain = finding.callChain();
        for (int i = 0; i < chain.size(); i++) {
            Frame frame = chain.get(i);
            text.append(indent).append(i == 0 ? "  chain: " : "         -> ")
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

    private void addMemoryCases(MemoryReport memory) {
        if (memory == null) {
            return;
        }
        if (memory.verdict() != null) {
            StringBuilder figures = new StringBuilder();
            figures.append("layout ").append(memory.layout()).append('\n');
            figures.append("total ").append(memory.totalBytes()).append(" bytes")
                    .append(memory.bounded() ? "" : " (a lower bound: some static state cannot be bounded)")
                    .append('\n');
            if (memory.budgetBytes() != null) {
                long budget = memory.budgetBytes();
                figures.append("budget ").append(budget).append(" bytes, headroom ")
                        .append(budget - memory.totalBytes()).append(" bytes\n");
            }
            for (MemoryItem item : memory.items()) {
                figures.append("  ").append(item.bytes()).append(" bytes  ").append(item.field())
                        .append(" (").append(item.type())
                        .append(item.detail() == null ? "" : ": " + item.detail()).append(')')
                        .append(TextReportWriter.originSuffix(item)).append('\n');
            }
            addBudgetCase(MEMORY_CLASS, RAM_BUDGET_NAME, figures.toString());
        }
        for (StackUsage stack : memory.stack()) {
            if (stack.verdict() != null) {
                String size = stack.bytes() + " bytes" + (stack.bounded() ? "" : " or more (unbounded)");
                addBudgetCase(MEMORY_CLASS, stackName(stack.root()), "worst-case stack " + size + "\n");
            }
        }
    }

    private void addTimingCases(TimingReport timing) {
        if (timing == null) {
            return;
        }
        for (RootTiming root : timing.roots()) {
            if (root.verdict() == null) {
                continue;
            }
            StringBuilder figures = new StringBuilder();
            figures.append(root.bounded() ? "WCET bound " + root.wcet() : "no WCET bound (unbounded)").append(',')
                    .append(root.deadline() == null ? " no deadline" : " deadline " + root.deadline())
                    .append(" cycles of cost model ").append(timing.costModel());
            if (root.bounded() && root.deadline() != null) {
                figures.append(", slack ").append(root.deadline() - root.wcet());
            }
            figures.append('\n');
            if (!root.worstPath().isEmpty()) {
                figures.append("worst path:\n");
                for (String step : root.worstPath()) {
                    figures.append("  ").append(step).append('\n');
                }
            }
            addBudgetCase(TIMING_CLASS, timingName(root.root()), figures.toString());
        }
    }

    /** Fails with the budget's error when there is one; else passes, its figures in the notes. */
    private void addBudgetCase(String className, String name, String figures) {
        Finding error = budgetErrors.get(name);
        if (error != null) {
            addFailing(className, name, error, figures);
        } else {
            add(new TestCase(className, name, null));
            note(className + " " + name, figures.indent(2));
        }
    }

    private void addFailing(String className, String name, Finding finding, String figures) {
        StringBuilder body = new StringBuilder();
        describe(body, finding, "");
        body.append(figures);
        String message = finding.message() != null ? finding.message() : finding.rule().summary();
        add(new TestCase(className, name, new Failure(finding.rule().id(), message, body.toString())));
    }

    /** Adds the test case, numbering a name that is already taken ({@code name (2)}). */
    private void add(TestCase testCase) {
        String name = testCase.name();
        for (int n = 2; !names.add(testCase.className() + '\0' + name); n++) {
            name = testCase.name() + " (" + n + ")";
        }
        cases.add(name.equals(testCase.name()) ? testCase
                : new TestCase(testCase.className(), name, testCase.failure()));
    }
}
