package dev.headroom.core.json;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * How Headroom writes JSON files (the JSON and SARIF reports, the aggregated SARIF, the baseline): two-space
 * indent, HTML characters as they are, and any name the class files hold written so that the file is valid
 * UTF-8.
 *
 * <p>Gson escapes control characters but writes an unpaired surrogate (legal in a JVM name, read from
 * modified UTF-8) raw, which no UTF-8 encoder accepts: writing a file then fails ("Input length = 1").
 * Here such a surrogate becomes the JSON escape <code>&#92;ud800</code>, which every JSON reader turns back
 * into the same char, so names round-trip (a baseline's keys match the next run's).
 */
public final class JsonOutput {
    private JsonOutput() {
    }

    /** A JSON writer over {@code out}; closing it closes {@code out}, so callers flush it instead. */
    public static JsonWriter writer(Writer out) {
        JsonWriter json = new JsonWriter(new LoneSurrogateEscapes(out));
        json.setIndent("  ");
        json.setHtmlSafe(false);
        return json;
    }

    /**
     * Passes text through, an unpaired surrogate as the six characters <code>&#92;udXXX</code>. In JSON a surrogate
     * can only stand inside a string, where that is its escape. A high surrogate waits for the next char.
     *
     * <p>The JSON writer hands over a few characters at a time (a quote, a name, an indent): they are gathered
     * here and passed on in blocks, not a call (and the underlying writer's lock) each.
     */
    static final class LoneSurrogateEscapes extends Writer {
        private final Writer out;
        private final char[] block = new char[8192];
        private int size;
        private char pendingHigh;

        LoneSurrogateEscapes(Writer out) {
            this.out = out;
        }

        /** Not on the reports' path (the JSON writer hands over strings): made a string and written as one. */
        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            write(new String(chars, offset, length), 0, length);
        }

        /**
         * Copies text in blocks and looks for surrogates in the copy (an array, quicker to scan than the string);
         * a lone surrogate, or a high one that ends the copy, and the char after it go through {@link #write(int)}.
         */
        @Override
        public void write(String text, int offset, int length) throws IOException {
            int at = offset;
            int end = offset + length;
            while (at < end) {
                if (pendingHigh != 0) {
                    write(text.charAt(at++));
                    continue;
                }
                int n = room(end - at);
                text.getChars(at, at + n, block, size);
                at += passed(n);
                if (at < end && Character.isSurrogate(text.charAt(at))) {
                    write(text.charAt(at++));
                }
            }
        }

        /** How many of {@code wanted} chars fit in the block, draining it first when full. */
        private int room(int wanted) throws IOException {
            if (size == block.length) {
                drain();
            }
            return Math.min(wanted, block.length - size);
        }

        /**
         * Keeps the {@code n} chars just copied to the block up to its first surrogate that is not half of a pair
         * within them (a pair is written as it is); returns how many.
         */
        private int passed(int n) {
            int end = size + n;
            int i = size;
            while (i < end) {
                char c = block[i];
                if (!Character.isSurrogate(c)) {
                    i++;
                } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(block[i + 1])) {
                    i += 2;
                } else {
                    break;
                }
            }
            int kept = i - size;
            size = i;
            return kept;
        }

        @Override
        public void write(int c) throws IOException {
            char ch = (char) c;
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(ch)) {
                    put(high);
                    put(ch);
                    return;
                }
                escape(high);
            }
            if (Character.isHighSurrogate(ch)) {
                pendingHigh = ch;
            } else if (Character.isLowSurrogate(ch)) {
                escape(ch);
            } else {
                put(ch);
            }
        }

        private void escape(char surrogate) throws IOException {
            String escaped = "\\u" + Integer.toHexString(surrogate);
            put(escaped, 0, escaped.length());
        }

        private void put(char c) throws IOException {
            if (size == block.length) {
                drain();
            }
            block[size++] = c;
        }

        private void put(String text, int from, int to) throws IOException {
            while (from < to) {
                if (size == block.length) {
                    drain();
                }
                int n = Math.min(to - from, block.length - size);
                text.getChars(from, from + n, block, size);
                size += n;
                from += n;
            }
        }

        private void drain() throws IOException {
            out.write(block, 0, size);
            size = 0;
        }

        /** A finished JSON text has no surrogate pending: every string ends with a quote. */
        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (pendingHigh != 0) {
                escape(pendingHigh);
                pendingHigh = 0;
            }
            drain();
            out.close();
        }
    }
}
