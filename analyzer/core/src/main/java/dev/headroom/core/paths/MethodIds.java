package dev.headroom.core.paths;

import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.model.MethodId;
import java.util.HashMap;
import java.util.Map;

/** One {@link MethodId} per method: chains repeat the same frames across thousands of findings. */
final class MethodIds {
    private final Map<MethodRef, MethodId> ids = new HashMap<>();

    MethodId of(MethodRef ref) {
        return ids.computeIfAbsent(ref, MethodRef::toId);
    }
}
