package dev.headroom.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that checks nothing is not a pass: inputs without a readable class, or without a root, exit 2 with
 * one line that says what was found and how to mark roots, unless {@code --allow-no-roots}.
 */
class NothingToCheckTest {
    private static final String HOW_TO_MARK = "mark real-time entry points with @RealTime or @InterruptHandler";

    @TempDir
    static Path shared;

    private static Path compiled;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileAll() throws IOException {
        compiled = Files.createDirectory(shared.resolve("classes"));
        TestClasses.compile(compiled, Map.of("Clean", TestClasses.CLEAN, "Other", TestClasses.OTHER));
    }

    private Path input(String... simpleNames) throws IOException {
        return TestClasses.input(compiled, dir, simpleNames);
    }

    /** The last line of standard error: the error after any warnings about the inputs. */
    private static CliRun assertLastLineError(CliRun run, String... fragments) {
        List<String> lines = run.errLines();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        assertAll(run.toString(),
                () -> assertEquals(ExitCodes.USAGE, run.exitCode(), "exit code"),
                () -> assertEquals("", run.out(), "standard output"),
                () -> assertTrue(last.startsWith("headroom: error: "), last),
                () -> assertTrue(lines.stream().noneMatch(l -> l.startsWith("\tat ")), "no stack trace"),
                () -> {
                    for (String fragment : fragments) {
                        assertTrue(last.contains(fragment), "'" + fragment + "' missing from: " + last);
                    }
                });
        return run;
    }

    @Test
    void anEmptyDirectoryIsAUsageError() throws IOException {
        Path empty = input();
        CliRun.of("check", empty.toString()).assertOneLineError(ExitCodes.USAGE,
                "nothing to check: no class files in " + empty + " (an empty directory)", "target/classes",
                "--allow-no-roots");
    }

    @Test
    void aDirectoryOfSourcesSaysSo() throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src/main/java/demo"));
        Files.writeString(sources.resolve("Clean.java"), TestClasses.CLEAN);
        Files.writeString(sources.resolve("Other.java"), TestClasses.OTHER);
        Path src = dir.resolve("src");
        CliRun.of("check", src.toString()).assertOneLineError(ExitCodes.USAGE,
                "no class files in " + src + " (2 source files (.java))", "compiled classes");
    }

    @Test
    void anEmptyJarIsAUsageError() throws IOException {
        Path jar = dir.resolve("empty.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, new Manifest())) {
            // a manifest and nothing else, as `jar cf` writes it
        }
        CliRun.of("check", jar.toString()).assertOneLineError(ExitCodes.USAGE, "no class files in " + jar + " (an empty jar)");
    }

    @Test
    void classFilesThatAllFailToReadAreAUsageErrorAfterTheirWarnings() throws IOException {
        Path input = input("Clean", "Other");
        for (String name : List.of("Clean", "Other")) {
            Path file = input.resolve("demo/" + name + ".class");
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        }
        CliRun run = assertLastLineError(CliRun.of("check", input.toString()),
                "nothing to check: none of the 2 class files in " + input + " could be read");
        assertEquals(3, run.errLines().size(), "a warning per file, then the error: " + run.err());
    }

    @Test
    void aClassFileTooNewToReadIsNamedInTheError() throws IOException {
        Path input = input("Clean");
        Path file = input.resolve("demo/Clean.class");
        byte[] bytes = Files.readAllBytes(file);
        bytes[7] = 99;
        Files.write(file, bytes);
        CliRun run = assertLastLineError(CliRun.of("check", input.toString()),
                "the class file in " + input + " could be read");
        assertTrue(run.errLines().get(0).contains("unsupported class-file version 99"), run.err());
    }

    @Test
    void classesWithoutRootsSayHowToMarkThem() throws IOException {
        Path input = input("Other");
        CliRun.of("check", input.toString()).assertOneLineError(ExitCodes.USAGE,
                "no roots in 1 class of " + input, HOW_TO_MARK, "--root <class>#<method>", "--root-annotation <class>",
                "--allow-no-roots");
    }

    @Test
    void aRootPatternThatMatchesNothingIsNamedWhenThereIsNoRoot() throws IOException {
        Path input = input("Other");
        CliRun.of("check", "--root", "demo.Other#thrice", input.toString()).assertOneLineError(ExitCodes.USAGE,
                "no roots in 1 class of " + input + " (--root 'demo.Other#thrice' matches no method of the input classes)");
    }

    @Test
    void aRootAnnotationThatNoInputUsesIsAUsageError() throws IOException {
        Path input = input("Clean", "Other");
        CliRun.of("check", "--root-annotation", "com.acme.HotPath", input.toString()).assertOneLineError(ExitCodes.USAGE,
                "--root-annotation 'com.acme.HotPath' is carried by no method of the input classes");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        CliRun.of("check", "--allow-no-roots", "--root-annotation", "com.acme.HotPath", empty.toString())
                .assertOneLineError(ExitCodes.USAGE, "--root-annotation 'com.acme.HotPath' is carried by no method");
    }

    @Test
    void aRootPatternThatMatchesNothingIsAUsageErrorBesideOtherRoots() throws IOException {
        CliRun.of("check", "--root", "demo.Clean#onTock", input("Clean").toString()).assertOneLineError(ExitCodes.USAGE,
                "--root 'demo.Clean#onTock' matches no method of the input classes");
    }

    @Test
    void allowNoRootsPassesWithZeroRoots() throws IOException {
        for (Path input : List.of(input("Other"), Files.createDirectory(dir.resolve("empty")))) {
            CliRun run = CliRun.of("check", "--allow-no-roots", input.toString());
            assertAll(run.toString(),
                    () -> assertEquals(ExitCodes.PASS, run.exitCode()),
                    () -> assertTrue(run.out().lines().findFirst().orElse("").contains("PASS"), run.out()),
                    () -> assertTrue(run.out().contains("(0 roots,"), run.out()),
                    () -> assertEquals("", run.err()));
        }
    }

    @Test
    void aRamBudgetChecksTheStaticStateOfClassesWithoutRoots() throws IOException {
        CliRun run = CliRun.of("check", "--ram-budget", "64KiB", input("Other").toString());
        assertEquals(ExitCodes.PASS, run.exitCode(), run.toString());
        assertTrue(run.out().contains("(0 roots,"), run.out());
    }
}
