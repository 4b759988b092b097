package dev.headroom.core.memory;

import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.model.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The static initializers the interpreter could not follow to their end. Whatever such an initializer would
 * have gone on to build (a loop too long for the step budget, calls nested too deep, a branch on a value not
 * known, code that cannot be interpreted) is not counted, so the footprint is a lower bound: one
 * {@code unbounded-static} finding per class, at the line where it stopped, with the reason.
 */
final class EarlyStops {
    /** Fields named in a finding before "and N more". */
    private static final int FIELDS_NAMED = 5;

    private EarlyStops() {
    }

    /**
     * @param states  the classes whose static initializers ran
     * @param inScope the classes whose static state is judged
     * @param holdsReferences whether a class has static reference fields that are not compile-time constants:
     *                        a class with none, whose initializer touched no other class's, is not reported
     *                        (it only computed primitive constants)
     * @param counted the static fields counted with bytes, by their class
     * @param already the findings on single fields: a call stopped on a line that has one is not reported again
     */
    static List<MemoryFinding> findings(Collection<ClassState> states, Predicate<String> inScope,
                                        Predicate<String> holdsReferences, Map<String, List<String>> counted,
                                        List<MemoryFinding> already) {
        List<MemoryFinding> findings = new ArrayList<>();
        for (ClassState state : states) {
            if (!inScope.test(state.name) || !holdsReferences.test(state.name) && state.touched.isEmpty()) {
                continue;
            }
            List<String> lowerBounds = new ArrayList<>(counted.getOrDefault(state.name, List.of()));
            state.touched.forEach(other -> lowerBounds.addAll(counted.getOrDefault(other, List.of())));
            String name = state.name.replace('/', '.');
            MethodRef clinit = new MethodRef(state.name, "<clinit>", "()V");
            if (state.stopped != null) {
                findings.add(new MemoryFinding(Rule.UNBOUNDED_STATIC, clinit, state.stoppedLine,
                        "the static initializer of " + name + " could not be followed past "
                                + (state.stoppedLine > 0 ? "line " + state.stoppedLine : "its start") + " ("
                                + state.stopped + "); the footprint counts what it built until then, a lower bound"
                                + lowerBounds(lowerBounds),
                        null));
            } else if (state.callStopped != null && already.stream().noneMatch(f -> f.location().equals(clinit)
                    && f.line() == state.callStoppedLine)) {
                findings.add(new MemoryFinding(Rule.UNBOUNDED_STATIC, clinit, state.callStoppedLine,
                        "the static initializer of " + name + (state.callStoppedLine > 0 ? " at line "
                                + state.callStoppedLine : "") + " made " + state.callStopped
                                + "; the footprint counts what was built until then, a lower bound"
                                + lowerBounds(lowerBounds), null));
            }
        }
        return findings;
    }

    /** The fields whose totals are lower bounds, named. */
    private static String lowerBounds(List<String> fields) {
        if (fields.isEmpty()) {
            return "";
        }
        List<String> shown = fields.stream().sorted().limit(FIELDS_NAMED).toList();
        return "; the totals of " + String.join(", ", shown) + (fields.size() > FIELDS_NAMED
                ? " and " + (fields.size() - FIELDS_NAMED) + " more fields" : "") + " are lower bounds";
    }
}
