package dev.headroom.core.timing;

import dev.headroom.core.callgraph.MethodRef;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What executing code costs, in cycles of the model: a cost per executed bytecode instruction (by
 * opcode) and, optionally, a trusted cost for whole methods (native methods, intrinsics). Immutable.
 * Load one with {@link CostModels#load(String)}.
 *
 * <p>The numbers are cycles of the model, not wall-clock time on a JIT-compiling JVM: under the
 * {@code unit} model a bound is a bound on the number of bytecode instructions executed.
 */
public final class CostModel {
    private final String name;
    private final String description;
    private final long[] opcodeCosts;
    /** {@code owner#name+descriptor} and {@code owner#name} (internal owner names) to cycles. */
    private final Map<String, Long> methodCosts;

    CostModel(String name, String description, long[] opcodeCosts, Map<String, Long> methodCosts) {
        this.name = name;
        this.description = description;
        this.opcodeCosts = opcodeCosts.clone();
        this.methodCosts = Map.copyOf(methodCosts);
    }

    /** The name reports show ({@code unit}, {@code interpreter}, or the {@code name} of a model file). */
    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The cost of executing one instruction with this opcode (0 to 201). */
    public long opcodeCost(int opcode) {
        return opcodeCosts[opcode];
    }

    /** The trusted cost of one call of this method, when the model declares one (exact descriptor first). */
    public OptionalLong methodCost(MethodRef method) {
        Long exact = methodCosts.get(method.owner() + "#" + method.name() + method.descriptor());
        if (exact != null) {
            return OptionalLong.of(exact);
        }
        Long byName = methodCosts.get(method.owner() + "#" + method.name());
        return byName == null ? OptionalLong.empty() : OptionalLong.of(byName);
    }

    /** How many methods the model gives a cost for. */
    public int methodCostCount() {
        return methodCosts.size();
    }

    @Override
    public String toString() {
        return name;
    }
}
