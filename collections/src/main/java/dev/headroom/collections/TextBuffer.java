package dev.headroom.collections;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A fixed-capacity ASCII text of at most {@code capacity} bytes, to build log lines and messages without
 * allocating: the fixed-capacity replacement of {@link StringBuilder} (and of string concatenation). The
 * caller owns the destination the text goes to ({@link #writeTo(ByteBuffer)}, {@link #writeTo(OutputStream)}).
 *
 * <p>Every {@code append} is all or nothing: when the whole value does not fit, it writes nothing, returns
 * {@code false} and sets the sticky {@link #truncated()} flag (until {@link #clear}), so a line that lost
 * a part can be recognised after it was built. Characters outside ASCII are written as {@code '?'} (one
 * per UTF-16 unit, so a surrogate pair gives two).
 *
 * <p>Numbers are formatted without allocating, {@link Integer#MIN_VALUE} and {@link Long#MIN_VALUE}
 * included: integers as {@link Long#toString(long)} does; doubles with a fixed number of fraction digits
 * (0 to 9), the exact binary value rounded half-up, as {@code new BigDecimal(v).setScale(digits,
 * RoundingMode.HALF_UP).toPlainString()} writes it (no exponent, no sign on a value that rounds to zero),
 * and {@code NaN}, {@code Infinity}, {@code -Infinity} spelled out.
 *
 * <p>Cost: {@link #append(char)}, {@link #append(int)}, {@link #append(long)}, {@link #appendBoolean},
 * {@link #byteAt} and the queries are constant time (at most 20 digits); {@link #append(CharSequence)} is
 * bounded by the capacity; {@link #append(double, int)} by a constant (a double's integer part has at
 * most 309 digits, computed in a preallocated scratch array); the {@code writeTo} methods copy at most
 * {@code length()} bytes. Never allocates after construction, except {@link #toString}. Footprint: the
 * buffer object, one {@code byte[capacity]} and one {@code int[36]} of scratch. Not thread-safe.
 */
public final class TextBuffer {

    /** Base of the scratch limbs: nine decimal digits each. */
    private static final int LIMB = 1_000_000_000;
    /** The largest finite double is below 2^1024 &lt; 10^309: at most 35 limbs of nine digits. */
    private static final int MAX_LIMBS = 36;
    /** The most digits of a long (19) with room to spare, as a loop bound. */
    private static final int LONG_DIGITS = 20;
    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
    };

    private final byte[] bytes;
    private final int[] limbs = new int[MAX_LIMBS];
    private int length;
    private boolean truncated;

    /**
     * Creates an empty buffer of {@code capacity} bytes.
     *
     * @param capacity at least 1
     * @throws IllegalArgumentException when {@code capacity < 1}
     */
    public TextBuffer(int capacity) {
        bytes = new byte[Support.checkCapacity(capacity)];
    }

    /**
     * Appends the characters of {@code s} ({@code "null"} for {@code null}, as {@link StringBuilder} does),
     * each outside ASCII as {@code '?'}. Bounded by the capacity, and by the length of {@code s}.
     *
     * @return {@code false} when {@code s} does not fit whole (nothing is written; {@link #truncated()} is set)
     */
    public boolean append(CharSequence s) {
        return s == null ? appendText("null") : appendText(s);
    }

    /**
     * Appends {@code text}, not null. A method of its own (no merge of {@code s} with {@code "null"}), so that
     * at a call with a string literal Headroom knows {@code n} and bounds the loop by the literal's length.
     */
    private boolean appendText(CharSequence text) {
        final byte[] b = this.bytes;
        final int n = text.length();
        final int at = length;
        if (n > b.length - at) {
            return overflow();
        }
        for (int i = 0; i < b.length; i++) {
            if (i >= n) {
                break;
            }
            b[at + i] = ascii(text.charAt(i));
        }
        length = at + n;
        return true;
    }

    /**
     * Appends {@code c} ({@code '?'} when outside ASCII). Constant time.
     *
     * @return {@code false} when the buffer is full (nothing is written; {@link #truncated()} is set)
     */
    public boolean append(char c) {
        if (length == bytes.length) {
            return overflow();
        }
        bytes[length++] = ascii(c);
        return true;
    }

    /**
     * Appends {@code v} in decimal, as {@link Integer#toString(int)} writes it. Constant time.
     *
     * @return {@code false} when it does not fit whole (nothing is written; {@link #truncated()} is set)
     */
    public boolean append(int v) {
        return append((long) v);
    }

    /**
     * Appends {@code v} in decimal, as {@link Long#toString(long)} writes it. Constant time.
     *
     * @return {@code false} when it does not fit whole (nothing is written; {@link #truncated()} is set)
     */
    public boolean append(long v) {
        // Digits are taken from the negative magnitude, which holds Long.MIN_VALUE too.
        final long negative = v < 0 ? v : -v;
        final int digits = digits(negative);
        final int sign = v < 0 ? 1 : 0;
        final int at = reserve(sign + digits, v < 0);
        if (at < 0) {
            return false;
        }
        writeNegative(negative, at + sign + digits);
        return true;
    }

    /**
     * Appends {@code v} with exactly {@code fractionDigits} digits after the point (none and no point for
     * 0), its exact binary value rounded half-up; {@code NaN}, {@code Infinity} and {@code -Infinity}
     * spelled out. Bounded by a constant.
     *
     * @param fractionDigits 0 to 9
     * @return {@code false} when it does not fit whole (nothing is written; {@link #truncated()} is set)
     * @throws IllegalArgumentException when {@code fractionDigits} is outside 0 to 9
     */
    public boolean append(double v, int fractionDigits) {
        if (fractionDigits < 0 || fractionDigits >= POWERS_OF_TEN.length) {
            throw new IllegalArgumentException("fractionDigits must be 0 to 9");
        }
        if (v != v) {
            return append("NaN");
        }
        if (v == Double.POSITIVE_INFINITY) {
            return append("Infinity");
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return append("-Infinity");
        }
        final long bits = Double.doubleToRawLongBits(v);
        final int biased = (int) (bits >>> 52) & 0x7ff;
        long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (biased != 0) {
            mantissa |= 1L << 52;
        }
        // v = (-1)^sign * mantissa * 2^exponent, mantissa < 2^53
        final int exponent = (biased == 0 ? 1 : biased) - 1075;
        return exponent >= 0
                ? appendLargeInteger(bits < 0, mantissa, exponent, fractionDigits)
                : appendFixed(bits < 0, mantissa, -exponent, fractionDigits);
    }

    /**
     * Appends {@code "true"} or {@code "false"}. Constant time.
     *
     * @return {@code false} when it does not fit whole (nothing is written; {@link #truncated()} is set)
     */
    public boolean appendBoolean(boolean v) {
        return append(v ? "true" : "false");
    }

    /** Whether an append has failed for lack of room since construction or the last {@link #clear}. */
    public boolean truncated() {
        return truncated;
    }

    /** The number of bytes written. */
    public int length() {
        return length;
    }

    /** The most bytes the buffer holds, fixed at construction. */
    public int capacity() {
        return bytes.length;
    }

    /**
     * The byte at {@code index}. Constant time.
     *
     * @throws IndexOutOfBoundsException when {@code index} is outside {@code [0, length())}
     */
    public byte byteAt(int index) {
        return bytes[Objects.checkIndex(index, length)];
    }

    /** Empties the buffer and clears the {@link #truncated()} flag. Constant time. */
    public void clear() {
        length = 0;
        truncated = false;
    }

    /**
     * Copies the text, or as much of it as {@code dst} has room for, into {@code dst} at its position
     * (which advances). Bounded by {@code length()}.
     *
     * @return the number of bytes written
     */
    public int writeTo(ByteBuffer dst) {
        int n = Math.min(dst.remaining(), length);
        dst.put(bytes, 0, n);
        return n;
    }

    /**
     * Writes the whole text to {@code out} (one {@code write(byte[], int, int)} call; whether that
     * allocates is up to the stream).
     *
     * @throws IOException from the stream
     */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    /** The text as a {@link String}. Allocates (a new string each call): for tests and cold paths only. */
    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }

    private boolean overflow() {
        truncated = true;
        return false;
    }

    /**
     * Takes the next {@code n} bytes, the first a {@code '-'} when {@code minus}, and returns where they
     * start; or, when they do not fit, writes nothing, sets the flag and returns -1.
     */
    private int reserve(int n, boolean minus) {
        final int at = length;
        if (n > bytes.length - at) {
            truncated = true;
            return -1;
        }
        if (minus) {
            bytes[at] = '-';
        }
        length = at + n;
        return at;
    }

    private static byte ascii(char c) {
        return c < 0x80 ? (byte) c : (byte) '?';
    }

    /** The number of decimal digits of {@code -negative}, {@code negative <= 0}. */
    private static int digits(long negative) {
        int digits = 1;
        long q = negative / 10;
        for (int i = 0; i < LONG_DIGITS; i++) {
            if (q == 0) {
                break;
            }
            digits++;
            q /= 10;
        }
        return digits;
    }

    /** Writes the digits of {@code -negative} ({@code negative <= 0}) so that the last one is at {@code end - 1}. */
    private void writeNegative(long negative, int end) {
        final byte[] b = this.bytes;
        long q = negative;
        int at = end;
        for (int i = 0; i < LONG_DIGITS; i++) {
            b[--at] = (byte) ('0' - q % 10);
            q /= 10;
            if (q == 0) {
                break;
            }
        }
    }

    /** Writes exactly {@code count} digits of {@code value >= 0} (zero-padded) so that the last is at {@code end - 1}. */
    private void writePadded(long value, int count, int end) {
        final byte[] b = this.bytes;
        long q = value;
        for (int i = 0; i < LONG_DIGITS; i++) {
            if (i >= count) {
                break;
            }
            b[end - 1 - i] = (byte) ('0' + q % 10);
            q /= 10;
        }
    }

    /** Writes {@code '.'} and {@code fractionDigits} digits of {@code fraction} ending at {@code end}, if any. */
    private void writeFraction(long fraction, int fractionDigits, int end) {
        if (fractionDigits > 0) {
            bytes[end - fractionDigits - 1] = '.';
            writePadded(fraction, fractionDigits, end);
        }
    }

    /** {@code mantissa / 2^shift} (shift 1 to 1074) with {@code fractionDigits} digits, rounded half-up. */
    private boolean appendFixed(boolean negative, long mantissa, int shift, int fractionDigits) {
        long integer = shift >= 64 ? 0 : mantissa >>> shift;
        long fractionBits = shift >= 64 ? mantissa : mantissa & ((1L << shift) - 1);
        long scale = POWERS_OF_TEN[fractionDigits];
        long fraction = roundedShift(fractionBits, scale, shift);
        if (fraction == scale) {
            integer++;
            fraction = 0;
        }
        int sign = negative && (integer != 0 || fraction != 0) ? 1 : 0;
        int digits = digits(-integer);
        int n = sign + digits + (fractionDigits > 0 ? fractionDigits + 1 : 0);
        final int at = reserve(n, sign != 0);
        if (at < 0) {
            return false;
        }
        writeNegative(-integer, at + sign + digits);
        writeFraction(fraction, fractionDigits, at + n);
        return true;
    }

    /**
     * {@code round(bits * scale / 2^shift)}, half-up, exactly: {@code bits < 2^53} and {@code scale <= 10^9}
     * make a product below 2^83, held in two longs.
     */
    private static long roundedShift(long bits, long scale, int shift) {
        if (shift > 84) {
            return 0; // the product is below 2^83, less than half of 2^shift
        }
        long hi = Math.multiplyHigh(bits, scale);
        long lo = bits * scale;
        if (shift - 1 < 64) {
            long sum = lo + (1L << (shift - 1));
            if (Long.compareUnsigned(sum, lo) < 0) {
                hi++;
            }
            lo = sum;
        } else {
            hi += 1L << (shift - 1 - 64);
        }
        return shift < 64 ? (lo >>> shift) | (hi << (64 - shift)) : hi >>> (shift - 64);
    }

    /** {@code mantissa * 2^exponent} (exponent 0 to 971, an integer up to 309 digits) and a zero fraction. */
    private boolean appendLargeInteger(boolean negative, long mantissa, int exponent, int fractionDigits) {
        final int[] l = this.limbs;
        l[0] = (int) (mantissa % LIMB);
        l[1] = (int) (mantissa / LIMB % LIMB);
        int count = l[1] != 0 ? 2 : 1;
        int left = exponent;
        // Multiply by 2^29 at a time: a limb times 2^29 plus the carry stays below 2^63, and the carry below 10^9.
        for (int round = 0; round < MAX_LIMBS; round++) {
            if (left == 0) {
                break;
            }
            int step = Math.min(left, 29);
            left -= step;
            long carry = 0;
            for (int i = 0; i < l.length; i++) {
                if (i >= count) {
                    break;
                }
                long x = ((long) l[i] << step) + carry;
                l[i] = (int) (x % LIMB);
                carry = x / LIMB;
            }
            if (carry != 0) {
                l[count++] = (int) carry;
            }
        }
        int top = l[count - 1];
        int digits = digits(-top) + 9 * (count - 1);
        int sign = negative ? 1 : 0;
        int n = sign + digits + (fractionDigits > 0 ? fractionDigits + 1 : 0);
        final int at = reserve(n, negative);
        if (at < 0) {
            return false;
        }
        int end = at + sign + digits(-top);
        writeNegative(-top, end);
        for (int k = 0; k < l.length; k++) {
            int limb = count - 2 - k;
            if (limb < 0) {
                break;
            }
            end += 9;
            writePadded(l[limb], 9, end);
        }
        writeFraction(0, fractionDigits, at + n);
        return true;
    }
}
