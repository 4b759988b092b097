package dev.headroom.core.memory;

import dev.headroom.core.ConfigurationException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The layout models {@code --layout} accepts. Header sizes and array base offsets were measured with JOL
 * (see the JOL comparison tests); the frame overhead is an estimate of HotSpot's interpreter frame, the
 * largest form a frame takes (compiled frames are usually smaller): 12 machine words on x86-64
 * (return address, saved frame pointer, sender sp, last sp, method, mirror, method data, constant pool
 * cache, locals pointer, bytecode pointer, initial expression stack pointer, one spare), 12 four-byte
 * words on a 32-bit JVM.
 */
public final class Layouts {
    /** The default: 64-bit HotSpot with compressed oops and compressed class pointers (heaps below 32 GiB). */
    public static final Layout HOTSPOT_COOPS = new Layout("hotspot-coops", 12, 4, 8, 8, 96,
            "64-bit HotSpot, compressed oops (default below 32 GiB of heap): 12-byte header, 4-byte references,"
                    + " 16-byte array header");
    /**
     * 64-bit HotSpot with {@code -XX:-UseCompressedOops} (or a heap of 32 GiB and more). Since JDK 15 the
     * class pointer stays compressed, so the header is still 12 bytes; references are 8 bytes.
     */
    public static final Layout HOTSPOT_NOCOOPS = new Layout("hotspot-nocoops", 12, 8, 8, 8, 96,
            "64-bit HotSpot without compressed oops (-XX:-UseCompressedOops, or heaps of 32 GiB and more):"
                    + " 12-byte header (class pointers stay compressed), 8-byte references, 16-byte array header");
    /** 64-bit HotSpot with compact object headers ({@code -XX:+UseCompactObjectHeaders}, JDK 24 and later). */
    public static final Layout HOTSPOT_COMPACT = new Layout("hotspot-compact", 8, 4, 8, 8, 96,
            "64-bit HotSpot with compact object headers (-XX:+UseCompactObjectHeaders, JDK 24+): 8-byte header,"
                    + " 4-byte references, array elements from offset 12 (16 for long and double)");
    /**
     * A 32-bit JVM: 8-byte header (4-byte mark word, 4-byte class pointer), 4-byte references, length at 8,
     * elements from 12 (16 for long and double). Not measurable here (no 32-bit JVM): the tests check
     * its arithmetic by hand.
     */
    public static final Layout JVM32 = new Layout("jvm32", 8, 4, 8, 4, 48,
            "32-bit JVM: 8-byte header, 4-byte references, 12-byte array header (16 for long and double)");

    private static final List<Layout> ALL = List.of(HOTSPOT_COOPS, HOTSPOT_NOCOOPS, HOTSPOT_COMPACT, JVM32);

    private Layouts() {
    }

    public static Layout defaultLayout() {
        return HOTSPOT_COOPS;
    }

    /** Every model, the default first. */
    public static List<Layout> all() {
        return ALL;
    }

    /** The names, comma separated, for messages and help. */
    public static String names() {
        return ALL.stream().map(Layout::name).collect(Collectors.joining(", "));
    }

    /** @throws ConfigurationException naming the value and the valid names when there is no such model */
    public static Layout byName(String name) {
        for (Layout layout : ALL) {
            if (layout.name().equals(name)) {
                return layout;
            }
        }
        throw new ConfigurationException("unknown layout model '" + name + "'; valid: " + names());
    }
}
