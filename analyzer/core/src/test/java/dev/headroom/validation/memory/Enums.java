package dev.headroom.validation.memory;

/** Enum constants and their values() arrays; the constants' names are string literals and not counted. */
public final class Enums {
    private Enums() {
    }

    // Mode: 12 header + ordinal 4 + name 4 = 20 -> 24; $VALUES: Mode[3] 16 + 12 -> 32
    enum Mode { // expect-bytes: $VALUES=32
        IDLE, // expect-bytes: 24
        RUN, // expect-bytes: 24
        FAULT // expect-bytes: 24
    }

    // Channel: 12 + ordinal 4 + name 4 + buffer 4 = 24, plus its int[]; $VALUES: Channel[2] 16 + 8 = 24
    enum Channel { // expect-bytes: $VALUES=24
        A(8), // expect-bytes: 72
        B(16); // expect-bytes: 104

        final int[] buffer;

        Channel(int size) {
            buffer = new int[size];
        }
    }
}
