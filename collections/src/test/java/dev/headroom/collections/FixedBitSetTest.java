package dev.headroom.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** FixedBitSet: its boundaries (word edges, the last bit), and BitSet as the oracle. */
class FixedBitSetTest {

    @Test
    void atItsBoundaries() {
        FixedBitSet s = new FixedBitSet(65);
        assertEquals(65, s.capacity());
        assertEquals(-1, s.nextSetBit(0));
        assertEquals(0, s.cardinality());
        s.set(0);
        s.set(63);
        s.set(64);
        assertTrue(s.get(0) && s.get(63) && s.get(64));
        assertFalse(s.get(1));
        assertEquals(3, s.cardinality());
        assertEquals(63, s.nextSetBit(1));
        assertEquals(64, s.nextSetBit(64));
        assertEquals(-1, s.nextSetBit(65));
        assertEquals(-1, s.nextSetBit(Integer.MAX_VALUE));
        assertThrows(IndexOutOfBoundsException.class, () -> s.nextSetBit(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> s.set(65));
        assertThrows(IndexOutOfBoundsException.class, () -> s.get(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> s.clear(65));
        s.clear(63);
        assertEquals(64, s.nextSetBit(1));
        s.clearAll();
        assertEquals(0, s.cardinality());

        FixedBitSet one = new FixedBitSet(1);
        one.set(0);
        assertEquals(0, one.nextSetBit(0));
        assertThrows(IndexOutOfBoundsException.class, () -> one.set(1));
        assertThrows(IllegalArgumentException.class, () -> new FixedBitSet(0));
        assertThrows(IllegalArgumentException.class, () -> new FixedBitSet(-64));
        FixedBitSet large = new FixedBitSet((1 << 20) + 1);
        large.set(1 << 20);
        assertEquals(1 << 20, large.nextSetBit(0));
        assertEquals(1, large.cardinality());
    }

    @Test
    void agreesWithBitSet() {
        Mismatches m = new Mismatches();
        for (int bits : new int[] {1, 63, 64, 65, 200}) {
            Random random = new Random(bits);
            FixedBitSet s = new FixedBitSet(bits);
            BitSet oracle = new BitSet();
            for (int step = 0; step < 10_000; step++) {
                String at = "bits " + bits + " step " + step + " ";
                int i = random.nextInt(bits);
                boolean ok;
                switch (random.nextInt(10)) {
                    case 0, 1, 2 -> {
                        oracle.set(i);
                        s.set(i);
                        ok = true;
                    }
                    case 3, 4 -> {
                        oracle.clear(i);
                        s.clear(i);
                        ok = true;
                    }
                    case 5 -> ok = m.expect(oracle.get(i), s.get(i), at + "get " + i);
                    case 6, 7 -> {
                        int from = random.nextInt(bits + 2);
                        ok = m.expect(oracle.nextSetBit(from), s.nextSetBit(from), at + "nextSetBit " + from);
                    }
                    case 8 -> ok = m.expect(oracle.cardinality(), s.cardinality(), at + "cardinality");
                    default -> {
                        if (random.nextInt(50) == 0) {
                            oracle.clear();
                            s.clearAll();
                        }
                        ok = true;
                    }
                }
                if (!ok) {
                    break;
                }
            }
        }
        m.assertNone();
    }
}
