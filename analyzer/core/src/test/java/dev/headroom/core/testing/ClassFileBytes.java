package dev.headroom.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The constant pool of a class file, read only as far as damaging it takes: where each entry is, and
 * which two-byte fields of it name other entries. Class files that ASM's writer cannot produce (a
 * zeroed reference, a jump into the middle of an instruction) are made by patching written ones.
 */
public final class ClassFileBytes {
    /** One constant-pool entry: its index, tag and the offset of its tag byte. */
    public record Entry(int index, int tag, int offset) {
        /** Offsets of the two-byte fields that hold indexes of other entries. */
        public int[] referenceOffsets() {
            return switch (tag) {
                case 7, 8, 16, 19, 20 -> new int[] {offset + 1}; // Class, String, MethodType, Module, Package
                case 9, 10, 11, 12 -> new int[] {offset + 1, offset + 3}; // refs, NameAndType
                case 15 -> new int[] {offset + 2}; // MethodHandle: kind byte, then reference
                case 17, 18 -> new int[] {offset + 3}; // (Invoke)Dynamic: bootstrap index, then NameAndType
                default -> new int[0];
            };
        }
    }

    private ClassFileBytes() {
    }

    /** The entries in order, and (as the last element's end) where the pool ends. */
    public static List<Entry> constantPool(byte[] b) {
        int count = u2(b, 8);
        List<Entry> entries = new ArrayList<>();
        int at = 10;
        for (int index = 1; index < count; index++) {
            int tag = b[at] & 0xff;
            entries.add(new Entry(index, tag, at));
            at += size(b, at, tag);
            if (tag == 5 || tag == 6) {
                index++; // long and double take two indexes
            }
        }
        return entries;
    }

    /** Where the constant pool ends: the offset of the class's access flags. */
    public static int poolEnd(byte[] b) {
        List<Entry> pool = constantPool(b);
        Entry last = pool.get(pool.size() - 1);
        return last.offset() + size(b, last.offset(), last.tag());
    }

    /** The bytes an entry takes, its tag included. */
    public static int size(byte[] b, int at, int tag) {
        return switch (tag) {
            case 1 -> 3 + u2(b, at + 1);
            case 3, 4, 9, 10, 11, 12, 17, 18 -> 5;
            case 5, 6 -> 9;
            case 7, 8, 16, 19, 20 -> 3;
            case 15 -> 4;
            default -> throw new IllegalArgumentException("constant-pool tag " + tag + " at " + at);
        };
    }

    /** The index of the UTF-8 entry holding exactly this text. */
    public static int utf8(byte[] b, String text) {
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        for (Entry e : constantPool(b)) {
            if (e.tag() == 1 && u2(b, e.offset() + 1) == wanted.length
                    && Arrays.equals(b, e.offset() + 3, e.offset() + 3 + wanted.length, wanted, 0, wanted.length)) {
                return e.index();
            }
        }
        throw new IllegalArgumentException("no UTF-8 constant " + text);
    }

    /** Zeroes every reference, in entries of this tag, to the UTF-8 entry holding the text; returns how many. */
    public static int zeroReferences(byte[] b, int tag, String text) {
        int target = utf8(b, text);
        int zeroed = 0;
        for (Entry e : constantPool(b)) {
            if (e.tag() != tag) {
                continue;
            }
            for (int ref : e.referenceOffsets()) {
                if (u2(b, ref) == target) {
                    b[ref] = 0;
                    b[ref + 1] = 0;
                    zeroed++;
                }
            }
        }
        return zeroed;
    }

    /** The offset of the only occurrence of the pattern; fails on none or several. */
    public static int find(byte[] b, int... pattern) {
        int found = -1;
        for (int i = 0; i + pattern.length <= b.length; i++) {
            int k = 0;
            while (k < pattern.length && (b[i + k] & 0xff) == pattern[k]) {
                k++;
            }
            if (k == pattern.length) {
                if (found >= 0) {
                    throw new IllegalArgumentException("the pattern occurs twice");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("the pattern does not occur");
        }
        return found;
    }

    public static int u2(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    public static void putU2(byte[] b, int at, int value) {
        b[at] = (byte) (value >> 8);
        b[at + 1] = (byte) value;
    }
}
