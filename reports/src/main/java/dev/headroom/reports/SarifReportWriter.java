package dev.headroom.reports;

import com.google.gson.stream.JsonWriter;
import dev.headroom.core.classpath.CodeDigest;
import dev.headroom.core.json.JsonOutput;
import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.InputProblem;
import dev.headroom.core.model.Location;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SARIF 2.1.0 report, in the shape GitHub code scanning accepts and the SARIF Multitool validates
 * without warnings.
 *
 * <p>One run, with the category it is given as {@code automationDetails.id} ({@code headroom/app/}), so
 * that the runs of several modules uploaded together stay apart. {@code tool.driver.rules} describes every
 * rule of {@link Rule}, sorted by id, so that a result's {@code ruleIndex} is stable for a given set of
 * rules; each has a friendly name that is not its id and a help URI. Results come in model order (already
 * sorted), one per finding, suppressed ones included with an {@code inSource} suppression. Each result
 * has one location: the source file (see {@link SarifLocations}; {@code uriBaseId} {@value #SRCROOT}), the
 * line, and the method as a logical location; its call chain is the result's single code flow. A finding
 * without a line (a class compiled without line numbers, a budget regression against a baseline) is
 * placed at line 1 of its file: consumers expect a region, and the file is right.
 *
 * <p>{@code partialFingerprints} hold {@value #FINGERPRINT_KEY}: a SHA-256 of the rule, the method, the
 * message and the root, never the line, so that an alert keeps its identity when unrelated lines move.
 */
public final class SarifReportWriter implements ReportWriter {

    static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SARIF_VERSION = "2.1.0";
    static final String SRCROOT = "%SRCROOT%";
    static final String FINGERPRINT_KEY = "headroomFindingHash/v1";
    static final String SRCROOT_DESCRIPTION = "Where the source paths start: the directory the check ran in"
            + " (the repository's root in CI) for paths under a source root (app/src/main/java/com/acme/Motor.java),"
            + " the source root itself for paths that start at the package (com/acme/Motor.java).";
    /**
     * The tool's home page: the domain of the project's groupId ({@code dev.headroom}). The one place to
     * change it; each rule's help is under it ({@link #helpUri}).
     */
    static final String HOME_PAGE = "https://headroom.dev/";

    /**
     * The most results GitHub code scanning takes in a run ("Results per run" among its SARIF upload limits): it
     * rejects a file with more.
     */
    static final int GITHUB_MOST_RESULTS = 25_000;

    /** Every rule, sorted by id: the order of {@code tool.driver.rules} and so of {@code ruleIndex}. */
    static final List<Rule> RULES = Arrays.stream(Rule.values())
            .sorted(Comparator.comparing(Rule::id))
            .toList();

    /** {@code Motor.java:42} in a message: the line is dropped before hashing. */
    private static final Pattern FILE_LINE = Pattern.compile("(\\.(?:java|kt|scala|groovy)):\\d+");

    private final String category;

    /** A writer whose run has no category. */
    public SarifReportWriter() {
        this(null);
    }

    /**
     * @param category the run's category ({@code headroom/app}, see {@link ReportPaths#sarifCategory}),
     *                 written as {@code automationDetails.id} with a {@code /} after it; or null for none
     */
    public SarifReportWriter(String category) {
        this.category = category == null || category.endsWith("/") ? category : category + "/";
    }

    /**
     * A warning for the front ends to give when a SARIF report is among the formats written and will hold more
     * results than GitHub code scanning takes, before a CI job uploads it and fails there; empty otherwise.
     */
    public static Optional<String> beyondGitHubLimits(List<ReportFormat> formats, AnalysisResult result) {
        int results = result.findings().size();
        if (!formats.contains(ReportFormat.SARIF) || results <= GITHUB_MOST_RESULTS) {
            return Optional.empty();
        }
        return Optional.of("the SARIF report holds " + results + " results, more than the " + GITHUB_MOST_RESULTS
                + " GitHub code scanning takes in a run (it rejects the file): check fewer roots, or exclude classes"
                + " or turn rules down, before uploading it");
    }

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        // Not closed: closing would close the caller's writer.
        JsonWriter json = JsonOutput.writer(out);
        SarifLocations paths = new SarifLocations(result);

        json.beginObject();
        json.name("$schema").value(SCHEMA_URI);
        json.name("version").value(SARIF_VERSION);
        json.name("runs").beginArray();
        json.beginObject();
        writeTool(json, result);
        if (category != null) {
            json.name("automationDetails").beginObject().name("id").value(category).endObject();
        }
        writeInvocation(json, result);
        json.name("originalUriBaseIds").beginObject();
        json.name(SRCROOT).beginObject();
        json.name("description").beginObject().name("text").value(SRCROOT_DESCRIPTION).endObject();
        json.endObject();
        json.endObject();
        json.name("results").beginArray();
        Map<String, Integer> occurrences = new HashMap<>(); // lookups only, never iterated
        for (Finding finding : result.findings()) {
            String print = fingerprint(finding);
            int occurrence = occurrences.merge(print, 1, Integer::sum);
            writeResult(json, finding, paths, occurrence == 1 ? print : print + ":" + occurrence);
        }
        json.endArray();
        json.name("properties").beginObject();
        json.name("verdict").value(result.verdict().id());
        if (result.failReason() != null) {
            json.name("failReason").value(result.failReason());
        }
        json.endObject();
        json.endObject();
        json.endArray();
        json.endObject();

        json.flush();
        out.write('\n');
        out.flush();
    }

    private static void writeTool(JsonWriter json, AnalysisResult result) throws IOException {
        json.name("tool").beginObject();
        json.name("driver").beginObject();
        json.name("name").value(JsonReportWriter.TOOL_NAME);
        if (result.toolVersion() != null) {
            json.name("version").value(result.toolVersion());
        }
        json.name("informationUri").value(HOME_PAGE);
        json.name("rules").beginArray();
        for (Rule rule : RULES) {
            json.beginObject();
            json.name("id").value(rule.id());
            json.name("name").value(friendlyName(rule));
            json.name("shortDescription").beginObject().name("text").value(rule.summary()).endObject();
            json.name("fullDescription").beginObject().name("text").value(rule.explanation()).endObject();
            json.name("helpUri").value(helpUri(rule));
            json.name("help").beginObject().name("text").value(rule.remedy()).endObject();
            json.name("defaultConfiguration").beginObject()
                    .name("level").value(level(rule.defaultSeverity()))
                    .endObject();
            json.endObject();
        }
        json.endArray();
        json.endObject();
        json.endObject();
    }

    /** The run's invocation: the inputs that were skipped become warnings of the tool's execution. */
    private static void writeInvocation(JsonWriter json, AnalysisResult result) throws IOException {
        json.name("invocations").beginArray();
        json.beginObject();
        json.name("executionSuccessful").value(true);
        if (!result.inputProblems().isEmpty()) {
            json.name("toolExecutionNotifications").beginArray();
            for (InputProblem problem : result.inputProblems()) {
                json.beginObject();
                json.name("level").value("warning");
                json.name("message").beginObject()
                        .name("text").value("skipped " + problem.source() + ": " + problem.reason())
                        .endObject();
                json.endObject();
            }
            json.endArray();
        }
        json.endObject();
        json.endArray();
    }

    /**
     * @param fingerprint the finding's {@link #fingerprint}, and after it {@code :n} for the n-th finding of the same
     *                    one (two identical calls in one method, on two lines): GitHub tracks an alert by its
     *                    fingerprint, and would take both for one. The first keeps the plain one.
     */
    private static void writeResult(JsonWriter json, Finding finding, SarifLocations paths, String fingerprint)
            throws IOException {
        json.beginObject();
        json.name("ruleId").value(finding.rule().id());
        json.name("ruleIndex").value(RULES.indexOf(finding.rule()));
        json.name("level").value(level(finding.severity()));
        json.name("message").beginObject().name("text").value(messageText(finding)).endObject();

        Location location = finding.location();
        json.name("locations").beginArray();
        json.beginObject();
        writePhysicalLocation(json, paths.of(location.method().className(), location.file()), location.line());
        writeLogicalLocation(json, location.method());
        json.endObject();
        json.endArray();

        if (!finding.callChain().isEmpty()) {
            writeCodeFlow(json, finding, paths);
        }

        json.name("partialFingerprints").beginObject();
        json.name(FINGERPRINT_KEY).value(fingerprint);
        json.endObject();

        if (finding.suppressed()) {
            json.name("suppressions").beginArray();
            json.beginObject();
            json.name("kind").value("inSource");
            if (finding.suppressionReason() != null) {
                json.name("justification").value(finding.suppressionReason());
            }
            json.endObject();
            json.endArray();
        }

        json.name("properties").beginObject();
        if (finding.root() != null) {
            json.name("root").value(finding.root().toString());
        }
        json.name("coldPath").value(finding.coldPath());
        if (finding.rootCount() > 1) {
            json.name("rootCount").value(finding.rootCount());
        }
        if (finding.remedy() != null) {
            json.name("remedy").value(finding.remedy());
        }
        json.endObject();
        json.endObject();
    }

    /** The message, then the root it is reached from and the finding's own remedy, one a line. */
    static String messageText(Finding finding) {
        StringBuilder text = new StringBuilder(finding.message() == null ? finding.rule().summary() : finding.message());
        if (finding.root() != null) {
            text.append("\nReached from root ").append(finding.root());
            if (finding.rootCount() > 1) {
                text.append(" (and ").append(finding.rootCount() - 1).append(" more)");
            }
            text.append('.');
        }
        if (finding.remedy() != null) {
            text.append("\nRemedy: ").append(finding.remedy());
        }
        return text.toString();
    }

    /**
     * The call chain as one thread flow, root first. Frames in the user's classes (from the root down to
     * the frame where the finding is reported) carry a physical location; the frames below it, in library
     * or JDK code, only their method.
     */
    private static void writeCodeFlow(JsonWriter json, Finding finding, SarifLocations paths) throws IOException {
        List<Frame> chain = finding.callChain();
        int lastUserFrame = lastUserFrame(finding);
        json.name("codeFlows").beginArray();
        json.beginObject();
        json.name("threadFlows").beginArray();
        json.beginObject();
        json.name("locations").beginArray();
        for (int i = 0; i < chain.size(); i++) {
            Frame frame = chain.get(i);
            MethodId method = frame.method();
            json.beginObject();
            json.name("location").beginObject();
            if (i <= lastUserFrame) {
                String file = i == lastUserFrame ? finding.location().file() : null;
                writePhysicalLocation(json, paths.of(method.className(), file), frame.line());
            }
            writeLogicalLocation(json, method);
            json.name("message").beginObject()
                    .name("text").value(method.className() + "." + method.name()
                            + (frame.line() > 0 ? ":" + frame.line() : ""))
                    .endObject();
            json.endObject();
            json.name("nestingLevel").value(i);
            json.name("executionOrder").value(i + 1);
            json.endObject();
        }
        json.endArray();
        json.endObject();
        json.endArray();
        json.endObject();
        json.endArray();
    }

    /**
     * The index of the frame where the finding is reported: the last frame in the finding's method (at its
     * line, when the chain passes that method more than once); frames up to it are the user's code. -1 when
     * the chain does not pass the finding's method.
     */
    static int lastUserFrame(Finding finding) {
        List<Frame> chain = finding.callChain();
        Location location = finding.location();
        int inMethod = -1;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Frame frame = chain.get(i);
            if (frame.method().equals(location.method())) {
                if (frame.line() == location.line()) {
                    return i;
                }
                if (inMethod < 0) {
                    inMethod = i;
                }
            }
        }
        return inMethod;
    }

    /** The file and the line; line 1 when the line is not known (0). */
    private static void writePhysicalLocation(JsonWriter json, String path, int line) throws IOException {
        json.name("physicalLocation").beginObject();
        json.name("artifactLocation").beginObject();
        json.name("uri").value(SarifLocations.uri(path));
        if (!SarifLocations.isAbsolute(path)) {
            json.name("uriBaseId").value(SRCROOT);
        }
        json.endObject();
        json.name("region").beginObject().name("startLine").value(Math.max(line, 1)).endObject();
        json.endObject();
    }

    private static void writeLogicalLocation(JsonWriter json, MethodId method) throws IOException {
        json.name("logicalLocations").beginArray();
        json.beginObject();
        json.name("name").value(method.name());
        json.name("fullyQualifiedName").value(method.className() + "." + method.name());
        json.name("decoratedName").value(method.toString());
        json.name("kind").value("function");
        json.endObject();
        json.endArray();
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
        };
    }

    /**
     * The rule's name for people: its id in Pascal case ({@code GrowableCollection}), or another word where
     * that would only differ from the id in case (SARIF wants a name that is not the id).
     */
    static String friendlyName(Rule rule) {
        return rule == Rule.RECURSION ? "RecursiveCall" : pascalCase(rule.id());
    }

    /** Where the rule is explained: {@code https://headroom.dev/rules/growable-collection}. */
    static String helpUri(Rule rule) {
        return HOME_PAGE + "rules/" + rule.id();
    }

    /** {@code growable-collection} becomes {@code GrowableCollection}. */
    static String pascalCase(String id) {
        StringBuilder name = new StringBuilder(id.length());
        boolean upper = true;
        for (char c : id.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /**
     * SHA-256, in lowercase hex, of the rule id, the location's class, method and descriptor, the message
     * with any {@code File.java:N} line reference removed, and the root (empty when none), each ended by a
     * NUL so that no two different tuples hash the same text. No line number enters it.
     */
    static String fingerprint(Finding finding) {
        MethodId method = finding.location().method();
        String message = finding.message() == null ? "" : FILE_LINE.matcher(finding.message()).replaceAll("$1");
        String[] parts = {
            finding.rule().id(),
            method.className(),
            method.name(),
            method.descriptor(),
            message,
            finding.root() == null ? "" : finding.root().toString(),
        };
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            text.append(part).append('\0');
        }
        byte[] hash = CodeDigest.sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash);
    }
}
