package dev.headroom.core.callgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The index answers membership as a HashSet does, by equals, through every growth. */
class MembershipIndexTest {
    @Test
    void answersAsAHashSetDoesThroughGrowth() {
        Random random = new Random(15);
        Object[] first = {"a", "b", "c", new String("a")};
        MembershipIndex index = new MembershipIndex(first, first.length);
        Set<Object> expected = new HashSet<>(List.of("a", "b", "c"));
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            // Equal objects that are not the same one (new strings, records) and identity-hashed ones.
            Object member = switch (i % 3) {
                case 0 -> new String("s" + random.nextInt(5_000));
                case 1 -> new MethodRef("p/C" + random.nextInt(300), "m", "()V");
                default -> i % 7 == 0 ? expected.iterator().next() : new Object();
            };
            boolean added = index.add(member);
            if (added != expected.add(member)) {
                mismatches.add(i + ": " + member + " added " + added);
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
