package dev.headroom.core.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.headroom.core.callgraph.MethodRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A method's calls for the unbounded-loop search: what is added is read back in order, through growth and trimming. */
class RecordedCallsTest {
    private record Recorded(int line, MethodRef callee, boolean cold, Object context) {
    }

    private static List<Recorded> read(RecordedCalls calls) {
        List<Recorded> all = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            all.add(new Recorded(calls.line(i), calls.callee(i), calls.cold(i), calls.context(i)));
        }
        return all;
    }

    @Test
    void theSharedEmptyListStaysEmpty() {
        RecordedCalls one = RecordedCalls.NONE.plus(3, new MethodRef("a/A", "m", "()V"), false, null);
        assertNotSame(RecordedCalls.NONE, one);
        assertEquals(0, RecordedCalls.NONE.size());
        assertEquals(1, one.size());
        assertSame(one, one.plus(4, new MethodRef("a/A", "n", "()V"), true, null));
        assertSame(RecordedCalls.NONE, RecordedCalls.NONE.trimmed());
    }

    @Test
    void callsAreReadBackInOrderThroughGrowthTrimmingAndAFirstContextLate() {
        Random random = new Random(15);
        for (int round = 0; round < 50; round++) {
            List<Recorded> expected = new ArrayList<>();
            RecordedCalls calls = RecordedCalls.NONE;
            int n = random.nextInt(40);
            int firstContext = random.nextInt(n + 1); // contexts only from there on (none when it is n)
            for (int i = 0; i < n; i++) {
                Object context = i >= firstContext && random.nextBoolean() ? new Object() : null;
                Recorded r = new Recorded(random.nextInt(1000), new MethodRef("p/C" + random.nextInt(5), "m" + i, "()V"),
                        random.nextBoolean(), context);
                expected.add(r);
                calls = calls.plus(r.line(), r.callee(), r.cold(), r.context());
                if (random.nextInt(8) == 0) {
                    calls = calls.trimmed(); // a full list grows again
                }
            }
            assertEquals(expected, read(calls), "round " + round);
            assertEquals(expected, read(calls.trimmed()), "round " + round + ", trimmed");
        }
    }
}
