package dev.headroom.core.memory;

import dev.headroom.core.callgraph.Hierarchy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What running one class's static initializer gave. */
final class ClassState {
    final String name;
    boolean running;
    boolean done;
    final Map<String, Value> statics = new LinkedHashMap<>();
    final Map<String, Integer> lines = new HashMap<>();
    /** The static fields an initialisation root assigned last (their lines are the root's), by name. */
    final Map<String, Hierarchy.Declared> assignedBy = new HashMap<>();
    /** Why the static initializer could not be run to its end, or null. */
    String stopped;
    int stoppedLine;
    /**
     * Why a call the static initializer made into the program's own code could not be followed to its
     * end, or null: that code may have gone on to change static state, so what was built is a lower bound.
     */
    String callStopped;
    int callStoppedLine;
    /**
     * The other input classes whose static reference fields this initializer (or what it called) read or
     * wrote: what it did not get to may have gone on building their state.
     */
    final Set<String> touched = new TreeSet<>();

    ClassState(String name) {
        this.name = name;
    }
}
