package com.example.telemetry.fixed;

import dev.headroom.collections.TextBuffer;

/**
 * The sensors, as small integer ids: a primitive map counts them without boxing (hashing a {@code String}
 * key costs time in its length), and a name is appended from a literal, whose length is known.
 */
public final class Sensors {
    public static final int ACCEL = 0;
    public static final int GYRO = 1;
    /** How many sensors there are: the capacity of every per-sensor structure. */
    public static final int COUNT = 2;

    private Sensors() {
    }

    /**
     * Appends the sensor's name, {@code "unknown"} for an id out of range.
     *
     * @return {@code false} if the name did not fit in {@code line}
     */
    public static boolean appendName(TextBuffer line, int sensor) {
        switch (sensor) {
            case ACCEL:
                return line.append("accel");
            case GYRO:
                return line.append("gyro");
            default:
                return line.append("unknown");
        }
    }
}
