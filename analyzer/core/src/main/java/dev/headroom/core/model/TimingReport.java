package dev.headroom.core.model;

import java.util.List;

/** The worst-case execution cost of every root. {@code roots} is sorted by root. */
public record TimingReport(String costModel, List<RootTiming> roots) {
    public TimingReport {
        roots = List.copyOf(roots);
    }
}
