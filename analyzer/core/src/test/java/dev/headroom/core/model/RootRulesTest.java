package dev.headroom.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.headroom.core.RuleLevels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A root's rule set is its kind's, shared by every root of the kind: a whole-library scan has 100,000s of roots. */
class RootRulesTest {
    @Test
    void everyRootOfAKindSharesOneRuleSet() {
        Root a = new Root(new MethodId("a.A", "m", "()V"), RootKind.REAL_TIME, "--root a.*#*");
        Root b = new Root(new MethodId("a.B", "n", "()V"), RootKind.REAL_TIME, "--root a.*#*");
        assertSame(a.rules(), b.rules());
        assertEquals("blocking-call:warning", a.rules().get(2));
        assertEquals("blocking-call:error", RootKind.INTERRUPT.rules().get(2));

        RuleLevels levels = RuleLevels.none().with("--rule", "recursion=off");
        List<String> effective = levels.rootRules(RootKind.REAL_TIME);
        assertSame(effective, levels.rootRules(RootKind.REAL_TIME));
        assertSame(effective, a.withRules(effective).rules());
        assertEquals("recursion:off", effective.get(3));
    }
}
