package dev.headroom.core.memory;

import dev.headroom.core.model.MemoryItem;
import dev.headroom.core.model.Verdict;
import java.util.List;

/**
 * The static footprint.
 *
 * @param totalBytes the sum of the items; a lower bound when {@code bounded} is false
 * @param bounded    false when some static state cannot be bounded (an {@code unbounded-static} finding says why)
 * @param verdict    null without a budget; fail when the total is above it, or when it cannot be bounded
 * @param items      one per static reference field holding counted objects, by bytes descending, then field
 * @param findings   {@code unbounded-static} and {@code ram-budget-exceeded}, sorted by location and line
 */
public record MemoryResult(long totalBytes, boolean bounded, Verdict verdict, List<MemoryItem> items,
                           List<MemoryFinding> findings) {
    public MemoryResult {
        items = List.copyOf(items);
        findings = List.copyOf(findings);
    }
}
