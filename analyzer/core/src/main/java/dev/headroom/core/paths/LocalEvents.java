package dev.headroom.core.paths;

import dev.headroom.core.callgraph.Call;
import dev.headroom.core.callgraph.CallGraph;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.callgraph.Site;
import dev.headroom.core.callgraph.Target;
import dev.headroom.core.model.Rule;
import dev.headroom.core.rules.EventKind;
import dev.headroom.core.rules.EventRemedies;
import dev.headroom.core.rules.MethodRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;

/** The events of one method: what its own instructions and the calls it makes to summarised or unanalysable targets do. */
final class LocalEvents {
    private static final String CAPACITY_REMEDY = "check the result and handle a full buffer (count the overrun, "
            + "drop the oldest, or signal back-pressure)";

    private final CallGraph graph;
    /**
     * The message of each call to a summarised or unanalysable method, and of each allocation, made once:
     * made per call they were 89 MB of text on every Guava method as a root, and at 50,000 classes the same message
     * of 245 characters was held 50,000 times. Keyed by the callee, with what the text is made of to check the entry.
     */
    private final Map<MethodRef, Message> messages = new HashMap<>();
    private final Map<String, String> allocations = new HashMap<>();

    /** A call's message and what it was made of: the rule found for the callee, or the reason it cannot be analysed. */
    private static final class Message {
        final Object madeOf;
        final String text;

        Message(Object madeOf, String text) {
            this.madeOf = madeOf;
            this.text = text;
        }
    }

    LocalEvents(CallGraph graph) {
        this.graph = graph;
    }

    List<Event> of(CallGraph.Node node) {
        List<Event> events = new ArrayList<>();
        for (Site site : node.facts().sites()) {
            Event own = ofSite(site);
            if (own != null) {
                events.add(own);
            }
        }
        Map<Integer, List<Call>> bySite = new LinkedHashMap<>();
        List<Call> made = node.calls();
        for (int c = 0; c < made.size(); c++) {
            Call call = made.get(c);
            Event e = ofCall(call, node.callee(c));
            if (e != null) {
                events.add(e);
            }
            if (call.site() instanceof Site.Invoke invoke && invoke.resultIgnored()) {
                bySite.computeIfAbsent(invoke.index(), k -> new ArrayList<>()).add(call);
            }
        }
        for (List<Call> calls : bySite.values()) {
            Event e = ignoredCapacityResult(calls);
            if (e != null) {
                events.add(e);
            }
        }
        return events;
    }

    /**
     * The calls of one site whose boolean result is discarded: a finding when every target the call may
     * reach is described as a fixed-capacity insert (a virtual call with one growable or followed target
     * is not one). Callback-only and allocation records do not stand for targets of their own.
     */
    private static Event ignoredCapacityResult(List<Call> calls) {
        Target.Summarised first = null;
        for (Call call : calls) {
            Target target = call.target();
            if (target instanceof Target.CallbacksOnly || target instanceof Target.Allocation) {
                continue;
            }
            if (!(target instanceof Target.Summarised s) || !s.rule().capacityResult()) {
                return null;
            }
            if (first == null) {
                first = s;
            }
        }
        if (first == null) {
            return null;
        }
        Site site = calls.get(0).site();
        return new Event(Rule.IGNORED_CAPACITY_RESULT, site.cold(), site.line(), "the result of "
                + Names.method(first.ref()) + " is discarded: when the buffer is full the element is dropped silently",
                first.ref(), CAPACITY_REMEDY);
    }

    private String allocates(String what) {
        return allocations.computeIfAbsent(what, w -> "allocates: " + w);
    }

    /** The events of entering the method itself: a synchronized method takes its monitor. */
    static Event onEntry(CallGraph.Node callee, int line, boolean cold) {
        if (callee.is(Opcodes.ACC_SYNCHRONIZED)) {
            return new Event(Rule.BLOCKING_CALL, cold, line,
                    "call to synchronized method " + Names.method(callee.ref()) + ": may wait for its monitor",
                    callee.ref(), remedy(EventKind.SYNCHRONIZED));
        }
        return null;
    }

    /** The remedy the bundled data gives for this kind of event. */
    static String remedy(EventKind kind) {
        return EventRemedies.bundled().remedy(kind);
    }

    /**
     * The remedy of a finding made inside library code: a rule-pack entry's own remedy when the witness is
     * a described call, else for growth and allocation the data's "inside library code" remedy (the user
     * cannot change the library's bytecode), else the witness's remedy.
     */
    static String libraryRemedy(Rule rule, Event witness) {
        boolean packEntry = witness.target() != null && witness.remedy() != null;
        if (rule == Rule.HEAP_ALLOCATION && !packEntry) {
            return remedy(EventKind.LIBRARY_ALLOCATION);
        }
        if (rule == Rule.GROWABLE_COLLECTION && !packEntry) {
            return remedy(EventKind.LIBRARY_GROWTH);
        }
        return witness.remedy();
    }

    private Event ofSite(Site site) {
        if (site instanceof Site.Allocation a) {
            return new Event(Rule.HEAP_ALLOCATION, a.cold(), a.line(), allocates(a.message()), null, remedy(a.kind()));
        }
        if (site instanceof Site.Monitor m) {
            return new Event(Rule.BLOCKING_CALL, m.cold(), m.line(), "synchronized block: may wait for the monitor", null,
                    remedy(EventKind.SYNCHRONIZED));
        }
        if (site instanceof Site.Lambda l && l.capturing()) {
            return new Event(Rule.HEAP_ALLOCATION, l.cold(), l.line(), describeCapture(l), null,
                    remedy(isLambdaBody(l) ? EventKind.CAPTURING_LAMBDA : EventKind.CAPTURING_METHOD_REFERENCE));
        }
        if (site instanceof Site.UnknownDynamic d) {
            return new Event(Rule.UNRESOLVED_CALL, d.cold(), d.line(), "invokedynamic '" + d.name()
                    + "' with bootstrap " + d.bootstrap() + " cannot be analysed", null, remedy(EventKind.UNRESOLVED_CALL));
        }
        return null;
    }

    private static boolean isLambdaBody(Site.Lambda l) {
        return l.shape().implementation().getName().startsWith("lambda$");
    }

    private static String describeCapture(Site.Lambda l) {
        Handle impl = l.shape().implementation();
        String values = l.captured() == 1 ? "1 captured value" : l.captured() + " captured values";
        if (isLambdaBody(l)) {
            return "capturing lambda: allocates an object holding " + values + " each time it is evaluated";
        }
        return "capturing method reference " + impl.getOwner().replace('/', '.') + "::" + impl.getName()
                + ": allocates an object holding " + values + " each time it is evaluated";
    }

    /** @param callee the number of the node the call leads into, or -1 */
    private Event ofCall(Call call, int callee) {
        Site site = call.site();
        Target target = call.target();
        if (target instanceof Target.Summarised s) {
            MethodRule rule = s.rule();
            Rule r = switch (rule.kind()) {
                case GROWABLE -> Rule.GROWABLE_COLLECTION;
                case ALLOCATING -> Rule.HEAP_ALLOCATION;
                case BLOCKING -> Rule.BLOCKING_CALL;
                case UNRESOLVED -> Rule.UNRESOLVED_CALL;
                case SAFE -> null;
            };
            if (r == null) {
                return null;
            }
            Message m = messages.get(s.ref());
            if (m == null || m.madeOf != rule) {
                m = new Message(rule, "call to " + Names.method(s.ref()) + " " + verb(r) + ": " + rule.reason());
                messages.put(s.ref(), m);
            }
            return new Event(r, site.cold(), site.line(), m.text, s.ref(),
                    rule.remedy() != null ? rule.remedy() : fallbackRemedy(r, s.ref()));
        }
        if (target instanceof Target.Unanalysable u) {
            Message m = messages.get(u.ref());
            if (m == null || !Objects.equals(u.reason(), m.madeOf)) {
                m = new Message(u.reason(), "call to " + Names.method(u.ref()) + " cannot be analysed: " + u.reason());
                messages.put(u.ref(), m);
            }
            return new Event(Rule.UNRESOLVED_CALL, site.cold(), site.line(), m.text, u.ref(),
                    remedy(EventKind.UNRESOLVED_CALL));
        }
        if (target instanceof Target.Allocation a) {
            return new Event(Rule.HEAP_ALLOCATION, site.cold(), site.line(), allocates(a.message()), null,
                    remedy(EventKind.CONSTRUCTOR_REFERENCE));
        }
        if (target instanceof Target.Method) {
            return callee < 0 ? null : onEntry(graph.node(callee), site.line(), site.cold());
        }
        return null;
    }

    /** A remedy for a rule-pack entry that has none of its own: boxing and unresolved calls have one in the data. */
    private static String fallbackRemedy(Rule rule, MethodRef ref) {
        if (rule == Rule.HEAP_ALLOCATION && isBoxing(ref)) {
            return remedy(EventKind.BOXING);
        }
        if (rule == Rule.UNRESOLVED_CALL) {
            return remedy(EventKind.UNRESOLVED_CALL);
        }
        return null;
    }

    private static boolean isBoxing(MethodRef ref) {
        return ref.name().equals("valueOf") && switch (ref.owner()) {
            case "java/lang/Integer", "java/lang/Long", "java/lang/Short", "java/lang/Byte", "java/lang/Character",
                 "java/lang/Float", "java/lang/Double", "java/lang/Boolean" -> true;
            default -> false;
        };
    }

    static String verb(Rule rule) {
        return switch (rule) {
            case GROWABLE_COLLECTION -> "may grow the collection";
            case HEAP_ALLOCATION -> "allocates";
            case BLOCKING_CALL -> "may block";
            case UNRESOLVED_CALL -> "cannot be analysed";
            case RECURSION -> "is recursive";
            default -> "is reported";
        };
    }
}
