package dev.headroom.core.baseline;

import dev.headroom.core.model.BaselineEntry;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.JavaSignatures;
import dev.headroom.core.model.MethodId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line-free identity of a finding in a baseline: rule, root, location method and a key for what the
 * finding is about.
 *
 * <p>The key is {@code <subject> | <message>}. The subject is the method of the last frame of the call
 * chain, i.e. the callee that grows, allocates or blocks, or the method the event is in (the location
 * method when the chain is empty). The message is the finding's message with every {@code Name.java:N}
 * reduced to {@code Name.java} and every other run of digits replaced by {@code #}, so that line numbers,
 * instruction indexes and measured sizes or costs do not enter the key: a line inserted above a finding,
 * or a bound that moves, keeps its key (sizes and costs are ratcheted separately, as budgets). Two
 * findings that differ only in numbers share a key; the baseline counts them.
 *
 * <p>Keys are compared in today's wording of messages: a key written by an earlier version, which named
 * methods by their JVM descriptor ({@code java.util.HashMap#merge(Ljava/lang/Object;...)Ljava/lang/Object;})
 * and loops by their header instruction, is read as the same message in Java signatures
 * ({@code java.util.HashMap.merge(Object, ...)}), so that a baseline keeps accepting what it accepted.
 */
public final class BaselineKeys {
    /** {@code Motor.java:42}: the line is dropped. */
    private static final Pattern FILE_LINE = Pattern.compile("(\\.(?:java|kt|scala|groovy)):\\d+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** A method named by descriptor, digits already masked: {@code com.acme.Ring$##push(I)Z}. */
    private static final Pattern DESCRIPTOR_NAMED = Pattern.compile(
            "([A-Za-z_$][\\w$#]*(?:\\.[A-Za-z_$][\\w$#]*)*)#(<init>|<clinit>|[\\w$#]+)"
                    + "(\\((?:\\[*(?:[BCDFIJSZ]|L[^;()\\s]+;))*\\)\\[*(?:[BCDFIJSZV]|L[^;()\\s]+;))");
    private static final String HEADER_INSTRUCTION = " (header instruction #)";

    private BaselineKeys() {
    }

    /** What the finding is about, without line numbers. */
    public static String key(Finding finding) {
        MethodId subject = finding.callChain().isEmpty()
                ? finding.location().method()
                : finding.callChain().get(finding.callChain().size() - 1).method();
        return subject + " | " + current(normalise(finding.message()));
    }

    /**
     * A normalised message in today's wording: methods named by descriptor as Java signatures, and no
     * loop header instruction (a loop is named by its file and line).
     */
    static String current(String normalised) {
        String noHeader = normalised.replace(HEADER_INSTRUCTION, "");
        return DESCRIPTOR_NAMED.matcher(noHeader).replaceAll(m -> Matcher.quoteReplacement(
                JavaSignatures.qualified(new MethodId(m.group(1), m.group(2), m.group(3)))));
    }

    /** The message with {@code File.java:N} reduced to the file and other numbers to {@code #}. */
    static String normalise(String message) {
        if (message == null) {
            return "";
        }
        String noLines = FILE_LINE.matcher(message).replaceAll("$1");
        return DIGITS.matcher(noLines).replaceAll("#");
    }

    /** The finding's baseline entry with a count of one. */
    public static BaselineEntry entry(Finding finding) {
        return new BaselineEntry(finding.rule().id(), finding.root() == null ? null : finding.root().toString(),
                finding.location().method().toString(), key(finding), 1);
    }

    /** The identity of an entry: the entry without its count. */
    static BaselineEntry identity(BaselineEntry entry) {
        return entry.count() == 1 ? entry
                : new BaselineEntry(entry.rule(), entry.root(), entry.location(), entry.key(), 1);
    }

    /** What an entry of a baseline file matches: its identity, with the key in today's wording. */
    static BaselineEntry matching(BaselineEntry entry) {
        String key = entry.key();
        int bar = key.indexOf(" | ");
        String current = bar < 0 ? key : key.substring(0, bar + 3) + current(key.substring(bar + 3));
        return new BaselineEntry(entry.rule(), entry.root(), entry.location(), current, 1);
    }
}
