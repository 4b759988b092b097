package dev.headroom.core.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where a finding is reported: a method in the user's classes, its source file name as recorded in the
 * class file ({@code null} when the class has no SourceFile attribute), and the line (0 when unknown).
 */
public record Location(MethodId method, String file, int line) implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator
            .comparing((Location l) -> l.method().className())
            .thenComparingInt(Location::line)
            .thenComparing(Location::method);

    // Written out, with the generated methods' hash (maps keep their order): those run through method handles
    // the JVM makes on their first call in a run, and are slow in the launcher's C1-compiled code.
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Location l && line == l.line && Objects.equals(method, l.method)
                && Objects.equals(file, l.file);
    }

    @Override
    public int hashCode() {
        return (Objects.hashCode(method) * 31 + Objects.hashCode(file)) * 31 + line;
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }
}
