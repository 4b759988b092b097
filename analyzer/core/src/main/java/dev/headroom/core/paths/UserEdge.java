package dev.headroom.core.paths;

import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.model.Frame;
import java.util.List;

/**
 * A call from one user method to another, directly or back out of library code (a callback).
 *
 * @param via the library frames between the two, each with the line of its call
 */
record UserEdge(MethodRef from, int line, boolean cold, MethodRef to, List<Frame> via) {
}
