package dev.headroom.reports;

import com.google.gson.stream.JsonWriter;
import dev.headroom.core.json.JsonOutput;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.BaselineEntry;
import dev.headroom.core.model.BaselineReport;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.InputProblem;
import dev.headroom.core.model.Location;
import dev.headroom.core.model.MemoryItem;
import dev.headroom.core.model.MemoryReport;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.Root;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.model.StackUsage;
import dev.headroom.core.model.Summary;
import dev.headroom.core.model.TimingReport;
import dev.headroom.core.model.WorstCase;
import java.io.IOException;
import java.io.Writer;

/**
 * The JSON report: the contract for dashboards described under "JSON report" in DESIGN.md.
 *
 * <p>Written with a streaming {@link JsonWriter} so that the key order is the one written here and
 * never depends on reflection or hashing; lists are written in the order the model gives (already
 * sorted). Optional values are omitted rather than written as {@code null}. Output is pretty-printed
 * with two spaces, {@code \n} line endings and a final newline; HTML characters are not escaped; control
 * characters and unpaired surrogates in names are JSON escapes ({@link JsonOutput}).
 *
 * <p>{@code memory} and {@code timing} are written only when the model has them (their analyses ran),
 * after {@code findings}; a root's {@code wcet} only when it is bounded; a memory item's {@code initRoot}
 * only when its {@code origin} is {@code init-root}. The shape is described by
 * {@code reports/schema/headroom-report.schema.json} (in the jar as {@value #SCHEMA_RESOURCE}).
 */
public final class JsonReportWriter implements ReportWriter {

    /** Raise on any incompatible change of the report's shape; adding keys is compatible. */
    public static final int SCHEMA_VERSION = 1;

    static final String TOOL_NAME = "headroom";

    /** A memory item's {@code origin}: built by the static initialisers. */
    static final String ORIGIN_STATIC = "static";
    /** A memory item's {@code origin}: allocated by an initialisation root, named by {@code initRoot}. */
    static final String ORIGIN_INIT_ROOT = "init-root";

    /** The JSON Schema of this report, on the classpath. */
    public static final String SCHEMA_RESOURCE = "/dev/headroom/reports/headroom-report.schema.json";

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        // Not closed: closing would close the caller's writer.
        JsonWriter json = JsonOutput.writer(out);

        json.beginObject();
        json.name("schemaVersion").value(SCHEMA_VERSION);
        json.name("tool").beginObject();
        json.name("name").value(TOOL_NAME);
        json.name("version").value(result.toolVersion());
        json.endObject();
        json.name("verdict").value(result.verdict().id());
        if (result.failReason() != null) {
            json.name("failReason").value(result.failReason());
        }
        writeSummary(json, result.summary());

        json.name("roots").beginArray();
        for (Root root : result.roots()) {
            writeRoot(json, root);
        }
        json.endArray();

        json.name("findings").beginArray();
        for (Finding finding : result.findings()) {
            writeFinding(json, finding);
        }
        json.endArray();

        if (result.memory() != null) {
            writeMemory(json, result.memory());
        }
        if (result.timing() != null) {
            writeTiming(json, result.timing());
        }
        if (result.baseline() != null) {
            writeBaseline(json, result.baseline());
        }

        json.name("skipped").beginArray();
        for (InputProblem problem : result.inputProblems()) {
            json.beginObject();
            json.name("source").value(problem.source());
            json.name("reason").value(problem.reason());
            json.endObject();
        }
        json.endArray();
        json.endObject();

        json.flush();
        out.write('\n');
        out.flush();
    }

    /** Present only when a baseline was applied or written; accepted findings are written as findings. */
    private static void writeBaseline(JsonWriter json, BaselineReport baseline) throws IOException {
        json.name("baseline").beginObject();
        if (baseline.file() != null) {
            json.name("file").value(baseline.file());
        }
        if (baseline.written() != null) {
            json.name("written").value(baseline.written());
        }
        json.name("accepted").beginArray();
        for (Finding finding : baseline.accepted()) {
            writeFinding(json, finding);
        }
        json.endArray();
        json.name("noLongerPresent").beginArray();
        for (BaselineEntry entry : baseline.noLongerPresent()) {
            json.beginObject();
            json.name("rule").value(entry.rule());
            if (entry.root() != null) {
                json.name("root").value(entry.root());
            }
            json.name("location").value(entry.location());
            json.name("key").value(entry.key());
            json.name("count").value(entry.count());
            json.endObject();
        }
        json.endArray();
        json.name("regressions").value(baseline.regressions());
        json.endObject();
    }

    private static void writeSummary(JsonWriter json, Summary summary) throws IOException {
        json.name("summary").beginObject();
        json.name("errors").value(summary.errors());
        json.name("warnings").value(summary.warnings());
        json.name("suppressed").value(summary.suppressed());
        json.name("classes").value(summary.classes());
        json.name("methods").value(summary.methods());
        json.name("roots").value(summary.roots());
        json.endObject();
    }

    private static void writeRoot(JsonWriter json, Root root) throws IOException {
        json.beginObject();
        writeMethodKeys(json, root.method());
        json.name("kind").value(root.kind().id());
        if (root.origin() != null) {
            json.name("origin").value(root.origin());
        }
        json.name("rules").beginArray();
        for (String rule : root.rules()) {
            json.value(rule);
        }
        json.endArray();
        json.endObject();
    }

    private static void writeFinding(JsonWriter json, Finding finding) throws IOException {
        json.beginObject();
        json.name("rule").value(finding.rule().id());
        json.name("severity").value(finding.severity().id());
        json.name("message").value(finding.message());
        if (finding.remedy() != null) {
            json.name("remedy").value(finding.remedy());
        }
        json.name("suppressed").value(finding.suppressed());
        if (finding.suppressed() && finding.suppressionReason() != null) {
            json.name("suppressionReason").value(finding.suppressionReason());
        }
        json.name("coldPath").value(finding.coldPath());
        if (finding.rootCount() > 1) {
            json.name("rootCount").value(finding.rootCount());
        }
        writeLocation(json, finding.location());
        if (finding.root() != null) {
            writeRootKey(json, finding.root());
        }
        json.name("callChain").beginArray();
        for (Frame frame : finding.callChain()) {
            json.beginObject();
            writeMethodKeys(json, frame.method());
            json.name("line").value(frame.line());
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    private static void writeMemory(JsonWriter json, MemoryReport memory) throws IOException {
        json.name("memory").beginObject();
        json.name("layout").value(memory.layout());
        if (memory.budgetBytes() != null) {
            json.name("budgetBytes").value(memory.budgetBytes());
        }
        json.name("totalBytes").value(memory.totalBytes());
        json.name("bounded").value(memory.bounded());
        if (memory.verdict() != null) {
            json.name("verdict").value(memory.verdict().id());
        }
        json.name("items").beginArray();
        for (MemoryItem item : memory.items()) {
            json.beginObject();
            json.name("field").value(item.field());
            json.name("type").value(item.type());
            json.name("bytes").value(item.bytes());
            if (item.detail() != null) {
                json.name("detail").value(item.detail());
            }
            if (item.isStatic()) {
                json.name("origin").value(ORIGIN_STATIC);
            } else {
                json.name("origin").value(ORIGIN_INIT_ROOT);
                writeMethodObject(json, "initRoot", item.initRoot());
            }
            json.endObject();
        }
        json.endArray();
        json.name("stack").beginArray();
        for (StackUsage stack : memory.stack()) {
            json.beginObject();
            writeRootKey(json, stack.root());
            json.name("bytes").value(stack.bytes());
            json.name("bounded").value(stack.bounded());
            if (stack.verdict() != null) {
                json.name("verdict").value(stack.verdict().id());
            }
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    /** {@code wcet} is written only for a bounded root: the model gives no meaningful number otherwise. */
    private static void writeTiming(JsonWriter json, TimingReport timing) throws IOException {
        json.name("timing").beginObject();
        json.name("costModel").value(timing.costModel());
        json.name("roots").beginArray();
        for (RootTiming root : timing.roots()) {
            json.beginObject();
            writeRootKey(json, root.root());
            json.name("bounded").value(root.bounded());
            if (root.bounded()) {
                json.name("wcet").value(root.wcet());
            }
            if (root.deadline() != null) {
                json.name("deadline").value(root.deadline());
            }
            if (root.verdict() != null) {
                json.name("verdict").value(root.verdict().id());
            }
            json.name("worstPath").beginArray();
            for (String step : root.worstPath()) {
                json.value(step);
            }
            json.endArray();
            if (!root.exceptionalExits().isEmpty()) {
                json.name("exceptionalExits").beginArray();
                for (String exit : root.exceptionalExits()) {
                    json.value(exit);
                }
                json.endArray();
            }
            if (!root.worstCase().isEmpty()) {
                writeWorstCase(json, root.worstCase());
            }
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    /** {@code "worstCase": {"loops": [...], "lines": [...]}}: the counts of a root's worst case. */
    private static void writeWorstCase(JsonWriter json, WorstCase worst) throws IOException {
        json.name("worstCase").beginObject();
        json.name("loops").beginArray();
        for (WorstCase.LoopCount loop : worst.loops()) {
            json.beginObject();
            writeMethodObject(json, "method", loop.method());
            json.name("file").value(loop.file());
            json.name("line").value(loop.line());
            json.name("bound").value(loop.bound());
            if (loop.entries() >= 0) {
                json.name("entries").value(loop.entries());
                json.name("iterations").value(loop.iterations());
            }
            json.endObject();
        }
        json.endArray();
        json.name("lines").beginArray();
        for (WorstCase.LineCount line : worst.lines()) {
            json.beginObject();
            json.name("line").value(line.line());
            json.name("count").value(line.count());
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    private static void writeRootKey(JsonWriter json, MethodId root) throws IOException {
        writeMethodObject(json, "root", root);
    }

    /** {@code "name": {"class", "method", "descriptor"}}. */
    private static void writeMethodObject(JsonWriter json, String name, MethodId method) throws IOException {
        json.name(name).beginObject();
        writeMethodKeys(json, method);
        json.endObject();
    }

    private static void writeLocation(JsonWriter json, Location location) throws IOException {
        json.name("location").beginObject();
        writeMethodKeys(json, location.method());
        if (location.file() != null) {
            json.name("file").value(location.file());
        }
        json.name("line").value(location.line());
        json.endObject();
    }

    private static void writeMethodKeys(JsonWriter json, MethodId method) throws IOException {
        json.name("class").value(method.className());
        json.name("method").value(method.name());
        json.name("descriptor").value(method.descriptor());
    }
}
