package dev.headroom.core.classpath;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Where class files come from: a directory, a jar, or a Java runtime image. */
public interface ClassSource extends Closeable {
    /** The bytes of a class by internal name ({@code com/acme/Motor}), or null when this source lacks it. */
    byte[] read(String internalName) throws IOException;

    /** Every class in this source (internal names, sorted), without {@code module-info}. */
    List<String> classNames() throws IOException;

    /** How to name a class of this source in a message: {@code lib/a.jar!/com/acme/Motor.class}. */
    String locate(String internalName);

    /**
     * Whether the class is a system class of a Java runtime: one the boot loader defines, whose assertions
     * only {@code -esa} turns on. Only {@code java.base} is taken as such, the one module certain to be the
     * boot loader's in every JDK; other modules' assertions are treated like the program's.
     */
    default boolean isSystemClass(String internalName) {
        return false;
    }

    @Override
    default void close() throws IOException {
    }
}
