package dev.headroom.core.timing;

import dev.headroom.core.callgraph.MethodRef;

/**
 * The bound of one loop and where it comes from.
 *
 * @param method the method that contains the loop
 * @param line   the source line of the loop header's first instruction (0 when the class has no line numbers)
 * @param header the index of the loop header's first instruction among the method's instructions (the
 *               {@code header} key of a flow-facts file)
 * @param source where the bound comes from, {@link Source#UNBOUNDED} when there is none
 * @param bound  the largest number of iterations (back edges taken) per entry of the loop; -1 when unbounded
 * @param detail how it was inferred or where it was declared; for an unbounded loop, why there is no bound
 */
public record LoopBound(MethodRef method, int line, int header, Source source, long bound, String detail) {
    /** Where a loop bound comes from, in the order they are tried. */
    public enum Source {
        INFERRED("inferred"),
        MARKER("marker"),
        ANNOTATION("annotation"),
        FLOW_FACTS("flow-facts"),
        UNBOUNDED("unbounded");

        private final String id;

        Source(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public boolean bounded() {
        return source != Source.UNBOUNDED;
    }

    /**
     * Where the loop is, for people: {@code Ring.java:42}; by its header instruction only when the class
     * has no line numbers ({@code Ring.java (header instruction 13)}).
     */
    public String at(String file) {
        return line > 0 ? file + ":" + line : file + " (header instruction " + header + ")";
    }
}
