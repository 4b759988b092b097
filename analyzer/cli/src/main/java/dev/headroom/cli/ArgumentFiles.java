package dev.headroom.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code @file}s of a command line, checked before picocli expands them: picocli fails on a directory
 * with a stack trace, and reads a NUL as a space and bytes that are not UTF-8 as whatever the platform makes
 * of them. An {@code @name} that is no file stays an argument, as picocli has it (then an input not found).
 */
final class ArgumentFiles {
    private ArgumentFiles() {
    }

    /**
     * Checks the command line's argument files and those they name in turn.
     *
     * @throws ExitException (usage) naming the first argument file that is not a readable UTF-8 text file
     */
    static void check(String... args) {
        check(List.of(args), new HashSet<>());
    }

    private static void check(List<String> args, Set<Path> visited) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return; // what follows is positional, never expanded
            }
            if (arg.length() > 1 && arg.startsWith("@") && !arg.startsWith("@@")) {
                Path file = file(arg.substring(1));
                if (file != null && Files.exists(file) && visited.add(file.toAbsolutePath().normalize())) {
                    check(tokens(text(arg, file)), visited);
                }
            }
        }
    }

    /**
     * The words of an argument file, enough to find the {@code @file}s in it: whitespace-separated, lines
     * starting with {@code #} left out, quotes removed.
     */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.strip().startsWith("#")) {
                for (String word : line.strip().split("\\s+")) {
                    tokens.add(word.replace("\"", "").replace("'", ""));
                }
            }
        }
        return tokens;
    }

    private static String text(String arg, Path file) {
        if (!Files.isRegularFile(file)) {
            throw ExitException.usage("argument file " + arg + " is not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw ExitException.usage("cannot read argument file " + arg + ": " + e.getMessage());
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw ExitException.usage("argument file " + arg + " is not text: it holds a NUL byte");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ExitException.usage("argument file " + arg + " is not valid UTF-8 text");
        }
    }

    private static Path file(String name) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
