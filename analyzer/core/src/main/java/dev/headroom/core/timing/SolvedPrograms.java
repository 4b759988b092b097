package dev.headroom.core.timing;

import dev.headroom.core.CacheDirectory;
import dev.headroom.core.classpath.CodeDigest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ojalgo.optimisation.ExpressionsBasedModel;

/**
 * The integer programs of the IPET solved once: in a run (by {@link Ipet#signature}), and, given a cache
 * directory, across runs. Most programs are the JDK's own methods', the same in every run that reaches them, and
 * the solver's first use in a run costs more than the solving (its classes are initialised and interpreted).
 *
 * <p>A program's answer depends only on the program and on the solver: the cache file is keyed by a digest of
 * each program's signature, and its first line names a digest of the code behind the answers ({@link #solverDigest}),
 * so a file written by other code is not read. A file that cannot be read, or not parsed, counts as empty; one that
 * cannot be written leaves the run without a cache. The file is replaced whole (written beside
 * it, then moved over it), so runs at once each see a complete file; an update one of them makes may be lost,
 * never mixed. The file keeps at most {@link #MOST_ENTRIES}: this run's first, then the others as they were.
 */
public final class SolvedPrograms {
    /** The file's name in the cache directory. */
    static final String FILE_NAME = "ipet-solutions.txt";
    static final int MOST_ENTRIES = 50_000;
    private static final String FORMAT = "headroom-ipet-solutions 1";
    private final Path file;
    /** By signature: each program solved or read in this run. */
    private final Map<String, Ipet.Result> bySignature = new HashMap<>();
    /** By digest: the entries read from the file. */
    private final Map<String, Ipet.Result> stored;
    /** By digest, in the order used: this run's entries, which the file keeps first. */
    private final Map<String, Ipet.Result> used = new LinkedHashMap<>();
    private boolean added;
    private int solvedCount;

    private SolvedPrograms(Path file) {
        this.file = file;
        this.stored = file == null ? Map.of() : read(file);
    }

    /** Solved once per run, not kept. */
    public static SolvedPrograms inMemory() {
        return new SolvedPrograms(null);
    }

    /** Solved once per run and kept in a file of {@code directory} (made when needed) for the next runs. */
    public static SolvedPrograms in(Path directory) {
        return solverDigest() == null ? inMemory() : new SolvedPrograms(directory.resolve(FILE_NAME));
    }

    /** The answer for a program: from this run, from the file, or solved now. */
    Ipet.Result solve(String signature, Supplier<Ipet.Result> solver) {
        Ipet.Result known = bySignature.get(signature);
        if (known != null) {
            return known;
        }
        String digest = file == null ? null : digest(signature);
        Ipet.Result result = digest == null ? null : stored.get(digest);
        if (result == null) {
            result = solver.get();
            solvedCount++;
            added = true;
        }
        bySignature.put(signature, result);
        if (digest != null) {
            used.put(digest, result);
        }
        return result;
    }

    /** How many programs were solved in this run (not found in it before nor in the file). */
    public int solvedCount() {
        return solvedCount;
    }

    /**
     * Writes the file when this run solved a program it did not hold. A directory or file that cannot be written
     * only means no cache: the analysis does not depend on it.
     */
    public void save() {
        if (file == null || !added) {
            return;
        }
        try {
            Map<String, Ipet.Result> entries = new LinkedHashMap<>(used);
            read(file).forEach(entries::putIfAbsent); // what runs since this one started added
            StringBuilder text = new StringBuilder(FORMAT).append(' ').append(solverDigest()).append('\n');
            int count = 0;
            for (Map.Entry<String, Ipet.Result> e : entries.entrySet()) {
                if (count++ == MOST_ENTRIES) {
                    break;
                }
                text.append(e.getKey()).append(' ').append(encode(e.getValue())).append('\n');
            }
            CacheDirectory.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // no cache this time; the next run solves again
        }
    }

    /** The entries of a file written by this solver, by digest; empty when absent, unreadable or malformed. */
    private static Map<String, Ipet.Result> read(Path file) {
        List<String> lines;
        try {
            if (!Files.isRegularFile(file)) {
                return Map.of();
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return Map.of();
        }
        if (lines.isEmpty() || !lines.get(0).equals(FORMAT + ' ' + solverDigest())) {
            return Map.of();
        }
        Map<String, Ipet.Result> entries = new HashMap<>();
        try {
            for (String line : lines.subList(1, lines.size())) {
                int space = line.indexOf(' ');
                entries.put(line.substring(0, space), decode(line.substring(space + 1)));
            }
        } catch (RuntimeException e) {
            return Map.of(); // not written by this code: read nothing of it
        }
        return entries;
    }

    private static String encode(Ipet.Result r) {
        if (r.solution() == null) {
            return r.failure().name();
        }
        Ipet.Solution s = r.solution();
        return "S " + s.total() + ' ' + longs(s.blockCounts()) + ' ' + longs(s.backEdges()) + ' ' + longs(s.entries());
    }

    private static Ipet.Result decode(String text) {
        if (!text.startsWith("S ")) {
            return new Ipet.Result(null, Ipet.Failure.valueOf(text));
        }
        String[] parts = text.split(" ", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("not a solution: " + text);
        }
        return new Ipet.Result(new Ipet.Solution(Long.parseLong(parts[1]), longs(parts[2]), longs(parts[3]),
                longs(parts[4])), null);
    }

    private static String longs(long[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ",").append(values[i]);
        }
        return s.append(']').toString();
    }

    private static long[] longs(String text) {
        if (!text.startsWith("[") || !text.endsWith("]")) {
            throw new IllegalArgumentException("not a list: " + text);
        }
        String inner = text.substring(1, text.length() - 1);
        if (inner.isEmpty()) {
            return new long[0];
        }
        String[] parts = inner.split(",", -1);
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Long.parseLong(parts[i]);
        }
        return values;
    }

    private static String digest(String text) {
        return HexFormat.of().formatHex(CodeDigest.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A digest of the code an answer depends on beyond the signature: this package (the program's encoding and its
     * checks, the loops a solution's per-loop counts are numbered by, {@link ControlFlow}) and ojAlgo's optimisation
     * packages, as this build has them; null when they cannot be named (then nothing is kept).
     */
    private static String solverDigest() {
        return CodeDigest.ofPackages(SolvedPrograms.class, ExpressionsBasedModel.class);
    }

    /** For tests: the entries the file holds now. */
    static List<String> storedDigests(Path directory) {
        return new ArrayList<>(read(directory.resolve(FILE_NAME)).keySet());
    }
}
