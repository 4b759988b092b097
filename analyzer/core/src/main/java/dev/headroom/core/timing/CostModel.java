package dev.headroom.core.timing;

import dev.headroom.core.callgraph.MethodRef;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What executing code costs, in cycles of the model: a cost per executed bytecode instruction (by
 * opcode) and, optionally, a trusted cost for whole methods (native methods) and a cost per form of JVM
 * intrinsic ({@link Intrinsics}). A method's own entry comes before its intrinsic form. Immutable. Load
 * one with {@link CostModels#load(String)}.
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
    /** Intrinsic form to cycles; a form the model does not price leaves its methods to their bytecode. */
    private final Map<String, Long> formCosts;
    private final Intrinsics intrinsics;

    CostModel(String name, String description, long[] opcodeCosts, Map<String, Long> methodCosts,
              Map<String, Long> formCosts, Intrinsics intrinsics) {
        this.name = name;
        this.description = description;
        this.opcodeCosts = opcodeCosts.clone();
        this.methodCosts = Map.copyOf(methodCosts);
        this.formCosts = Map.copyOf(formCosts);
        this.intrinsics = intrinsics;
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

    /**
     * The trusted cost of one call of this method, when the model declares one: its own entry (exact
     * descriptor first), else the cost of its intrinsic form.
     */
    public OptionalLong methodCost(MethodRef method) {
        Long exact = methodCosts.get(method.owner() + "#" + method.name() + method.descriptor());
        if (exact != null) {
            return OptionalLong.of(exact);
        }
        Long byName = methodCosts.get(method.owner() + "#" + method.name());
        if (byName != null) {
            return OptionalLong.of(byName);
        }
        Long formCost = intrinsics.form(method).map(formCosts::get).orElse(null);
        return formCost == null ? OptionalLong.empty() : OptionalLong.of(formCost);
    }

    /**
     * The cost of a call that names a JVM intrinsic the model prices (as {@link #methodCost}), or empty. A
     * call site names an intrinsic exactly (they cannot be overridden), with its own descriptor for a
     * signature-polymorphic VarHandle method, so this is asked with the method the invoke instruction names.
     */
    public OptionalLong intrinsicCost(MethodRef calledAs) {
        return intrinsics.form(calledAs).filter(formCosts::containsKey).isPresent()
                ? methodCost(calledAs) : OptionalLong.empty();
    }

    /** How many intrinsic forms the model prices. */
    public int intrinsicFormCount() {
        return formCosts.size();
    }

    /** The methods the model gives a cost for, as {@code owner#name[descriptor]} with internal owner names. */
    java.util.Set<String> methodKeys() {
        return methodCosts.keySet();
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
