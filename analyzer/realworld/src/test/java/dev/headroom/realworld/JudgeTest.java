package dev.headroom.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.model.MethodId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The harness itself: a known deviation must still happen, an unmarked one must fail, and the format is strict. */
class JudgeTest {
    private static final MethodId ROOT = new MethodId("com.acme.Ring", "offer", "(Ljava/lang/Object;)Z");
    private static final MethodId LOOP = new MethodId("com.acme.Ring", "claim", "()J");
    private static final MethodId GROW = new MethodId("java.util.Arrays", "copyOf", "([BI)[B");

    private static Expectation expect(String... lines) {
        return ExpectationFile.parse("test.expect", List.of(lines)).get(0);
    }

    private static Outcome outcome(boolean bounded, MethodId... errorEvents) {
        List<Outcome.Error> errors = new ArrayList<>();
        TreeSet<String> fingerprint = new TreeSet<>();
        for (MethodId event : errorEvents) {
            String rule = event == LOOP ? "unbounded-loop" : "heap-allocation";
            errors.add(new Outcome.Error(rule, event, "Ring#offer:1"));
            fingerprint.add(rule + " " + event);
        }
        fingerprint.add(bounded ? "bound 10" : "no bound");
        return new Outcome(ROOT, errors, bounded, bounded ? "" : "loop", fingerprint);
    }

    @Test
    void acceptsTheTruthAndCountsAnAllocationFreeRoot() {
        Judge judge = new Judge();
        Outcome o = outcome(false, LOOP);
        judge.judge(expect("root com.acme.Ring#offer", "error unbounded-loop in Ring#claim", "bound no", "why CAS retry"), o, o);
        assertEquals(List.of(), judge.mismatches);
        assertEquals(1, judge.allocationFree);
        assertEquals(0, judge.falseErrors);
    }

    @Test
    void reportsAFalseErrorAndAMissingBoundTogether() {
        Judge judge = new Judge();
        Outcome o = outcome(false, LOOP, GROW);
        judge.judge(expect("root com.acme.Ring#offer", "error unbounded-loop", "bound yes", "why spin"), o, o);
        assertEquals(2, judge.mismatches.size(), judge.mismatches.toString());
        assertTrue(judge.mismatches.get(0).contains("1 x unexpected heap-allocation in java.util.Arrays#copyOf"));
        assertEquals(1, judge.falseErrors);
    }

    @Test
    void listsAKnownDeviationInsteadOfFailing() {
        Judge judge = new Judge();
        Outcome o = outcome(false, LOOP, GROW);
        judge.judge(expect("root com.acme.Ring#offer", "error unbounded-loop", "bound no", "why spin",
                "known errors: cause 4: dispatch"), o, o);
        assertEquals(List.of(), judge.mismatches);
        assertEquals(1, judge.knownDeviations.size());
    }

    @Test
    void failsWhenAKnownDeviationNoLongerHappens() {
        Judge judge = new Judge();
        Outcome o = outcome(true);
        judge.judge(expect("root com.acme.Ring#offer", "bound yes", "why no loop", "known bound: cause 7: intrinsics"), o, o);
        assertEquals(1, judge.mismatches.size());
        assertTrue(judge.mismatches.get(0).contains("no longer happens"));
    }

    @Test
    void aRootWhoseResultChangesWithOtherRootsIsAMismatch() {
        Judge judge = new Judge();
        judge.judge(expect("root com.acme.Ring#offer", "error unbounded-loop", "bound no", "why CAS"),
                outcome(false, LOOP), outcome(false, LOOP, GROW));
        assertEquals(1, judge.changedTogether);
        assertTrue(judge.mismatches.get(0).contains("[together]"));
    }

    @Test
    void countsAndAnyAreHonoured() {
        Judge judge = new Judge();
        Outcome twoLoops = outcome(false, LOOP, LOOP, GROW);
        judge.judge(expect("root com.acme.Ring#offer", "error unbounded-loop x1", "error any", "bound no", "why grows"),
                twoLoops, twoLoops);
        assertEquals(1, judge.mismatches.size());
        assertTrue(judge.mismatches.get(0).contains("missing unbounded-loop x1 (found 2)"));
        assertEquals(1, judge.growing);
    }

    @Test
    void rejectsABlockWithoutAReasonOrAKnownMarkerWithoutACause() {
        assertThrows(IllegalArgumentException.class, () -> expect("root a.B#c", "bound yes"));
        assertThrows(IllegalArgumentException.class, () -> expect("root a.B#c", "bound yes", "why x", "known errors: dispatch"));
        assertThrows(IllegalArgumentException.class, () -> expect("bound yes"));
    }
}
