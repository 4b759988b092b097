package dev.headroom.core.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The throw sites listed below each root: sorted, user code first, shared parts counted once, cut at the limit. */
class ExceptionalExitsTest {
    /** A method's timing as the lists need it: its own sites, its callees, whether it is user code. */
    private static final class Timing {
        final List<String> own;
        final boolean user;
        final List<Timing> callees = new ArrayList<>();

        Timing(boolean user, String... own) {
            this.own = List.of(own);
            this.user = user;
        }

        Timing calls(Timing... more) {
            callees.addAll(List.of(more));
            return this;
        }
    }

    private static List<List<String>> exits(int max, Timing... roots) {
        return new ExceptionalExits<Timing>(t -> t.own, t -> t.callees, t -> t.user, max).of(List.of(roots));
    }

    @Test
    void userCodeFirstThenByText() {
        Timing library = new Timing(false, "B.java:2", "A.java:1");
        Timing root = new Timing(true, "Z.java:9").calls(library);
        assertEquals(List.of(List.of("Z.java:9", "A.java:1", "B.java:2")), exits(10, root));
    }

    @Test
    void aSiteBelowSeveralCalleesIsListedOnce() {
        Timing shared = new Timing(false, "Shared.java:5");
        Timing left = new Timing(false, "Left.java:1").calls(shared);
        Timing right = new Timing(false).calls(shared, shared);
        Timing root = new Timing(true).calls(left, right, left);
        assertEquals(List.of(List.of("Left.java:1", "Shared.java:5")), exits(10, root));
    }

    @Test
    void beyondTheLimitTheLastEntrySaysThereAreMore() {
        Timing deep = new Timing(false, "D.java:4", "E.java:5");
        Timing middle = new Timing(false, "C.java:3").calls(deep);
        Timing root = new Timing(false, "A.java:1", "B.java:2").calls(middle);
        assertEquals(List.of(List.of("A.java:1", "B.java:2", "... and more")), exits(3, root));
        // exactly at the limit: all listed
        assertEquals(List.of(List.of("C.java:3", "D.java:4", "E.java:5")), exits(3, middle));
    }

    @Test
    void theFirstOfACalleeCanEnterAFullListAndLaterOnesStopIt() {
        Timing late = new Timing(false, "X.java:1", "Y.java:1");
        Timing early = new Timing(false, "A.java:1", "Z.java:1");
        Timing root = new Timing(false, "M.java:1", "N.java:1", "O.java:1").calls(late, early);
        assertEquals(List.of(List.of("A.java:1", "M.java:1", "... and more")), exits(3, root));
    }

    @Test
    void eachRootHasItsOwnListInTheRootsOrder() {
        Timing shared = new Timing(false, "S.java:1");
        Timing first = new Timing(true, "U.java:1").calls(shared);
        Timing second = new Timing(false).calls(shared);
        Timing none = new Timing(true);
        assertEquals(List.of(List.of("S.java:1"), List.of(), List.of("U.java:1", "S.java:1")),
                exits(5, second, none, first));
    }

    @Test
    void theSameTextInUserAndLibraryCodeIsTwoEntries() {
        Timing library = new Timing(false, "Same.java:1");
        Timing root = new Timing(true, "Same.java:1").calls(library);
        assertEquals(List.of(List.of("Same.java:1", "Same.java:1")), exits(5, root));
    }
}
