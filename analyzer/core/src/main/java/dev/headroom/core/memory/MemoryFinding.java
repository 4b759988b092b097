package dev.headroom.core.memory;

import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.model.Rule;

/**
 * A finding of the memory analyses.
 *
 * @param rule     {@link Rule#UNBOUNDED_STATIC}, {@link Rule#RAM_BUDGET_EXCEEDED} or {@link Rule#STACK_BUDGET_EXCEEDED}
 * @param location the class and its {@code <clinit>} for the footprint; the root for the stack
 * @param line     the line of the static initializer that assigns the field, where known; 0 otherwise
 * @param root     the root for stack findings, else null
 */
public record MemoryFinding(Rule rule, MethodRef location, int line, String message, MethodRef root) {
}
