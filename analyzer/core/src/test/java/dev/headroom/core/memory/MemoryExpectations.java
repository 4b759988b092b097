package dev.headroom.core.memory;

import static org.junit.jupiter.api.Assertions.fail;

import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.model.MemoryItem;
import dev.headroom.core.model.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a footprint against the expectation comments of the target sources, in both directions, listing
 * every mismatch together:
 * <ul>
 *   <li>{@code // expect-bytes: 4112} on the line that declares or assigns a static field (or an enum
 *   constant): the field's item has exactly these bytes; {@code // expect-bytes: $VALUES=32} names the
 *   field, of the type declared on that line;</li>
 *   <li>{@code // expect-init-bytes: 176} on a line of an initialisation root: what it allocated at that line and no
 *   static field holds has exactly these bytes;</li>
 *   <li>{@code // expect: unbounded-static} on the line an {@code unbounded-static} finding is reported at.</li>
 * </ul>
 * Every bounded item with bytes and every finding must be expected.
 */
final class MemoryExpectations {
    private static final Pattern BYTES = Pattern.compile("//\\s*expect-bytes:\\s*(?:([\\w$]+)=)?(\\d+)");
    private static final Pattern INIT_BYTES = Pattern.compile("//\\s*expect-init-bytes:\\s*(\\d+)");
    private static final Pattern RULE = Pattern.compile("//\\s*expect:\\s*([a-z-]+)");
    private static final Pattern TYPE = Pattern.compile("\\b(?:class|enum|interface|record)\\s+(\\w+)");
    private static final Pattern ASSIGNED = Pattern.compile("([\\w$]+)\\s*=[^=]");
    private static final Pattern CONSTANT = Pattern.compile("^\\s*(\\w+)\\s*(?:[(,;]|$)");

    private record ExpectedBytes(String file, int line, String type, String field, long bytes) {
    }

    private record ExpectedFinding(String file, int line, String rule) {
    }

    private MemoryExpectations() {
    }

    static void assertMatches(MemoryResult result, ClassRepository classes, Path sourceRoot, String packageDir) throws IOException {
        List<ExpectedBytes> bytes = new ArrayList<>();
        List<ExpectedFinding> rules = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot.resolve(packageDir))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String relative = sourceRoot.relativize(file).toString().replace('\\', '/');
                List<String> lines = Files.readAllLines(file);
                String type = null;
                for (int i = 0; i < lines.size(); i++) {
                    String text = lines.get(i);
                    String code = text.contains("//") ? text.substring(0, text.indexOf("//")) : text;
                    Matcher t = TYPE.matcher(code);
                    if (t.find()) {
                        type = t.group(1);
                    }
                    Matcher b = BYTES.matcher(text);
                    if (b.find()) {
                        String field = b.group(1);
                        if (field == null) {
                            Matcher a = ASSIGNED.matcher(code);
                            Matcher c = CONSTANT.matcher(code);
                            field = a.find() ? a.group(1) : c.find() ? c.group(1) : "?";
                        }
                        bytes.add(new ExpectedBytes(relative, i + 1, type, field, Long.parseLong(b.group(2))));
                    }
                    Matcher ib = INIT_BYTES.matcher(text);
                    if (ib.find()) {
                        bytes.add(new ExpectedBytes(relative, i + 1, null, null, Long.parseLong(ib.group(1))));
                    }
                    Matcher r = RULE.matcher(text);
                    if (r.find()) {
                        rules.add(new ExpectedFinding(relative, i + 1, r.group(1)));
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        TreeSet<String> unexpected = new TreeSet<>();
        List<MemoryItem> matched = new ArrayList<>();
        for (ExpectedBytes e : bytes) {
            MemoryItem item = result.items().stream()
                    .filter(it -> e.field == null ? allocatedAt(it, e, classes) : matches(it, e))
                    .findFirst().orElse(null);
            if (item == null) {
                problems.add("missing:    " + e.file + ":" + e.line + " " + (e.field == null ? "allocated by an initialisation root"
                        : e.type + "." + e.field) + " " + e.bytes + " bytes");
            } else {
                matched.add(item);
                if (item.bytes() != e.bytes) {
                    problems.add("wrong size: " + e.file + ":" + e.line + " " + item.field() + " is " + item.bytes()
                            + " bytes, expected " + e.bytes + " (" + item.detail() + ")");
                }
            }
        }
        List<String> actualFindings = new ArrayList<>();
        TreeSet<String> unboundedFields = new TreeSet<>();
        for (MemoryFinding f : result.findings()) {
            String owner = f.location().owner();
            String pkg = owner.substring(0, owner.lastIndexOf('/') + 1);
            String source = classes.find(owner).map(c -> c.sourceFile()).orElse("?");
            String key = pkg + source + ":" + f.line() + " " + f.rule().id();
            actualFindings.add(key);
            if (rules.stream().noneMatch(e -> (e.file + ":" + e.line + " " + e.rule).equals(key))) {
                unexpected.add("unexpected: " + key + "  (" + f.message() + ")");
            }
            if (f.rule() == Rule.UNBOUNDED_STATIC) {
                unboundedFields.add(f.message());
            }
        }
        for (ExpectedFinding e : rules) {
            if (!actualFindings.contains(e.file + ":" + e.line + " " + e.rule)) {
                problems.add("missing:    " + e.file + ":" + e.line + " " + e.rule);
            }
        }
        for (MemoryItem item : result.items()) {
            boolean reported = unboundedFields.stream()
                    .anyMatch(m -> m.contains(" " + item.field() + " ") || m.contains(" " + item.field() + ","));
            if (item.bytes() > 0 && !reported && !matched.contains(item)) {
                unexpected.add("unexpected: item " + item.field() + " " + item.bytes() + " bytes (" + item.detail() + ")");
            }
        }
        problems.addAll(unexpected);
        if (!problems.isEmpty()) {
            fail(problems.size() + " mismatches between the expectations in " + sourceRoot.resolve(packageDir)
                    + " and the footprint:\n  " + String.join("\n  ", problems));
        }
    }

    /** An initialisation root's item of what it allocated at the expectation's line of its source file. */
    private static boolean allocatedAt(MemoryItem item, ExpectedBytes e, ClassRepository classes) {
        if (item.isStatic() || !item.field().endsWith(" line " + e.line)) {
            return false;
        }
        String owner = item.initRoot().internalClassName();
        String source = classes.find(owner).map(c -> c.sourceFile()).orElse("?");
        return e.file.equals(owner.substring(0, owner.lastIndexOf('/') + 1) + source);
    }

    private static boolean matches(MemoryItem item, ExpectedBytes e) {
        String field = item.field();
        int dot = field.lastIndexOf('.');
        String owner = field.substring(0, dot);
        String simpleOwner = owner.substring(Math.max(owner.lastIndexOf('.'), owner.lastIndexOf('$')) + 1);
        String pkgPath = owner.substring(0, owner.lastIndexOf('.') + 1).replace('.', '/');
        return field.substring(dot + 1).equals(e.field) && simpleOwner.equals(e.type) && e.file.startsWith(pkgPath);
    }
}
