package dev.headroom.core.timing;

import dev.headroom.core.model.MethodId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.objectweb.asm.Type;

/**
 * What the tests that run roots under a {@link CountingClassLoader} share: initialising a target package's
 * classes (so that static initialisers run before counting starts) and finding a root's reflective method.
 */
final class CountedRuns {
    private CountedRuns() {
    }

    /** Initialises every class compiled into the package (its static initialisers run uncounted here). */
    static void initialiseAll(ClassLoader loader, String packageName) throws ClassNotFoundException {
        Path dir = TimingPrograms.TEST_CLASSES.resolve(packageName.replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String simple = f.getFileName().toString().replace(".class", "");
                Class.forName(packageName + "." + simple, true, loader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The method of the class that the root names (same name and descriptor). */
    static Method find(Class<?> owner, MethodId root) {
        for (Method m : owner.getDeclaredMethods()) {
            if (m.getName().equals(root.name()) && Type.getMethodDescriptor(m).equals(root.descriptor())) {
                return m;
            }
        }
        throw new AssertionError("no method " + root);
    }
}
