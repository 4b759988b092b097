package dev.headroom.core.json;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

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
        JsonWriter json = new RepeatedStrings(new LoneSurrogateEscapes(out));
        json.setIndent("  ");
        json.setHtmlSafe(false);
        return json;
    }

    /**
     * Makes the JSON form of each longer string once and copies it when the string comes again. The JSON writer
     * looks at every char of every string it writes, and a report repeats a few thousand texts a million times: on
     * every Guava method as a root, 50 of the report's 55 million chars of string values are repeats (remedies,
     * messages, locations, the roots' rules). The form is made by a scratch JSON writer with the same settings, so
     * the output is the same char for char. A form without surrogates is announced to the escapes, which then copy it
     * without looking for surrogates again ({@link LoneSurrogateEscapes#nextChecked}); one with a surrogate goes
     * through them as any text.
     */
    static final class RepeatedStrings extends JsonWriter {
        /**
         * Shorter strings are written as they come, so that they take none of the room the cap ({@link #MOST_FORMS})
         * keeps for the longer ones. On every Guava method, from the report file's creation to the run's end (medians
         * of three alternating rounds): 623 ms with 16, 609 ms keeping every string's form, 646 ms from 64 chars.
         */
        static final int SHORTEST = 16;
        /**
         * At most this many forms are kept. Every Guava method's report kept 38,269, which held 19 MB beside the
         * strings themselves (about 500 bytes each, measured with JOL): at the cap some 33 MB. A string met once costs
         * a lookup and its form's making; past the cap, the strings not kept are written as they come, repeated or not.
         */
        static final int MOST_FORMS = 1 << 16;
        private final LoneSurrogateEscapes escapes;
        private final Map<String, Form> forms = new HashMap<>();
        private final StringWriter scratchText = new StringWriter();
        private final JsonWriter scratch = new JsonWriter(scratchText);

        /**
         * A string's JSON form, quotes included, and its chars when it holds no surrogate (else null): copied from an
         * array they go out faster than from the string (every Guava method: 0.59 to 0.62 s from the report file's
         * creation to the run's end, against 0.63 to 0.68 s, six rounds each).
         */
        private record Form(String text, char[] checked) {
        }

        RepeatedStrings(LoneSurrogateEscapes escapes) {
            super(escapes);
            this.escapes = escapes;
            scratch.setStrictness(Strictness.LENIENT); // one top-level value after another, nothing between them
            scratch.setHtmlSafe(false);
        }

        @Override
        public JsonWriter value(String value) throws IOException {
            // Html-safe, the writer escapes more: Gson's toJson switches a writer it is given to its own setting
            // for the call (html-safe by default), and the forms are made without.
            if (value == null || value.length() < SHORTEST || isHtmlSafe()) {
                return super.value(value);
            }
            Form form = forms.get(value);
            if (form == null) {
                if (forms.size() == MOST_FORMS) {
                    return super.value(value);
                }
                scratchText.getBuffer().setLength(0);
                scratch.value(value);
                // The form holds a surrogate where the string does: the JSON writer escapes none.
                String text = scratchText.toString();
                form = new Form(text, holdsSurrogate(value) ? null : text.toCharArray());
                forms.put(value, form);
            }
            if (form.checked() != null) {
                escapes.nextChecked(form.text(), form.checked());
            }
            return jsonValue(form.text()); // the name, separator and indent before it, then the form, as one value
        }

        /** How many forms are kept: at most {@link #MOST_FORMS}. */
        int formsKept() {
            return forms.size();
        }

        /**
         * Whether the string holds a surrogate char, paired or not. A loop, not a stream of the chars: in a profile of
         * writing every Guava method's report, the stream took 29 of its 348 samples.
         */
        private static boolean holdsSurrogate(String value) {
            for (int i = 0; i < value.length(); i++) {
                if (Character.isSurrogate(value.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Passes text through, an unpaired surrogate as the six characters <code>&#92;udXXX</code>. In JSON a surrogate
     * can only stand inside a string, where that is its escape. A high surrogate waits for the next char.
     *
     * <p>The JSON writer hands over a few characters at a time (a quote, a name, an indent): they are gathered
     * here and passed on in blocks, not a call (and the underlying writer's lock) each.
     */
    static final class LoneSurrogateEscapes extends Writer {
        /** Texts up to this long are looked at as they are copied, in one pass. */
        private static final int SHORT = 16;
        private final Writer out;
        private final char[] block = new char[8192];
        private int size;
        private char pendingHigh;
        /** A text announced as holding no surrogate ({@link #nextChecked}) and its chars, until it is written. */
        private String checkedText;
        private char[] checkedChars;

        LoneSurrogateEscapes(Writer out) {
            this.out = out;
        }

        /** Not on the reports' path (the JSON writer hands over strings): made a string and written as one. */
        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            write(new String(chars, offset, length), 0, length);
        }

        /**
         * A text about to be written, after the name, separator and indent before it, whose chars hold no surrogate:
         * when this very instance comes ({@code JsonWriter.jsonValue} passes it on through {@code Writer.append}, which
         * keeps the instance), its chars are copied without being looked at again. Any other text is written as usual.
         */
        void nextChecked(String text, char[] chars) {
            checkedText = text;
            checkedChars = chars;
        }

        /**
         * The checked text announced last is copied as it is; a short text (a separator, an indent, a short name) is
         * looked at char by char as it is copied; any other is copied in blocks and the copy searched for surrogates
         * (an array, quicker to scan than the string). A lone surrogate, or a high one that ends the text, and the
         * char after it go through {@link #write(int)}.
         */
        @Override
        public void write(String text, int offset, int length) throws IOException {
            if (checkedText != null && text == checkedText) {
                char[] chars = checkedChars;
                checkedText = null;
                checkedChars = null;
                if (pendingHigh == 0 && offset == 0 && length == chars.length) {
                    put(chars);
                    return;
                }
            }
            if (length <= SHORT && pendingHigh == 0 && size + length <= block.length) {
                int end = offset + length;
                for (int i = offset; i < end; i++) {
                    char c = text.charAt(i);
                    if (Character.isSurrogate(c)) { // from here one char at a time, which pairs and escapes them
                        for (; i < end; i++) {
                            write(text.charAt(i));
                        }
                        return;
                    }
                    block[size++] = c;
                }
                return;
            }
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
            put(("\\u" + Integer.toHexString(surrogate)).toCharArray());
        }

        private void put(char c) throws IOException {
            if (size == block.length) {
                drain();
            }
            block[size++] = c;
        }

        private void put(char[] chars) throws IOException {
            for (int from = 0; from < chars.length; ) {
                int n = room(chars.length - from);
                System.arraycopy(chars, from, block, size, n);
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
