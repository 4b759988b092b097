package dev.headroom.core.memory;

/**
 * A JVM object-layout model: how big headers, references and array headers are, how objects are
 * aligned, and how big a stack slot and a frame's fixed part are. Sizes of instances follow HotSpot's
 * field layout since JDK 15 ({@link FieldLayout}); arrays are {@code base offset + length * element size},
 * aligned.
 *
 * <p>Array base offsets: the length is an {@code int} right after the object header, and the elements
 * start at the next multiple of their own size. That one rule gives what JOL measures on HotSpot: 16 for
 * every element type with a 12-byte header (JDK 17, with or without compressed oops), and 12 (16 for
 * {@code long}/{@code double}) with an 8-byte header (compact object headers on JDK 25; a 32-bit JVM).
 *
 * @param name               the {@code --layout} value
 * @param headerBytes        the object header: mark word and class pointer
 * @param referenceBytes     a reference field or array element
 * @param objectAlignment    every object's size is a multiple of this
 * @param slotBytes          one local-variable or operand-stack slot of an interpreter frame
 * @param frameOverheadBytes a frame's fixed part besides its slots (return address, saved frame
 *                           pointer, method, constant pool cache, locals and bytecode pointers ...)
 * @param description        one line for documentation and {@code --help}
 */
public record Layout(String name, int headerBytes, int referenceBytes, int objectAlignment, int slotBytes,
                     int frameOverheadBytes, String description) {

    /** Where an array's length lives: right after the header. */
    public int arrayLengthOffset() {
        return headerBytes;
    }

    /** Where the first element of an array with elements of this size lives. */
    public int arrayBaseOffset(int elementBytes) {
        return (int) alignUp(arrayLengthOffset() + 4L, elementBytes);
    }

    /** The size of an element of an array whose component has this JVM descriptor ({@code I}, {@code Ljava/lang/Object;}, {@code [I}). */
    public int elementBytes(String componentDescriptor) {
        return fieldBytes(componentDescriptor.charAt(0));
    }

    /** The size of a field or array element of this JVM descriptor kind ({@code Z B C S I F J D L [}). */
    public int fieldBytes(char descriptorKind) {
        return switch (descriptorKind) {
            case 'Z', 'B' -> 1;
            case 'C', 'S' -> 2;
            case 'I', 'F' -> 4;
            case 'J', 'D' -> 8;
            case 'L', '[' -> referenceBytes;
            default -> throw new IllegalArgumentException("not a field descriptor kind: " + descriptorKind);
        };
    }

    /** The size of an array of this component descriptor and length. */
    public long arraySize(String componentDescriptor, long length) {
        int element = elementBytes(componentDescriptor);
        return alignUp(arrayBaseOffset(element) + length * element, objectAlignment);
    }

    /** The bytes of one frame with these many local and operand-stack slots. */
    public long frameBytes(int maxLocals, int maxStack) {
        return (long) (maxLocals + maxStack) * slotBytes + frameOverheadBytes;
    }

    public long align(long size) {
        return alignUp(size, objectAlignment);
    }

    static long alignUp(long value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }
}
