package dev.headroom.realworld;

import dev.headroom.realworld.Expectation.Aspect;
import dev.headroom.realworld.Expectation.ExpectedError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@code .expect} file: blocks of keyword lines, one block per root, {@code #} comments.
 *
 * <pre>
 * root  org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer#write
 * error unbounded-loop in ManyToOneRingBuffer#claimCapacity     (repeatable; none: no error allowed)
 * error any                                                     (other errors are not judged)
 * bound no                                                      (yes: a worst-case bound is expected)
 * why   CAS retry loop on the tail: unbounded-loop is correct   (required, one line)
 * known bound: cause 8: the throw path in checkTypeId           (errors | bound | together)
 * </pre>
 */
final class ExpectationFile {
    private static final Pattern ERROR = Pattern.compile("([a-z-]+)(?:\\s+in\\s+(\\S+#\\S+))?(?:\\s+x(\\d+))?");
    private static final Pattern KNOWN = Pattern.compile("(errors|bound|together):\\s*(cause \\d+: .+)");

    private ExpectationFile() {
    }

    /** The expectations of a resource next to this class, e.g. {@code agrona.expect}. */
    static List<Expectation> read(String resource) {
        try (InputStream in = ExpectationFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no expectation file " + resource);
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    static List<Expectation> parse(String name, List<String> lines) {
        List<Expectation> result = new ArrayList<>();
        Block block = null;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String where = name + ":" + (i + 1);
            String[] kv = text.split("\\s+", 2);
            String value = kv.length < 2 ? "" : kv[1].strip();
            if (kv[0].equals("root")) {
                if (block != null) {
                    result.add(block.build());
                }
                block = new Block(value, where);
                continue;
            }
            if (block == null) {
                throw new IllegalArgumentException(where + ": '" + kv[0] + "' before the first root");
            }
            block.add(kv[0], value, where);
        }
        if (block != null) {
            result.add(block.build());
        }
        return result;
    }

    /** One root's lines while they are read. */
    private static final class Block {
        private final String root;
        private final String where;
        private final List<ExpectedError> errors = new ArrayList<>();
        private final Map<Aspect, String> known = new EnumMap<>(Aspect.class);
        private boolean othersAllowed;
        private Boolean bound;
        private String why;

        Block(String root, String where) {
            this.root = root;
            this.where = where;
        }

        void add(String key, String value, String at) {
            switch (key) {
                case "error" -> addError(value, at);
                case "bound" -> bound = switch (value) {
                    case "yes" -> true;
                    case "no" -> false;
                    default -> throw new IllegalArgumentException(at + ": bound is yes or no, not '" + value + "'");
                };
                case "why" -> why = value;
                case "known" -> {
                    Matcher m = KNOWN.matcher(value);
                    if (!m.matches()) {
                        throw new IllegalArgumentException(at + ": expected 'known <errors|bound|together>: cause N: <what>'");
                    }
                    known.put(Aspect.valueOf(m.group(1).toUpperCase(Locale.ROOT)), m.group(2));
                }
                default -> throw new IllegalArgumentException(at + ": unknown keyword '" + key + "'");
            }
        }

        private void addError(String value, String at) {
            if (value.equals("any")) {
                othersAllowed = true;
                return;
            }
            Matcher m = ERROR.matcher(value);
            if (!m.matches()) {
                throw new IllegalArgumentException(at + ": expected 'error <rule> [in Class#method] [xN]', not '" + value + "'");
            }
            errors.add(new ExpectedError(m.group(1), m.group(2), m.group(3) == null ? null : Integer.valueOf(m.group(3))));
        }

        Expectation build() {
            if (bound == null || why == null || why.isEmpty()) {
                throw new IllegalArgumentException(where + ": root " + root + " needs a 'bound' and a 'why' line");
            }
            return new Expectation(root, List.copyOf(errors), othersAllowed, bound, why, Map.copyOf(known), where);
        }
    }
}
