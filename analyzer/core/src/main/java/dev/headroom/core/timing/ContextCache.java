package dev.headroom.core.timing;

import dev.headroom.core.callgraph.MethodRef;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The timings of methods analysed in a call's context, each found again for any context that agrees with the one
 * it was made in on the parameters it depends on ({@link ContextReads}): a method is analysed once per distinct
 * part of the contexts that matters, not once per distinct context (every Guava method as a root called
 * {@code String.equals} with 323 different constant strings, none of which bounds anything there).
 *
 * @param <R> what is kept per context
 */
final class ContextCache<R> {
    /** By method: the dependency masks seen, in order, and under each the results by the context restricted to it. */
    private final Map<MethodRef, Map<Long, Map<Map<Integer, ConstantInterpreter.Value>, R>>> byMethod = new HashMap<>();

    /** A result made in a context that agrees with {@code known} on what it depends on, or null. */
    R find(MethodRef method, Map<Integer, ConstantInterpreter.Value> known) {
        Map<Long, Map<Map<Integer, ConstantInterpreter.Value>, R>> masks = byMethod.get(method);
        if (masks == null) {
            return null;
        }
        for (Map.Entry<Long, Map<Map<Integer, ConstantInterpreter.Value>, R>> e : masks.entrySet()) {
            R found = e.getValue().get(restricted(known, e.getKey()));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    void put(MethodRef method, Map<Integer, ConstantInterpreter.Value> known, long dependsOn, R result) {
        byMethod.computeIfAbsent(method, m -> new LinkedHashMap<>()).computeIfAbsent(dependsOn, d -> new HashMap<>())
                .put(restricted(known, dependsOn), result);
    }

    /** What is known of the parameters in the mask (a parameter not in it known or not alike). */
    static Map<Integer, ConstantInterpreter.Value> restricted(Map<Integer, ConstantInterpreter.Value> known, long mask) {
        Map<Integer, ConstantInterpreter.Value> kept = new HashMap<>();
        known.forEach((local, value) -> {
            if ((mask & ParamProvenance.bit(local)) != 0) {
                kept.put(local, value);
            }
        });
        return kept;
    }
}
