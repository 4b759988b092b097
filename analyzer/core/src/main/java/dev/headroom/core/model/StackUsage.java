package dev.headroom.core.model;

/**
 * A root's worst-case stack: the deepest call chain's frames.
 *
 * @param verdict pass or fail against {@code --stack-budget}; null without a budget
 */
public record StackUsage(MethodId root, long bytes, boolean bounded, Verdict verdict) {
}
