package dev.headroom.core.callgraph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The number of sources that reach each node, against a walk from every source. */
class ReachCountsTest {
    @Test
    void smallGraphWithACycleAndASelfLoop() {
        // 0 -> 1 -> 2 -> 1 (cycle), 2 -> 3, 4 -> 4 (self loop), 4 -> 3, 5 alone
        List<int[]> successors = List.of(new int[] {1}, new int[] {2}, new int[] {1, 3}, new int[] {},
                new int[] {4, 3}, new int[] {});
        assertArrayEquals(new int[] {1, 1, 1, 2, 1, 0}, ReachCounts.of(successors, new int[] {0, 4}));
        assertArrayEquals(new int[] {0, 1, 1, 1, 0, 0}, ReachCounts.of(successors, new int[] {2}),
                "a source inside a cycle reaches the whole cycle");
        assertArrayEquals(new int[] {1, 1, 1, 1, 0, 0}, ReachCounts.of(successors, new int[] {0, 0}),
                "a source named twice counts once");
        assertArrayEquals(new int[6], ReachCounts.of(successors, new int[0]));
    }

    @Test
    void randomGraphsMatchAWalkFromEverySource() {
        Random random = new Random(20261121);
        List<String> mismatches = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            int n = round == 0 ? 5000 : 200 + random.nextInt(6000);
            List<int[]> successors = randomGraph(random, n, 1 + random.nextInt(4));
            // Every node a source (beyond 4,096 sources the counting takes more than one pass), or a few.
            int[] sources = round % 2 == 0 ? IntStream.range(0, n).toArray() : random.ints(50, 0, n).distinct().toArray();
            int[] expected = byWalks(successors, sources);
            // The default budget, and budgets so small that a pass stops early (its last word of sources reaches
            // too much and starts the next pass) or one word's sources alone reach more than the budget.
            for (int budget : new int[] {0, 64, 1000, n / 2}) {
                int[] actual = budget == 0 ? ReachCounts.of(successors, sources)
                        : ReachCounts.of(successors, sources, budget);
                for (int i = 0; i < n; i++) {
                    if (expected[i] != actual[i]) {
                        mismatches.add("round " + round + " budget " + budget + " node " + i + ": " + actual[i]
                                + " instead of " + expected[i]);
                    }
                }
            }
        }
        assertEquals(List.of(), mismatches.subList(0, Math.min(20, mismatches.size())));
    }

    private static List<int[]> randomGraph(Random random, int n, int degree) {
        List<int[]> successors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            successors.add(random.ints(random.nextInt(2 * degree + 1), 0, n).toArray());
        }
        return successors;
    }

    private static int[] byWalks(List<int[]> successors, int[] sources) {
        int n = successors.size();
        int[] count = new int[n];
        int[] seen = new int[n];
        int[] queue = new int[n];
        int walk = 0;
        for (int s : sources) {
            walk++;
            int tail = 0;
            seen[s] = walk;
            queue[tail++] = s;
            for (int head = 0; head < tail; head++) {
                int at = queue[head];
                count[at]++;
                for (int next : successors.get(at)) {
                    if (seen[next] != walk) {
                        seen[next] = walk;
                        queue[tail++] = next;
                    }
                }
            }
        }
        return count;
    }
}
