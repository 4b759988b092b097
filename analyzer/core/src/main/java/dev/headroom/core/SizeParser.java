package dev.headroom.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses memory sizes: plain bytes ({@code 65536}), binary units ({@code 64KiB}, {@code 2MiB},
 * {@code 1GiB}, also {@code K}, {@code M}, {@code G}) and decimal units ({@code 64KB} = 64,000 bytes,
 * {@code MB}, {@code GB}). Units are case-insensitive; an optional {@code B} suffix means bytes.
 */
public final class SizeParser {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([a-z]*)");

    private SizeParser() {
    }

    /**
     * @param option the option name, for the error message
     * @throws ConfigurationException when the text is not a size
     */
    public static long parse(String option, String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw invalid(option, text);
        }
        long multiplier = switch (m.group(2)) {
            case "", "b" -> 1L;
            case "k", "kib" -> 1L << 10;
            case "m", "mib" -> 1L << 20;
            case "g", "gib" -> 1L << 30;
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            default -> throw invalid(option, text);
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), multiplier);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ConfigurationException(option + ": size '" + text + "' is too large");
        }
    }

    private static ConfigurationException invalid(String option, String text) {
        return new ConfigurationException(option + ": '" + text
                + "' is not a size; use bytes or a unit, e.g. 65536, 64KiB, 2MiB, 1GiB (KB/MB/GB are powers of ten)");
    }
}
