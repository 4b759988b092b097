package dev.headroom.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Expectation comments in test-target sources: {@code // expect: rule-id} on the line a finding is
 * reported at. Several are separated by commas; {@code rule-id/error} or {@code rule-id/warning} pins the
 * severity; {@code suppressed rule-id} expects a suppressed finding.
 */
public final class Expectations {
    private static final Pattern COMMENT = Pattern.compile("//\\s*expect:\\s*(.+)$");
    private static final Pattern ITEM = Pattern.compile("(suppressed\\s+)?([a-z-]+)(?:/(error|warning))?");

    /** One expected finding: source file relative to its source root ({@code com/acme/Motor.java}). */
    public record Expected(String file, int line, String rule, String severity, boolean suppressed) {
        boolean matches(ExpectationHarness.Actual a) {
            return a.file().equals(file) && a.line() == line && a.rule().equals(rule)
                    && a.suppressed() == suppressed && (severity == null || severity.equals(a.severity()));
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + (suppressed ? "suppressed " : "") + rule + (severity == null ? "" : "/" + severity);
        }
    }

    private Expectations() {
    }

    /** Every expectation in the .java files of a source root below one package folder ({@code com/acme}, or "" for all). */
    public static List<Expected> read(Path sourceRoot, String packageDir) {
        List<Expected> result = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot.resolve(packageDir))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String relative = sourceRoot.relativize(file).toString().replace('\\', '/');
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = COMMENT.matcher(lines.get(i));
                    if (m.find()) {
                        for (String item : m.group(1).split(",")) {
                            result.add(parse(relative, i + 1, item.trim()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static Expected parse(String file, int line, String item) {
        Matcher m = ITEM.matcher(item.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(file + ":" + line + ": malformed expectation '" + item + "'");
        }
        return new Expected(file, line, m.group(2), m.group(3), m.group(1) != null);
    }
}
