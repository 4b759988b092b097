package dev.headroom.core.timing;

/** The counter that instrumented code increments before every bytecode instruction it executes. */
public final class BytecodeCounter {
    public static long count;

    private BytecodeCounter() {
    }
}
