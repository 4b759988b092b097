package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.annotations.RealTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Small programs compiled on the fly, with the Headroom annotations on the compiler's classpath. */
final class TestClasses {
    /** A root that only stores into a preallocated array: nothing to find. */
    static final String CLEAN = """
            package demo;

            import dev.headroom.annotations.RealTime;

            public class Clean {
                private final int[] samples = new int[16];
                private int next;

                @RealTime
                public void onTick(int value) {
                    samples[next] = value;
                    next = (next + 1) & 15;
                }
            }
            """;

    /** A root that grows an ArrayList and boxes: growable-collection and heap-allocation. */
    static final String ALLOCATING = """
            package demo;

            import dev.headroom.annotations.RealTime;
            import java.util.ArrayList;

            public class Allocating {
                private final ArrayList<Integer> samples = new ArrayList<>();

                @RealTime
                public void onTick(int value) {
                    samples.add(value);
                }
            }
            """;

    /** No root: a second class file to damage. */
    static final String OTHER = """
            package demo;

            public class Other {
                public int twice(int x) {
                    return 2 * x;
                }
            }
            """;

    private TestClasses() {
    }

    /** Compiles {@code simple name → source} of package {@code demo} into {@code classesDir}. */
    static void compile(Path classesDir, Map<String, String> sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "tests need a JDK, not a JRE");
        Path sourceDir = Files.createTempDirectory(classesDir.getParent(), "src");
        List<String> args = new ArrayList<>(List.of(
                "-d", classesDir.toString(), "-classpath", annotationsClasspath(), "--release", "17", "-g"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceDir.resolve("demo").resolve(source.getKey() + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = compiler.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        assertTrue(status == 0, () -> "javac failed: " + diagnostics);
    }

    /** A fresh input directory {@code dir/input} holding copies of the named classes of a compiled tree. */
    static Path input(Path classesDir, Path dir, String... simpleNames) throws IOException {
        Path input = Files.createDirectory(dir.resolve("input"));
        for (String name : simpleNames) {
            copyClass(classesDir, name, input);
        }
        return input;
    }

    /** Copies {@code demo/<name>.class} from a compiled tree into an input directory, returns the copy. */
    static Path copyClass(Path classesDir, String simpleName, Path inputDir) {
        try {
            Path target = inputDir.resolve("demo").resolve(simpleName + ".class");
            Files.createDirectories(target.getParent());
            return Files.copy(classesDir.resolve("demo").resolve(simpleName + ".class"), target,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String annotationsClasspath() {
        try {
            return Path.of(RealTime.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
