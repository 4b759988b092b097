package dev.headroom.core.heap;

import java.util.Objects;
import java.util.Optional;

/**
 * What the program's static initialisation is known to have built, exactly, limited to facts that cannot
 * change once the classes are initialised: the objects static final fields hold, the values of those
 * objects' final fields, and array lengths. The timing analysis reads them to bound loops by a capacity
 * fixed at start-up ({@code static final IntIntMap M = new IntIntMap(1024)} fixes the length of the table
 * {@code M.get} probes). Writes to final fields by reflection or {@code Unsafe} are assumed not to happen.
 */
public interface StaticObjects {
    /**
     * An exactly known value: an int constant, or a reference to one object (an identity token, compared with
     * {@code ==}), with its length when it is an array.
     */
    record Known(Integer constant, Integer arrayLength, Object object) {
    }

    /**
     * The object a string literal names, known by its text (a {@link Known#object()} token, and the timing
     * analysis's token for an {@code ldc}). Two literals of one text are the same object: the JVM interns them.
     */
    record StringLiteral(String text) {
        // Written out, with the generated methods' hash (maps keep their order): those run through method handles
        // the JVM makes on their first call in a run, and are slow in the launcher's C1-compiled code.
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof StringLiteral s && Objects.equals(text, s.text);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(text);
        }
    }

    /** The value of a static final field after its class's initialisation, when it is known exactly. */
    Optional<Known> staticField(String owner, String name, String descriptor);

    /** The value of a final instance field of an object this view gave, when it is known exactly. */
    Optional<Known> finalField(Object object, String owner, String name, String descriptor);

    /**
     * The one object of this class (an internal name) the program can have, when the static initialisers make it and
     * nothing else can make one: an instance root of the class runs on it.
     */
    Optional<Object> onlyInstance(String className);

    /** Knows nothing. */
    StaticObjects NONE = new StaticObjects() {
        @Override
        public Optional<Known> staticField(String owner, String name, String descriptor) {
            return Optional.empty();
        }

        @Override
        public Optional<Known> finalField(Object object, String owner, String name, String descriptor) {
            return Optional.empty();
        }

        @Override
        public Optional<Object> onlyInstance(String className) {
            return Optional.empty();
        }
    };
}
