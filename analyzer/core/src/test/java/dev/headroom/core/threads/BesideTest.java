package dev.headroom.core.threads;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BesideTest {
    @Test
    void apartRunsOnAThreadOfItsOwnAndGivesItsResult() {
        Thread caller = Thread.currentThread();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        try (Beside<String> work = Beside.start(true, "headroom-paths", () -> {
            ranOn.set(Thread.currentThread());
            return "done";
        })) {
            assertEquals("done", work.get());
        }
        assertAll(
                () -> assertNotEquals(caller, ranOn.get()),
                () -> assertEquals("headroom-paths", ranOn.get().getName()),
                () -> assertTrue(ranOn.get().isDaemon(), "a daemon: it never keeps the JVM up"));
    }

    @Test
    void notApartRunsAtOnceOnTheCaller() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Beside<Integer> work = Beside.start(false, "headroom-paths", () -> {
            ranOn.set(Thread.currentThread());
            return 7;
        });
        assertSame(Thread.currentThread(), ranOn.get(), "done before start returns");
        assertEquals(7, work.get());
    }

    @Test
    void getThrowsWhatTheWorkThrewOnItsThread() {
        IllegalStateException bug = new IllegalStateException("bug");
        OutOfMemoryError full = new OutOfMemoryError("Java heap space");
        Beside<Object> failing = Beside.start(true, "headroom-paths", () -> {
            throw bug;
        });
        Beside<Object> outOfMemory = Beside.start(true, "headroom-paths", () -> {
            throw full;
        });
        assertAll(
                () -> assertSame(bug, assertThrows(IllegalStateException.class, failing::get)),
                () -> assertSame(full, assertThrows(OutOfMemoryError.class, outOfMemory::get),
                        "the front ends report it as they do from the analysis thread"),
                () -> assertDoesNotThrow(failing::close, "reported once, by get"));
    }

    /** On one thread a failure stops the run where it happens, before the analyses that would come after it. */
    @Test
    void notApartThrowsAtOnce() {
        IllegalStateException bug = new IllegalStateException("bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> Beside.start(false, "headroom-paths", () -> {
            throw bug;
        })));
    }

    /**
     * A failure of the work is not lost when the analysis thread fails too: closing adds it as a suppressed one, inside
     * the wrapper it makes (the failure its cause).
     */
    @Test
    void closeThrowsAFailureThatGetDidNotReport() {
        IllegalStateException pathsFailure = new IllegalStateException("in the path analysis");
        IllegalArgumentException mainFailure = new IllegalArgumentException("in the timing analysis");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> {
            try (Beside<Object> paths = Beside.start(true, "headroom-paths", () -> {
                throw pathsFailure;
            })) {
                throw mainFailure;
            }
        });
        assertSame(mainFailure, thrown);
        assertEquals(1, thrown.getSuppressed().length);
        assertAll(
                () -> assertSame(Beside.AlsoFailed.class, thrown.getSuppressed()[0].getClass()),
                () -> assertSame(pathsFailure, thrown.getSuppressed()[0].getCause()));
    }

    /**
     * The JVM can throw one shared out-of-memory error on both threads at once: closing adds it to the analysis
     * thread's (the same instance) inside its wrapper, since Java refuses to add an exception to itself, and the error
     * would be lost behind an IllegalArgumentException.
     */
    @Test
    void closeNeverAddsTheSameOutOfMemoryErrorToItself() {
        OutOfMemoryError shared = new OutOfMemoryError("Java heap space");
        OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class, () -> {
            try (Beside<Object> paths = Beside.start(true, "headroom-paths", () -> {
                throw shared;
            })) {
                throw shared;
            }
        });
        assertSame(shared, thrown);
        assertEquals(1, thrown.getSuppressed().length);
        Throwable added = thrown.getSuppressed()[0];
        assertAll(
                () -> assertSame(Beside.AlsoFailed.class, added.getClass()),
                () -> assertSame(shared, added.getCause()),
                () -> assertEquals("the work on thread headroom-paths failed too", added.getMessage()));
    }

    /**
     * Closed without get() on a path that did not fail (a caller's bug), an out-of-memory error of the work still
     * comes out, inside the wrapper, and only once.
     */
    @Test
    void closeAloneThrowsAnOutOfMemoryErrorGetDidNotReport() {
        OutOfMemoryError full = new OutOfMemoryError("Java heap space");
        Beside<Object> paths = Beside.start(true, "headroom-paths", () -> {
            throw full;
        });
        Beside.AlsoFailed thrown = assertThrows(Beside.AlsoFailed.class, paths::close);
        assertAll(
                () -> assertSame(full, thrown.getCause()),
                () -> assertDoesNotThrow(paths::close, "reported once, by the first close"));
    }

    /** A run that fails on the analysis thread leaves no thread behind still holding its part of the analysis. */
    @Test
    void closeWaitsForTheWorkToEnd() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        Beside<Object> slow = Beside.start(true, "headroom-paths", () -> {
            started.countDown();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.set(true);
            return null;
        });
        started.await();
        Thread.currentThread().interrupt(); // an interrupted caller still waits: the work is bounded
        slow.close();
        assertAll(
                () -> assertTrue(finished.get()),
                () -> assertTrue(Thread.interrupted(), "the interrupt is kept for the caller"));
    }
}
