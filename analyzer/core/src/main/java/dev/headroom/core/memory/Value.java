package dev.headroom.core.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the static-initializer interpreter knows about a value. */
sealed interface Value {
    /** 2 for long and double (two slots, one operand-stack entry), else 1. */
    default int size() {
        return 1;
    }

    record IntV(int v) implements Value {
    }

    record LongV(long v) implements Value {
        @Override
        public int size() {
            return 2;
        }
    }

    record FloatV(float v) implements Value {
    }

    record DoubleV(double v) implements Value {
        @Override
        public int size() {
            return 2;
        }
    }

    /** The null reference. */
    record Null() implements Value {
    }

    /**
     * A value that is not known. {@code kind} is the JVM descriptor kind ({@code I J F D L}); for a
     * reference, {@code reason} says why the object it names cannot be sized, or is null when it is not
     * part of the static state (an object of the class library's own static state, a string literal).
     */
    record Unknown(char kind, String reason) implements Value {
        @Override
        public int size() {
            return kind == 'J' || kind == 'D' ? 2 : 1;
        }
    }

    /**
     * A reference to an object that is not counted: a string literal, a class literal, an object held by a
     * class library's static field. {@code classLiteral} is the descriptor a class literal names, else null;
     * {@code literalText} the text of a string literal, else null.
     */
    record External(String what, String classLiteral, String literalText) implements Value {
        External(String what, String classLiteral) {
            this(what, classLiteral, null);
        }
    }

    /** An object created by the interpreted code: counted once, through the first static field that reaches it. */
    final class HeapObject implements Value {
        /** Internal class name, or the array descriptor ({@code [I}). */
        final String type;
        final boolean array;
        /** The array length, or -1 when not known. */
        final long length;
        final long bytes;
        /** The description in an item's detail: {@code Ring}, {@code Object[128]}. */
        final String description;
        final Map<String, Value> fields = new LinkedHashMap<>();
        final Map<Integer, Value> elements = new LinkedHashMap<>();
        /** Values stored at indexes that were not known: still reachable. */
        final List<Value> unindexed = new ArrayList<>();
        /** Why this object cannot be sized exactly, or null. */
        String unbounded;
        /** True when element values were overwritten in ways not followed (reads give unknown values). */
        boolean elementsUnknown;

        HeapObject(String type, boolean array, long length, long bytes, String description) {
            this.type = type;
            this.array = array;
            this.length = length;
            this.bytes = bytes;
            this.description = description;
        }

        void markUnbounded(String reason) {
            if (unbounded == null) {
                unbounded = reason;
            }
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
