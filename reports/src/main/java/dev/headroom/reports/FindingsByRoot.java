package dev.headroom.reports;

import dev.headroom.core.model.Finding;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.Root;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings grouped as the reports show them: by root, the roots in model order (each, with findings or
 * not), then the roots that only findings name, in order of first appearance; and the findings tied to no
 * root (budgets, unused suppressions).
 */
record FindingsByRoot(Map<MethodId, List<Finding>> byRoot, List<Finding> untied) {
    static FindingsByRoot of(List<Root> roots, Collection<Finding> findings) {
        Map<MethodId, List<Finding>> byRoot = new LinkedHashMap<>();
        for (Root root : roots) {
            byRoot.putIfAbsent(root.method(), new ArrayList<>());
        }
        List<Finding> untied = new ArrayList<>();
        for (Finding finding : findings) {
            if (finding.root() == null) {
                untied.add(finding);
            } else {
                byRoot.computeIfAbsent(finding.root(), m -> new ArrayList<>()).add(finding);
            }
        }
        return new FindingsByRoot(byRoot, untied);
    }
}
