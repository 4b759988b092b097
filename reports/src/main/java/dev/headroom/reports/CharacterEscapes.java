package dev.headroom.reports;

import java.util.Locale;

/**
 * Names from class files may hold any char: controls, terminal escape sequences ({@code ESC[2J}), bidi
 * overrides, unpaired surrogates. Each text output keeps what it can show and writes the rest as the
 * visible Java-style escape <code>&#92;uXXXX</code> (lowercase hex, one per UTF-16 char); a valid surrogate
 * pair is one character and is kept or escaped whole. JSON outputs use JSON's own escapes instead
 * ({@code dev.headroom.core.json.JsonOutput}).
 */
public final class CharacterEscapes {
    private CharacterEscapes() {
    }

    /** Which characters (code points) an output shows as they are. */
    @FunctionalInterface
    interface Keep {
        boolean keeps(int codePoint);
    }

    /**
     * For a terminal or a log line (standard error, the Maven log): every control character (line breaks and
     * tabs included: a name stays on its line), C1 controls, bidi and line-separator formatting characters,
     * noncharacters and unpaired surrogates escaped; other characters, non-ASCII included, kept.
     */
    public static String terminal(String text) {
        return escape(text, CharacterEscapes::showsOnTerminal);
    }

    /** Printable ASCII only (the text report): everything else escaped. */
    static String ascii(String text) {
        return escape(text, c -> c >= 0x20 && c < 0x7f);
    }

    /**
     * For XML 1.0 (the JUnit report, whose text CI tools show in logs and pages): as {@link #terminal}, but tab,
     * newline and carriage return kept. XML 1.0 cannot hold the other C0 controls, unpaired surrogates,
     * U+FFFE and U+FFFF at all, not even as character references.
     */
    static String xml(String text) {
        return escape(text, c -> c == '\t' || c == '\n' || c == '\r' || showsOnTerminal(c));
    }

    static String escape(String text, Keep keep) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            boolean kept = keep.keeps(c);
            if (!kept && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (kept) {
                    sb.appendCodePoint(c);
                } else {
                    for (int j = i; j < i + width; j++) {
                        sb.append(unicode(text.charAt(j)));
                    }
                }
            }
            i += width;
        }
        return sb == null ? text : sb.toString();
    }

    /** <code>&#92;u001b</code>. */
    static String unicode(char c) {
        return String.format(Locale.ROOT, "\\u%04x", (int) c);
    }

    /** Whether a terminal shows the character as itself, without control or reordering effects. */
    static boolean showsOnTerminal(int c) {
        if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c <= 0xffff && Character.isSurrogate((char) c))) {
            return false;
        }
        // Arabic letter mark, LRM/RLM, line and paragraph separators, bidi embeddings, overrides, isolates.
        boolean formatting = c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x2028 && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
        return !formatting && (c & 0xfffe) != 0xfffe;
    }
}
