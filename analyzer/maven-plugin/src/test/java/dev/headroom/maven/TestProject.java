package dev.headroom.maven;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.annotations.RealTime;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A small Maven-like project compiled on the fly: {@code src/main/java}, {@code target/classes}, a
 * library directory for the compile classpath, and a {@link CheckMojo} set up the way Maven would set
 * it up for that project (declared defaults from the plugin descriptor, project expressions by hand).
 */
final class TestProject {
    /** A library class the program calls: on the classpath, never an input. */
    static final String LIBRARY = """
            package lib;

            public final class Scale {
                private Scale() {
                }

                public static int twice(int x) {
                    return 2 * x;
                }

                public static Integer boxed(int x) {
                    return x;
                }
            }
            """;

    /**
     * Clean roots, a root that calls the library, and one that allocates through it; {@code cold} carries
     * {@code @Deprecated} for {@code --root-annotation java.lang.Deprecated}.
     */
    static final String PROGRAM = """
            package demo;

            import dev.headroom.annotations.RealTime;
            import java.util.ArrayList;
            import java.util.List;

            public class Motor {
                private final int[] samples = new int[16];
                private final List<Integer> history = new ArrayList<>();
                private int next;

                @RealTime
                public void onTick(int value) {
                    samples[next] = lib.Scale.twice(value);
                    next = (next + 1) & 15;
                }

                @RealTime
                public void record(int value) {
                    history.add(value);
                }

                public Integer unrooted(int value) {
                    return lib.Scale.boxed(value);
                }

                @Deprecated
                public void cold(int value) {
                    if (value < 0) {
                        throw new IllegalArgumentException("negative: " + value);
                    }
                    synchronized (this) {
                        next = value;
                    }
                }
            }
            """;

    final Path basedir;
    final Path sources;
    final Path classes;
    final Path library;

    private TestProject(Path basedir) {
        this.basedir = basedir;
        this.sources = basedir.resolve("src/main/java");
        this.classes = basedir.resolve("target/classes");
        this.library = basedir.resolve("lib/classes");
    }

    /** A project whose {@code demo} package holds the given sources, with {@link #LIBRARY} on its classpath. */
    static TestProject create(Path basedir, Map<String, String> demoSources) throws IOException {
        TestProject project = new TestProject(basedir);
        Path librarySources = basedir.resolve("lib/src");
        write(librarySources.resolve("lib/Scale.java"), LIBRARY);
        compile(List.of(librarySources.resolve("lib/Scale.java")), project.library, List.of());
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : demoSources.entrySet()) {
            Path file = project.sources.resolve("demo").resolve(source.getKey() + ".java");
            write(file, source.getValue());
            files.add(file);
        }
        compile(files, project.classes, List.of(project.library, annotationsJar()));
        return project;
    }

    /** The mojo as Maven configures it for this project: descriptor defaults, then the project's values. */
    CheckMojo mojo(RecordingLog log) {
        CheckMojo mojo = new CheckMojo();
        PluginDescriptor.applyDefaults(mojo);
        mojo.basedir = basedir.toFile();
        mojo.artifactId = basedir.getFileName().toString();
        mojo.packaging = "jar";
        mojo.classesDirectory = classes.toFile();
        mojo.reportDirectory = basedir.resolve("target/headroom").toFile();
        mojo.classpathElements = List.of(classes.toString(), library.toString(), annotationsJar().toString());
        mojo.compileSourceRoots = List.of(sources.toString(), basedir.resolve("target/generated-sources/annotations").toString());
        mojo.setLog(log);
        return mojo;
    }

    Path report(String fileName) {
        return basedir.resolve("target/headroom").resolve(fileName);
    }

    static Path annotationsJar() {
        try {
            return Path.of(RealTime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void compile(List<Path> files, Path outputDirectory, List<Path> classpath) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "tests need a JDK, not a JRE");
        Files.createDirectories(outputDirectory);
        List<String> args = new ArrayList<>(List.of("-d", outputDirectory.toString(), "--release", "17", "-g"));
        if (!classpath.isEmpty()) {
            args.add("-classpath");
            args.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        }
        files.forEach(f -> args.add(f.toString()));
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = compiler.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        assertTrue(status == 0, () -> "javac failed: " + diagnostics);
    }
}
