package dev.headroom.core.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
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
        try (Beside<String> work = Beside.start(true, () -> {
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
        Beside<Integer> work = Beside.start(false, () -> {
            ranOn.set(Thread.currentThread());
            return 7;
        });
        assertSame(Thread.currentThread(), ranOn.get(), "done before start returns");
        assertEquals(7, work.get());
    }

    @Test
    void getThrowsWhatTheWorkThrew() {
        IllegalStateException bug = new IllegalStateException("bug");
        OutOfMemoryError full = new OutOfMemoryError("Java heap space");
        for (boolean apart : new boolean[] {true, false}) {
            Beside<Object> failing = Beside.start(apart, () -> {
                throw bug;
            });
            Beside<Object> outOfMemory = Beside.start(apart, () -> {
                throw full;
            });
            assertAll(
                    () -> assertSame(bug, assertThrows(IllegalStateException.class, failing::get)),
                    () -> assertSame(full, assertThrows(OutOfMemoryError.class, outOfMemory::get),
                            "the front ends report it as they do from the analysis thread"));
        }
    }

    /** A run that fails on the analysis thread leaves no thread behind still holding its part of the analysis. */
    @Test
    void closeWaitsForTheWorkToEnd() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        Beside<Object> slow = Beside.start(true, () -> {
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
        slow.close();
        assertTrue(finished.get());
    }
}
