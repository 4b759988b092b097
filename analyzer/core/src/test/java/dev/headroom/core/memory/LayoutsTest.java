package dev.headroom.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutsTest {
    @Test
    void findsEveryModelByName() {
        assertSame(Layouts.HOTSPOT_COOPS, Layouts.defaultLayout());
        for (Layout l : Layouts.all()) {
            assertSame(l, Layouts.byName(l.name()));
        }
        assertEquals("hotspot-coops, hotspot-nocoops, hotspot-compact, jvm32", Layouts.names());
    }

    @Test
    void rejectsAnUnknownNameNamingTheValidOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Layouts.byName("hotspot-zgc"));
        assertTrue(e.getMessage().contains("'hotspot-zgc'"), e.getMessage());
        assertTrue(e.getMessage().contains("hotspot-coops, hotspot-nocoops, hotspot-compact, jvm32"), e.getMessage());
    }

    /**
     * No 32-bit JVM can be run here to measure jvm32 with JOL; these values are computed by hand from its
     * model: 8-byte header, 4-byte references, array length at 8 and elements from 12 (16 for 8-byte
     * elements), 8-byte alignment.
     */
    @Test
    void jvm32ArithmeticByHand() {
        Layout l = Layouts.JVM32;
        assertEquals(16, l.arraySize("I", 0)); // 12 -> 16
        assertEquals(16, l.arraySize("I", 1)); // 12 + 4
        assertEquals(24, l.arraySize("I", 2)); // 12 + 8 = 20 -> 24
        assertEquals(16, l.arraySize("B", 3)); // 15 -> 16
        assertEquals(16, l.arraySize("J", 0)); // base 16
        assertEquals(24, l.arraySize("J", 1)); // 16 + 8
        assertEquals(16, l.arraySize("Ljava/lang/Object;", 1)); // 12 + 4
        assertEquals(4112, l.arraySize("I", 1025)); // 12 + 4100 = 4112
        assertEquals(8, size(l, List.of())); // header only
        assertEquals(16, size(l, List.of(new FieldLayout.Declared("b", "B")))); // 9 -> 16
        assertEquals(16, size(l, List.of(new FieldLayout.Declared("j", "J")))); // long at 8
        assertEquals(16, size(l, List.of(new FieldLayout.Declared("o", "Ljava/lang/Object;"), new FieldLayout.Declared("i", "I"))));
        // primitives largest first, then references: long at 8, int at 16, byte at 20, ref at 24 -> 28 -> 32
        assertEquals(32, size(l, List.of(new FieldLayout.Declared("z", "B"), new FieldLayout.Declared("o", "Ljava/lang/Object;"),
                new FieldLayout.Declared("i", "I"), new FieldLayout.Declared("j", "J"))));
        assertEquals(4 + 48, l.frameBytes(1, 0));
    }

    @Test
    void subclassFieldsFillTheSuperclassGapsOnHotspotCoops() {
        Layout l = Layouts.HOTSPOT_COOPS;
        // super: byte at 12; sub: long at 16, int at 24 (13..16 is too small for it), the short fills 14..16
        FieldLayout.Computed base = FieldLayout.compute(l, null, "Base", List.of(new FieldLayout.Declared("b", "B")));
        assertEquals(16, base.instanceSize());
        FieldLayout.Computed sub = FieldLayout.compute(l, base, "Sub", List.of(new FieldLayout.Declared("j", "J"),
                new FieldLayout.Declared("i", "I"), new FieldLayout.Declared("s", "S")));
        assertEquals(List.of(12, 14, 16, 24), sub.fields().stream().map(FieldLayout.Placed::offset).toList());
        assertEquals(32, sub.instanceSize());
    }

    private static long size(Layout l, List<FieldLayout.Declared> fields) {
        return FieldLayout.compute(l, FieldLayout.compute(l, null, "java/lang/Object", List.of()), "T", fields).instanceSize();
    }
}
