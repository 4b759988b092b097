package dev.headroom.core.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * HotSpot's instance field layout since JDK 15 ({@code FieldLayoutBuilder}), recomputed: the fields of the
 * super classes keep their offsets and the gaps between them (and after the last one) become empty
 * blocks; the class's own primitive fields are placed largest first (declaration order among equal
 * sizes), then its reference fields in declaration order, each in the smallest empty block before the
 * end that fits it aligned to its own size, or else at the end. The instance size is the end of the
 * last field rounded up to the object alignment. {@code @Contended} padding is not modelled.
 */
public final class FieldLayout {
    /** A field at its offset. */
    public record Placed(String owner, String name, String descriptor, int offset, int size) {
    }

    /** The fields of a class and its super classes with their offsets, and the instance size. */
    public record Computed(List<Placed> fields, int end, long instanceSize) {
        public Computed {
            fields = List.copyOf(fields);
        }
    }

    /** A declared instance field, in declaration order. */
    public record Declared(String name, String descriptor) {
    }

    private enum Kind { RESERVED, EMPTY, FIELD }

    private static final class Block {
        final Kind kind;
        int offset;
        int size;
        final Placed field;
        final String name;
        final String descriptor;
        final int index;

        Block(Kind kind, int offset, int size, Placed field, String name, String descriptor, int index) {
            this.kind = kind;
            this.offset = offset;
            this.size = size;
            this.field = field;
            this.name = name;
            this.descriptor = descriptor;
            this.index = index;
        }

        boolean fits(int size) {
            int adjustment = offset % size == 0 ? 0 : size - offset % size;
            return (long) this.size >= (long) size + adjustment;
        }
    }

    private FieldLayout() {
    }

    /**
     * @param superLayout the super class's layout, or null for a class without one (java.lang.Object)
     * @param owner       the class's internal name
     * @param fields      its own instance fields in declaration order
     */
    public static Computed compute(Layout layout, Computed superLayout, String owner, List<Declared> fields) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(Kind.RESERVED, 0, layout.headerBytes(), null, null, null, -1));
        List<Placed> inherited = new ArrayList<>(superLayout == null ? List.of() : superLayout.fields());
        inherited.sort(Comparator.comparingInt(Placed::offset));
        for (Placed p : inherited) {
            Block last = blocks.get(blocks.size() - 1);
            int gapStart = last.offset + last.size;
            if (p.offset() > gapStart) {
                blocks.add(new Block(Kind.EMPTY, gapStart, p.offset() - gapStart, null, null, null, -1));
            }
            blocks.add(new Block(Kind.FIELD, p.offset(), p.size(), p, null, null, -1));
        }
        Block tail = blocks.get(blocks.size() - 1);
        blocks.add(new Block(Kind.EMPTY, tail.offset + tail.size, Integer.MAX_VALUE, null, null, null, -1));

        List<Block> primitives = new ArrayList<>();
        List<Block> references = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Declared f = fields.get(i);
            char kind = f.descriptor().charAt(0);
            Block b = new Block(Kind.FIELD, 0, layout.fieldBytes(kind), null, f.name(), f.descriptor(), i);
            (kind == 'L' || kind == '[' ? references : primitives).add(b);
        }
        primitives.sort(Comparator.comparingInt((Block b) -> -b.size).thenComparingInt(b -> b.index));
        add(blocks, primitives);
        add(blocks, references);

        List<Placed> placed = new ArrayList<>(inherited);
        for (Block b : blocks) {
            if (b.kind == Kind.FIELD && b.field == null) {
                placed.add(new Placed(owner, b.name, b.descriptor, b.offset, b.size));
            }
        }
        placed.sort(Comparator.comparingInt(Placed::offset));
        int end = blocks.get(blocks.size() - 1).offset;
        return new Computed(placed, end, layout.align(end));
    }

    /** {@code FieldLayout::add}: each block into the smallest fitting empty block before the end, else at the end. */
    private static void add(List<Block> blocks, List<Block> list) {
        Block start = blocks.get(0);
        boolean lastSearchSuccess = false;
        int lastSize = 0;
        for (Block b : list) {
            Block last = blocks.get(blocks.size() - 1);
            Block candidate = null;
            if (start == last) {
                candidate = last;
            } else if (b.size == lastSize && !lastSearchSuccess) {
                // The same requirements failed to find a slot just before: append (alignment equals size here).
                candidate = last;
            } else {
                lastSize = b.size;
                lastSearchSuccess = true;
                for (int i = blocks.size() - 2; blocks.get(i) != start; i--) {
                    Block cursor = blocks.get(i);
                    if (cursor.kind == Kind.EMPTY && cursor.fits(b.size)
                            && (candidate == null || cursor.size < candidate.size)) {
                        candidate = cursor;
                    }
                }
                if (candidate == null) {
                    candidate = last;
                    lastSearchSuccess = false;
                }
            }
            insertField(blocks, candidate, b);
        }
    }

    private static void insertField(List<Block> blocks, Block slot, Block field) {
        if (slot.offset % field.size != 0) {
            int adjustment = field.size - slot.offset % field.size;
            insert(blocks, slot, new Block(Kind.EMPTY, 0, adjustment, null, null, null, -1));
        }
        insert(blocks, slot, field);
        if (slot.size == 0) {
            blocks.remove(slot);
        }
    }

    /** Puts block at the start of slot, shrinking the slot. */
    private static void insert(List<Block> blocks, Block slot, Block block) {
        block.offset = slot.offset;
        slot.offset += block.size;
        if (slot.size != Integer.MAX_VALUE) {
            slot.size -= block.size;
        }
        blocks.add(blocks.indexOf(slot), block);
    }
}
