package dev.headroom.core.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Damaged copies of a real class file, for fuzzing: flipped bytes, truncations, constant-pool references
 * pointing elsewhere (zero, out of range, another entry), bogus attribute lengths, and code that still
 * parses but no verifier would accept (changed bytecodes, branch offsets, exception-table entries,
 * {@code max_stack} and {@code max_locals}). Each mutant is a function of the original and one
 * {@link Random}: a seed reproduces it.
 */
public final class ClassMutants {
    /** The kinds of damage, each one mutant in {@code values().length}. */
    public enum Kind { FLIP, TRUNCATE, POOL_REFERENCE, ATTRIBUTE_LENGTH, CODE_BYTE, CODE_STRUCTURE }

    /** Where the parts worth damaging are in one class file (offsets into it). */
    private static final class Layout {
        final List<Integer> references = new ArrayList<>();
        final List<Integer> attributeLengths = new ArrayList<>();
        /** Pairs: start and length of each method's code. */
        final List<int[]> code = new ArrayList<>();
        /** Offsets of max_stack, max_locals and of each exception-table field. */
        final List<Integer> codeStructure = new ArrayList<>();
        int poolCount;
    }

    /** A mutant and how it was made. */
    public record Mutant(byte[] bytes, Kind kind, String detail) {
    }

    private ClassMutants() {
    }

    public static Mutant mutate(byte[] original, Random random) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        byte[] b = original.clone();
        Layout layout;
        try {
            layout = layout(b);
        } catch (RuntimeException e) {
            layout = new Layout(); // not a class file we can walk: only blind damage
        }
        String detail = switch (kind) {
            case FLIP -> flip(b, random);
            case TRUNCATE -> null;
            case POOL_REFERENCE -> layout.references.isEmpty() ? flip(b, random) : poolReference(b, layout, random);
            case ATTRIBUTE_LENGTH -> layout.attributeLengths.isEmpty() ? flip(b, random) : attributeLength(b, layout, random);
            case CODE_BYTE -> layout.code.isEmpty() ? flip(b, random) : codeByte(b, layout, random);
            case CODE_STRUCTURE -> layout.codeStructure.isEmpty() ? flip(b, random) : codeStructure(b, layout, random);
        };
        if (kind == Kind.TRUNCATE) {
            int length = random.nextInt(b.length);
            return new Mutant(Arrays.copyOf(b, length), kind, "cut to " + length + " of " + b.length + " bytes");
        }
        return new Mutant(b, kind, detail);
    }

    private static String flip(byte[] b, Random random) {
        int count = 1 + random.nextInt(4);
        StringBuilder where = new StringBuilder("flipped bytes at");
        for (int k = 0; k < count; k++) {
            int at = random.nextInt(b.length);
            b[at] ^= (byte) (1 + random.nextInt(255));
            where.append(' ').append(at);
        }
        return where.toString();
    }

    private static String poolReference(byte[] b, Layout layout, Random random) {
        int at = layout.references.get(random.nextInt(layout.references.size()));
        int value = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextInt(Math.max(1, layout.poolCount - 1));
            case 2 -> layout.poolCount + random.nextInt(4);
            default -> 0xFFFF;
        };
        ClassFileBytes.putU2(b, at, value);
        return "constant-pool reference at " + at + " set to " + value;
    }

    private static String attributeLength(byte[] b, Layout layout, Random random) {
        int at = layout.attributeLengths.get(random.nextInt(layout.attributeLengths.size()));
        int old = u4(b, at);
        int value = switch (random.nextInt(4)) {
            case 0 -> old + 1 + random.nextInt(8);
            case 1 -> Math.max(0, old - 1 - random.nextInt(8));
            case 2 -> 0;
            default -> random.nextBoolean() ? Integer.MAX_VALUE : random.nextInt();
        };
        putU4(b, at, value);
        return "attribute length at " + at + " set to " + value + " (was " + old + ")";
    }

    private static String codeByte(byte[] b, Layout layout, Random random) {
        int[] code = layout.code.get(random.nextInt(layout.code.size()));
        int at = code[0] + random.nextInt(code[1]);
        int value = random.nextInt(256);
        b[at] = (byte) value;
        return "code byte at " + at + " set to " + value;
    }

    private static String codeStructure(byte[] b, Layout layout, Random random) {
        int at = layout.codeStructure.get(random.nextInt(layout.codeStructure.size()));
        int old = ClassFileBytes.u2(b, at);
        int value = switch (random.nextInt(3)) {
            case 0 -> Math.max(0, old - 1 - random.nextInt(3));
            case 1 -> old + 1 + random.nextInt(3);
            default -> random.nextInt(old + 8);
        };
        ClassFileBytes.putU2(b, at, value);
        return "code field at " + at + " set to " + value + " (was " + old + ")";
    }

    /** Walks the class file (JVMS 4.1) and notes the offsets of what the mutations change. */
    private static Layout layout(byte[] b) {
        Layout layout = new Layout();
        List<ClassFileBytes.Entry> pool = ClassFileBytes.constantPool(b);
        layout.poolCount = ClassFileBytes.u2(b, 8);
        String[] utf8 = new String[layout.poolCount];
        for (ClassFileBytes.Entry e : pool) {
            for (int ref : e.referenceOffsets()) {
                layout.references.add(ref);
            }
            if (e.tag() == 1) {
                utf8[e.index()] = new String(b, e.offset() + 3, ClassFileBytes.u2(b, e.offset() + 1),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        int at = ClassFileBytes.poolEnd(b) + 2;
        layout.references.add(at);
        layout.references.add(at + 2);
        at += 4;
        int interfaces = ClassFileBytes.u2(b, at);
        at += 2;
        for (int i = 0; i < interfaces; i++, at += 2) {
            layout.references.add(at);
        }
        for (int members = 0; members < 2; members++) {
            int count = ClassFileBytes.u2(b, at);
            at += 2;
            for (int i = 0; i < count; i++) {
                layout.references.add(at + 2);
                layout.references.add(at + 4);
                at = attributes(b, at + 6, layout, utf8);
            }
        }
        attributes(b, at, layout, utf8);
        return layout;
    }

    /** Notes the attributes starting at their count; returns the offset after them. */
    private static int attributes(byte[] b, int at, Layout layout, String[] utf8) {
        int count = ClassFileBytes.u2(b, at);
        at += 2;
        for (int i = 0; i < count; i++) {
            int name = ClassFileBytes.u2(b, at);
            layout.references.add(at);
            layout.attributeLengths.add(at + 2);
            int length = u4(b, at + 2);
            int body = at + 6;
            if ("Code".equals(utf8[name])) {
                code(b, body, layout, utf8);
            }
            at = body + length;
        }
        return at;
    }

    private static void code(byte[] b, int at, Layout layout, String[] utf8) {
        layout.codeStructure.add(at);
        layout.codeStructure.add(at + 2);
        int length = u4(b, at + 4);
        layout.code.add(new int[] {at + 8, length});
        int table = at + 8 + length;
        int handlers = ClassFileBytes.u2(b, table);
        for (int k = 0; k < handlers; k++) {
            int entry = table + 2 + 8 * k;
            layout.codeStructure.add(entry);
            layout.codeStructure.add(entry + 2);
            layout.codeStructure.add(entry + 4);
            layout.references.add(entry + 6);
        }
        attributes(b, table + 2 + 8 * handlers, layout, utf8);
    }

    private static int u4(byte[] b, int at) {
        return (ClassFileBytes.u2(b, at) << 16) | ClassFileBytes.u2(b, at + 2);
    }

    private static void putU4(byte[] b, int at, int value) {
        ClassFileBytes.putU2(b, at, value >>> 16);
        ClassFileBytes.putU2(b, at + 2, value & 0xFFFF);
    }
}
