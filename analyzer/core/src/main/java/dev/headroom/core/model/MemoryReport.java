package dev.headroom.core.model;

import java.util.List;

/**
 * The static footprint against the RAM budget, and the stack per root.
 *
 * @param layout      the object-layout model, e.g. {@code hotspot-coops}
 * @param budgetBytes the RAM budget, or null when none was given
 * @param totalBytes  the sum of the items; a lower bound when {@code bounded} is false
 * @param bounded     false when some static state cannot be bounded ({@code unbounded-static})
 * @param verdict     pass or fail against the budget; null without a budget
 * @param items       sorted by bytes, largest first, then by field
 * @param stack       sorted by root
 */
public record MemoryReport(String layout, Long budgetBytes, long totalBytes, boolean bounded, Verdict verdict,
                           List<MemoryItem> items, List<StackUsage> stack) {
    public MemoryReport {
        items = List.copyOf(items);
        stack = List.copyOf(stack);
    }
}
