package dev.headroom.core.timing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IPET's answers kept across runs: read back equal, solved once, and a damaged or foreign file read as empty. */
class SolvedProgramsTest {
    @TempDir
    Path dir;

    private static final Ipet.Result SOLVED = new Ipet.Result(new Ipet.Solution(128, new long[] {1, 10, 9, 1},
            new long[] {9}, new long[] {1}), null);
    private static final Ipet.Result INFEASIBLE = new Ipet.Result(null, Ipet.Failure.INFEASIBLE);
    private static final Ipet.Result EMPTY = new Ipet.Result(new Ipet.Solution(0, new long[0], new long[0],
            new long[0]), null);

    /** A solver that counts its calls. */
    private static final class Solver implements Supplier<Ipet.Result> {
        final AtomicInteger calls = new AtomicInteger();
        final Ipet.Result answer;

        Solver(Ipet.Result answer) {
            this.answer = answer;
        }

        @Override
        public Ipet.Result get() {
            calls.incrementAndGet();
            return answer;
        }
    }

    private static void assertSameResult(Ipet.Result expected, Ipet.Result actual) {
        assertEquals(expected.failure(), actual.failure());
        if (expected.solution() == null) {
            assertNull(actual.solution());
            return;
        }
        assertAll(
                () -> assertEquals(expected.solution().total(), actual.solution().total()),
                () -> assertArrayEquals(expected.solution().blockCounts(), actual.solution().blockCounts()),
                () -> assertArrayEquals(expected.solution().backEdges(), actual.solution().backEdges()),
                () -> assertArrayEquals(expected.solution().entries(), actual.solution().entries()));
    }

    @Test
    void aProgramIsSolvedOncePerRunAndReadBackInTheNext() {
        SolvedPrograms first = SolvedPrograms.in(dir);
        Solver solver = new Solver(SOLVED);
        first.solve("p1", solver);
        first.solve("p1", solver);
        first.solve("p2", new Solver(INFEASIBLE));
        first.solve("p3", new Solver(EMPTY));
        assertEquals(1, solver.calls.get(), "solved once in the run");
        assertEquals(3, first.solvedCount());
        first.save();

        SolvedPrograms second = SolvedPrograms.in(dir);
        Solver again = new Solver(INFEASIBLE); // would give another answer: it must not be asked
        assertSameResult(SOLVED, second.solve("p1", again));
        assertSameResult(INFEASIBLE, second.solve("p2", again));
        assertSameResult(EMPTY, second.solve("p3", again));
        assertEquals(0, again.calls.get(), "every answer read from the file");
        assertEquals(0, second.solvedCount());
    }

    @Test
    void inMemoryKeepsNothingAcrossRuns() {
        SolvedPrograms first = SolvedPrograms.inMemory();
        first.solve("p1", new Solver(SOLVED));
        first.save();
        assertEquals(List.of(), List.of(dir.toFile().list()));
        Solver solver = new Solver(SOLVED);
        SolvedPrograms.inMemory().solve("p1", solver);
        assertEquals(1, solver.calls.get());
    }

    /** The lines of the file after a run that solved one program, "p1". */
    private List<String> savedOne() throws IOException {
        SolvedPrograms first = SolvedPrograms.in(dir);
        first.solve("p1", new Solver(SOLVED));
        first.save();
        return Files.readAllLines(dir.resolve(SolvedPrograms.FILE_NAME));
    }

    @Test
    void aDamagedFileIsReadAsEmptyAndReplaced() throws IOException {
        List<String> lines = savedOne();
        Files.write(dir.resolve(SolvedPrograms.FILE_NAME),
                List.of(lines.get(0), lines.get(1).substring(0, lines.get(1).length() - 3)));

        SolvedPrograms second = SolvedPrograms.in(dir);
        Solver solver = new Solver(SOLVED);
        assertSameResult(SOLVED, second.solve("p1", solver));
        assertEquals(1, solver.calls.get(), "nothing of a damaged file is read");
        second.save();
        assertEquals(1, SolvedPrograms.storedDigests(dir).size(), "the file is whole again");
    }

    @Test
    void aFileOfAnotherSolverIsNotRead() throws IOException {
        List<String> lines = savedOne();
        Files.write(dir.resolve(SolvedPrograms.FILE_NAME), List.of("headroom-ipet-solutions 1 0000", lines.get(1)));
        Solver solver = new Solver(SOLVED);
        SolvedPrograms.in(dir).solve("p1", solver);
        assertEquals(1, solver.calls.get(), "answers of other solver code are not trusted");
    }

    @Test
    void runsAtOnceKeepEachOthersAnswers() {
        SolvedPrograms a = SolvedPrograms.in(dir);
        SolvedPrograms b = SolvedPrograms.in(dir);
        a.solve("from a", new Solver(SOLVED));
        b.solve("from b", new Solver(INFEASIBLE));
        a.save();
        b.save(); // reads what a wrote before replacing the file
        assertEquals(2, SolvedPrograms.storedDigests(dir).size());
    }

    @Test
    void anUnwritableDirectoryOnlyMeansNoCache() throws IOException {
        Path blocked = Files.writeString(dir.resolve("blocked"), "a file where the directory would be");
        SolvedPrograms programs = SolvedPrograms.in(blocked.resolve("cache"));
        assertSameResult(SOLVED, programs.solve("p1", new Solver(SOLVED)));
        programs.save();
        assertTrue(Files.isRegularFile(blocked));
        assertFalse(Files.exists(blocked.resolve("cache")));
    }
}
