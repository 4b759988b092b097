package dev.headroom.core.model;

import java.util.Comparator;

/**
 * Where a finding is reported: a method in the user's classes, its source file name as recorded in the
 * class file ({@code null} when the class has no SourceFile attribute), and the line (0 when unknown).
 */
public record Location(MethodId method, String file, int line) implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator
            .comparing((Location l) -> l.method().className())
            .thenComparingInt(Location::line)
            .thenComparing(Location::method);

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }
}
