package dev.headroom.core.callgraph;

/**
 * Where a method's scan ({@link FlowPass}, {@link FlowInterpreter}) puts what its values do: the nodes it makes
 * for calls and casts, the edges its assignments add, and the program's nodes it looks up. {@link ProgramFlow}
 * is the program's own flow; a {@link FlowLog.Recorder} in front of it also writes each step down, so that
 * the same steps can be taken again without the method's code.
 */
interface FlowSink {
    /** A new node of this scan (a call's argument or result, a cast). */
    TypeFlow.Node node();

    /** An edge letting every type through. */
    void edge(TypeFlow.Node from, TypeFlow.Node to);

    /** An edge letting through only subtypes of {@code filter} (and unknown). */
    void filteredEdge(TypeFlow.Node from, TypeFlow.Node to, String filter);

    /** Makes a node hold unknown. */
    void addUnknown(TypeFlow.Node node);

    /** The node of a field, by any reference to it. */
    TypeFlow.Node field(String owner, String name, String descriptor);

    /** The node holding one created type: a class's internal name or a {@link Site.LambdaShape}. */
    TypeFlow.Node constant(Object type);

    /** The node that holds unknown. */
    TypeFlow.Node unknown();
}
