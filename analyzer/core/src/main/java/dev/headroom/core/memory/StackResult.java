package dev.headroom.core.memory;

import dev.headroom.core.model.StackUsage;
import java.util.List;

/**
 * The worst-case stack per root.
 *
 * @param stack    one per root, sorted by root
 * @param findings {@code stack-budget-exceeded}, one per root above the budget (or unbounded with a budget)
 */
public record StackResult(List<StackUsage> stack, List<MemoryFinding> findings) {
    public StackResult {
        stack = List.copyOf(stack);
        findings = List.copyOf(findings);
    }
}
