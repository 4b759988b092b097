package dev.headroom.core.callgraph;

import java.util.List;

/**
 * What one scan of a method's bytecode found, in instruction order. Computed once per method.
 *
 * @param firstLine the first line number in the method, 0 when it has none
 * @param coldCode which instructions are cold or dead (null for a method without code); the timing analysis
 *                 reads the same map instead of computing it again
 */
public record MethodFacts(List<Site> sites, int firstLine, ColdCode coldCode) {
    public MethodFacts {
        sites = List.copyOf(sites);
    }

    static final MethodFacts NO_CODE = new MethodFacts(List.of(), 0, null);
}
