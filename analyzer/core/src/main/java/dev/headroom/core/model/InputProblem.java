package dev.headroom.core.model;

/**
 * Something that could not be analysed and was left out: a corrupt or truncated class file, a class
 * file newer than supported. {@code source} names the file (and the entry, inside a jar).
 */
public record InputProblem(String source, String reason) implements Comparable<InputProblem> {
    @Override
    public int compareTo(InputProblem other) {
        int bySource = source.compareTo(other.source);
        return bySource != 0 ? bySource : reason.compareTo(other.reason);
    }
}
