package dev.headroom.collections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * TextBuffer: all-or-nothing appends and the sticky truncation flag, and its formatting against the JDK
 * as the oracle: {@link Long#toString}, {@code new BigDecimal(v).setScale(n, HALF_UP).toPlainString()}
 * and a StringBuilder that receives what fits.
 */
class TextBufferTest {

    /** What TextBuffer must write for a double with {@code digits} fraction digits. */
    static String expectedDouble(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return new BigDecimal(v).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }

    static String ascii(CharSequence s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            out.append(s.charAt(i) < 0x80 ? s.charAt(i) : '?');
        }
        return out.toString();
    }

    @Test
    void formatsTheExtremesOfIntAndLong() {
        TextBuffer t = new TextBuffer(200);
        for (long v : new long[] {0, 1, -1, 9, 10, -10, 99, 100, Integer.MIN_VALUE, Integer.MAX_VALUE,
                Long.MIN_VALUE, Long.MAX_VALUE, 1_000_000_000_000_000_000L, -999_999_999_999_999_999L}) {
            t.clear();
            assertTrue(t.append(v));
            assertEquals(Long.toString(v), t.toString());
        }
        t.clear();
        assertTrue(t.append(Integer.MIN_VALUE));
        assertTrue(t.append(' '));
        assertTrue(t.append(Integer.MAX_VALUE));
        assertEquals("-2147483648 2147483647", t.toString());
    }

    @Test
    void formatsDoublesAtTheirHardCases() {
        Mismatches m = new Mismatches();
        double[] hard = {0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1.005, 2.675, 0.045, 1e-9, 5e-10, 4.9e-10,
                -0.0000000004, 0.9999999995, 9.9999999995, 123456789.123456789, Double.MIN_VALUE, -Double.MIN_VALUE,
                Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 0x1p52, 0x1p53, 0x1p63, 0x1p64, 9.223372036854776E18,
                1e300, 1e22, 1e23, 4503599627370495.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double v : hard) {
            for (int digits = 0; digits <= 9; digits++) {
                TextBuffer t = new TextBuffer(400);
                m.expect(true, t.append(v, digits), v + " with " + digits + " digits fits");
                m.expect(expectedDouble(v, digits), t.toString(), v + " with " + digits + " digits");
            }
        }
        m.assertNone();
        TextBuffer t = new TextBuffer(10);
        assertThrows(IllegalArgumentException.class, () -> t.append(1.0, -1));
        assertThrows(IllegalArgumentException.class, () -> t.append(1.0, 10));
    }

    @Test
    void appendsAreAllOrNothingAndTruncationIsSticky() {
        TextBuffer t = new TextBuffer(5);
        assertFalse(t.truncated());
        assertTrue(t.append("abc"));
        assertFalse(t.append("def"));
        assertTrue(t.truncated());
        assertEquals("abc", t.toString());
        assertFalse(t.append(123L));
        assertFalse(t.append(-1.5, 1)); // "-1.5" needs 4
        assertFalse(t.appendBoolean(false));
        assertTrue(t.append(12));
        assertEquals("abc12", t.toString());
        assertFalse(t.append('x'));
        assertFalse(t.append("y"));
        assertTrue(t.append("")); // nothing always fits
        assertTrue(t.truncated(), "the flag stays until clear");
        assertEquals(5, t.length());
        t.clear();
        assertFalse(t.truncated());
        assertEquals(0, t.length());
        assertTrue(t.appendBoolean(true));
        assertTrue(t.append('!'));
        assertEquals("true!", t.toString());

        TextBuffer one = new TextBuffer(1);
        assertFalse(one.append(-1));
        assertTrue(one.append(7));
        assertFalse(one.append(Double.NaN, 2));
        assertEquals("7", one.toString());
        assertThrows(IllegalArgumentException.class, () -> new TextBuffer(0));
        assertThrows(IllegalArgumentException.class, () -> new TextBuffer(-3));
    }

    @Test
    void nonAsciiBecomesQuestionMarksAndNullIsSpelledOut() {
        TextBuffer t = new TextBuffer(32);
        assertTrue(t.append("é😀a"));
        assertTrue(t.append('ü'));
        assertTrue(t.append((CharSequence) null));
        assertTrue(t.append(new StringBuilder("sb")));
        assertEquals("???a?nullsb", t.toString());
        assertEquals('a', t.byteAt(3));
        assertThrows(IndexOutOfBoundsException.class, () -> t.byteAt(11));
        assertThrows(IndexOutOfBoundsException.class, () -> t.byteAt(-1));
    }

    @Test
    void writesToAByteBufferAndAnOutputStream() throws IOException {
        TextBuffer t = new TextBuffer(16);
        t.append("hello ");
        t.append(42);
        ByteBuffer small = ByteBuffer.allocate(4);
        assertEquals(4, t.writeTo(small));
        assertArrayEquals("hell".getBytes(StandardCharsets.US_ASCII), small.array());
        ByteBuffer direct = ByteBuffer.allocateDirect(32);
        direct.put((byte) '>');
        assertEquals(8, t.writeTo(direct));
        assertEquals(9, direct.position());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.writeTo(out);
        assertEquals("hello 42", out.toString(StandardCharsets.US_ASCII));
        assertEquals(0, t.writeTo(ByteBuffer.allocate(0)));
    }

    @Test
    void agreesWithTheJdkOnRandomAppends() {
        Mismatches m = new Mismatches();
        for (long seed = 1; seed <= 5; seed++) {
            for (int capacity : new int[] {1, 16, 80, 400}) {
                runAgainstStringBuilder(seed, capacity, m);
            }
        }
        m.assertNone();
    }

    /** 10,000 random appends; the buffer is cleared when full more often than not. The first mismatch ends the run. */
    private static void runAgainstStringBuilder(long seed, int capacity, Mismatches m) {
        Random random = new Random(seed);
        TextBuffer t = new TextBuffer(capacity);
        StringBuilder oracle = new StringBuilder();
        boolean truncated = false;
        for (int step = 0; step < 10_000; step++) {
            String at = "seed " + seed + " capacity " + capacity + " step " + step + " ";
            String expected;
            boolean appended;
            switch (random.nextInt(8)) {
                case 0 -> {
                    int v = random.nextInt(4) == 0 ? random.nextInt(21) - 10 : random.nextInt();
                    expected = Integer.toString(v);
                    appended = t.append(v);
                }
                case 1 -> {
                    long v = random.nextInt(4) == 0 ? Long.MIN_VALUE + random.nextInt(3) : random.nextLong() >> random.nextInt(64);
                    expected = Long.toString(v);
                    appended = t.append(v);
                }
                case 2, 3 -> {
                    double v = randomDouble(random);
                    int digits = random.nextInt(10);
                    expected = expectedDouble(v, digits);
                    appended = t.append(v, digits);
                }
                case 4 -> {
                    char c = (char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x10000));
                    expected = ascii(String.valueOf(c));
                    appended = t.append(c);
                }
                case 5 -> {
                    boolean v = random.nextBoolean();
                    expected = Boolean.toString(v);
                    appended = t.appendBoolean(v);
                }
                default -> {
                    StringBuilder s = new StringBuilder();
                    int n = random.nextInt(12);
                    for (int i = 0; i < n; i++) {
                        s.append((char) (random.nextInt(5) == 0 ? 0x80 + random.nextInt(0x2000) : 32 + random.nextInt(95)));
                    }
                    expected = ascii(s);
                    appended = t.append(s);
                }
            }
            boolean fits = oracle.length() + expected.length() <= capacity;
            if (fits) {
                oracle.append(expected);
            } else {
                truncated = true;
            }
            boolean ok = m.expect(fits, appended, at + "append of " + expected)
                    && m.expect(oracle.toString(), t.toString(), at + "text after " + expected)
                    && m.expect(truncated, t.truncated(), at + "truncated")
                    && m.expect(oracle.length(), t.length(), at + "length");
            if (!ok) {
                return;
            }
            if (!fits && random.nextInt(4) != 0) {
                t.clear();
                oracle.setLength(0);
                truncated = false;
            }
        }
    }

    /** Any bits (subnormals, huge, NaN), decimal-looking values with ties, or small integers and halves. */
    private static double randomDouble(Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return Double.longBitsToDouble(random.nextLong());
            case 1:
                return (random.nextInt(2_000_001) - 1_000_000) / Math.pow(10, random.nextInt(10));
            case 2:
                return (random.nextInt(4001) - 2000) / 8.0;
            default:
                return random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
        }
    }
}
