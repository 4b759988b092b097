package dev.headroom.core.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rules. Ids are a user contract (reports, {@code @Suppress}, baselines): never rename one.
 */
public enum Rule {
    GROWABLE_COLLECTION("growable-collection", Severity.ERROR,
            "A call reachable from a root may grow a growable collection.",
            "Growable collections (ArrayList, HashMap, StringBuilder, ...) reallocate their storage when they"
                    + " fill up: the call allocates at an unpredictable moment, takes time proportional to the"
                    + " size, and can fail with OutOfMemoryError far from the cause.",
            "Preallocate at initialisation with a fixed capacity and reuse it: a fixed array with an index,"
                    + " a ring buffer, or a bounded queue whose insert reports when it is full."),
    HEAP_ALLOCATION("heap-allocation", Severity.ERROR,
            "A heap allocation reachable from a root.",
            "Explicit new, arrays, boxing, string concatenation, capturing lambdas, varargs arrays, iterators"
                    + " and the allocations inside library code all create garbage, and garbage eventually"
                    + " means a collector pause on the real-time path.",
            "Allocate once at initialisation and reuse: keep objects and buffers in fields, use primitive"
                    + " types instead of boxes, index loops instead of iterators, non-capturing lambdas,"
                    + " and preformatted messages instead of concatenation."),
    BLOCKING_CALL("blocking-call", Severity.ERROR,
            "A call that may block: synchronized, wait, sleep, park, locks, I/O.",
            "A blocked real-time path waits for another thread or a device for an unbounded time. In"
                    + " interrupt roots this is an error, in real-time roots a warning.",
            "Hand the work to another thread through a lock-free bounded queue, or use a non-blocking"
                    + " (try-) variant with a fallback."),
    UNBOUNDED_LOOP("unbounded-loop", Severity.ERROR,
            "A loop on a root's path whose bound can be neither inferred nor found in a declaration.",
            "Without a bound the worst-case execution time of the root is unknown.",
            "Bound the loop: count to a constant, call Loops.bound(N) inside it, annotate the method with"
                    + " @LoopBound(N), or give the bound in a flow-facts file."),
    RECURSION("recursion", Severity.ERROR,
            "A call-graph cycle reachable from a root.",
            "Recursion makes the stack depth and the execution time depend on data; neither can be bounded"
                    + " statically.",
            "Rewrite the recursion as a loop over an explicit, fixed-size stack."),
    UNRESOLVED_CALL("unresolved-call", Severity.WARNING,
            "A call with no analyzable target: native code, reflection, method handles, a missing class.",
            "Headroom cannot see what such a call does, so it cannot say that the path is clean.",
            "Put the missing classes on the classpath, avoid reflection on real-time paths, or describe the"
                    + " method in a rule pack (--rules) or with @AssumeCost."),
    DEADLINE_EXCEEDED("deadline-exceeded", Severity.ERROR,
            "A root's worst-case execution cost bound is above its @Deadline.",
            "The root may miss its deadline under the chosen cost model.",
            "Shorten the worst path: tighter loop bounds, less work per event, or a later deadline."),
    RAM_BUDGET_EXCEEDED("ram-budget-exceeded", Severity.ERROR,
            "The static footprint is above the RAM budget.",
            "The preallocated static state does not fit the declared memory.",
            "Shrink the largest static items or raise the budget."),
    UNBOUNDED_STATIC("unbounded-static", Severity.ERROR,
            "Static state holds a growable collection or an object whose size cannot be bounded.",
            "The footprint of such state is unknown before the program runs. Without --ram-budget only the static"
                    + " fields that the roots' call graphs read or write are checked; with it, all of the program's.",
            "Replace it with a fixed-capacity structure sized at initialisation."),
    STACK_BUDGET_EXCEEDED("stack-budget-exceeded", Severity.ERROR,
            "A root's worst-case stack is above --stack-budget.",
            "The deepest call chain of the root may overflow the stack it is given.",
            "Flatten the deepest call chain or raise the budget."),
    IGNORED_CAPACITY_RESULT("ignored-capacity-result", Severity.WARNING,
            "The result of a fixed-capacity insert is discarded on a root's path.",
            "When the buffer is full the insert returns false and the data is lost silently.",
            "Check the result and handle a full buffer explicitly."),
    UNUSED_SUPPRESSION("unused-suppression", Severity.WARNING,
            "A @Suppress that suppresses nothing, or names an unknown rule.",
            "Stale suppressions hide future findings and mislead readers.",
            "Remove the suppression, or correct the rule id.");

    private final String id;
    private final Severity defaultSeverity;
    private final String summary;
    private final String explanation;
    private final String remedy;

    Rule(String id, Severity defaultSeverity, String summary, String explanation, String remedy) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
        this.summary = summary;
        this.explanation = explanation;
        this.remedy = remedy;
    }

    public String id() {
        return id;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public String summary() {
        return summary;
    }

    public String explanation() {
        return explanation;
    }

    /** The general remedy; a finding may carry a more specific one. */
    public String remedy() {
        return remedy;
    }

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
