package dev.headroom.core.memory;

import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import dev.headroom.core.heap.StaticObjects;
import dev.headroom.core.memory.Value.HeapObject;
import dev.headroom.core.memory.Value.Unknown;
import dev.headroom.core.model.MemoryItem;
import dev.headroom.core.model.Rule;
import dev.headroom.core.model.Verdict;
import dev.headroom.core.rules.RuleBook;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldNode;

/**
 * The static footprint: runs the static initializers of the input classes ({@link StaticInterpreter}),
 * then walks the objects reachable from each static reference field, classes in name order and fields in
 * declaration order, counting every object once, for the first field that reaches it.
 *
 * <p>A field is {@code unbounded-static} when it reaches an object of a growable collection class (decided
 * with the rule packs, {@link GrowableTypes}), an array of non-constant length, an object a call that
 * could not be interpreted was given or returned, or when the static initializer stopped before assigning
 * it. The total is then a lower bound. A growable collection reached only through a read-only view
 * ({@code Collections.unmodifiableList}) makes no finding through the view: it is judged at the fields
 * that hold it directly. Every field is judged on everything it reaches, also what an earlier field counted.
 *
 * <p>Only the fields of the {@link StaticScope} are counted and judged.
 */
public final class MemoryAnalysis {
    /** Groups shown in an item's detail before "+ N more". */
    private static final int DETAIL_GROUPS = 6;

    private final ClassRepository classes;
    private final Layout layout;
    private final GrowableTypes growable;
    private final StaticInterpreter interpreter;
    private final Hierarchy hierarchy;

    public MemoryAnalysis(ClassRepository classes, Hierarchy hierarchy, RuleBook rules, Layout layout) {
        this.classes = classes;
        this.hierarchy = hierarchy;
        this.layout = layout;
        this.growable = new GrowableTypes(hierarchy, rules);
        this.interpreter = new StaticInterpreter(classes, hierarchy, new InstanceSizes(classes, layout), growable);
    }

    /** A counted field with where it is assigned (or the initialisation root that allocated it), for findings. */
    private record Counted(MemoryItem item, String owner, MethodRef location, int line, String unbounded,
                           boolean allocationSite) {
        /** A static field's, assigned by its class's static initialiser. */
        Counted(MemoryItem item, String owner, int line, String unbounded) {
            this(item, owner, null, line, unbounded, false);
        }
    }

    /**
     * The items of what an initialisation root allocated that no static field holds, one per line of the root's own
     * code: the objects allocated while that line ran that no other such object refers to (garbage included:
     * nothing allocated at start-up is assumed to be freed), with every such object they reach. Objects that only
     * refer to one another in a cycle are counted last, at the line of the first of them.
     */
    private List<Counted> allocatedBy(InitializerRun run, Map<HeapObject, String> countedBy) {
        Set<HeapObject> referred = Collections.newSetFromMap(new IdentityHashMap<>());
        for (HeapObject o : run.allocated.keySet()) {
            if (!countedBy.containsKey(o)) {
                for (Value v : references(o)) {
                    if (v instanceof HeapObject h && h != o && run.allocated.containsKey(h)) {
                        referred.add(h);
                    }
                }
            }
        }
        MethodRef root = run.root.ref();
        String owner = root.owner();
        Map<Integer, LineItem> byLine = new LinkedHashMap<>();
        for (boolean cycles : new boolean[] {false, true}) {
            for (Map.Entry<HeapObject, Integer> e : run.allocated.entrySet()) {
                HeapObject o = e.getKey();
                if (countedBy.containsKey(o) || (!cycles && referred.contains(o))) {
                    continue;
                }
                LineItem item = byLine.computeIfAbsent(e.getValue(),
                        line -> new LineItem(owner.replace('/', '.') + "." + root.name() + " line " + line, o));
                Deque<HeapObject> queue = new ArrayDeque<>();
                countedBy.put(o, item.where);
                queue.add(o);
                while (!queue.isEmpty()) {
                    HeapObject next = queue.poll();
                    item.bytes += next.bytes;
                    item.groups.merge(next.description, 1, Integer::sum);
                    for (Value v : references(next)) {
                        if (v instanceof HeapObject h && !countedBy.containsKey(h)) {
                            countedBy.put(h, item.where);
                            queue.add(h);
                        }
                    }
                }
                if (item.unbounded == null) {
                    item.unbounded = unboundedReason(o);
                }
            }
        }
        List<Counted> items = new ArrayList<>();
        byLine.forEach((line, item) -> {
            HeapObject first = item.first;
            String type = first.array ? typeName(first.type) : first.type.replace('/', '.');
            items.add(new Counted(new MemoryItem(item.where, type, item.bytes, detail(item.groups), root.toId()), owner,
                    root, line, item.unbounded, true));
        });
        return items;
    }

    /** What an initialisation root allocated at one line of its code, as it is added up. */
    private static final class LineItem {
        final String where;
        final HeapObject first;
        final Map<String, Integer> groups = new LinkedHashMap<>();
        long bytes;
        String unbounded;

        LineItem(String where, HeapObject first) {
            this.where = where;
            this.first = first;
        }
    }

    /** Every static field of the inputs. @param budgetBytes the RAM budget, or null for none */
    public MemoryResult analyze(Long budgetBytes) {
        return analyze(budgetBytes, StaticScope.all());
    }

    /**
     * @param budgetBytes the RAM budget, or null for none
     * @param scope       the static fields counted and judged
     */
    public MemoryResult analyze(Long budgetBytes, StaticScope scope) {
        return analyze(budgetBytes, scope, List.of());
    }

    /**
     * @param budgetBytes  the RAM budget, or null for none
     * @param scope        the static fields counted and judged
     * @param initializers the initialisation roots, run in this order after the static initialisers: every object
     *                     they allocate is counted, by the static field that holds it or else where they allocated it
     */
    public MemoryResult analyze(Long budgetBytes, StaticScope scope, List<Hierarchy.Declared> initializers) {
        for (String name : classes.inputClassNames()) {
            if (scope.isAll() || declaresFieldIn(name, scope)) {
                interpreter.initialize(name);
            }
        }
        List<InitializerRun> runs = initializers.stream().map(interpreter::runInitializer).toList();
        Map<HeapObject, String> countedBy = new IdentityHashMap<>();
        List<Counted> counted = new ArrayList<>();
        for (String name : classes.inputClassNames()) {
            Optional<LoadedClass> c = classes.find(name);
            Optional<ClassState> state = interpreter.state(name);
            if (c.isEmpty() || state.isEmpty()) {
                continue;
            }
            for (FieldNode f : c.get().node().fields) {
                // A field an initialisation root assigned is counted whatever the scope: the root was asked for.
                if ((f.access & Opcodes.ACC_STATIC) == 0 || !(f.desc.startsWith("L") || f.desc.startsWith("["))
                        || !(scope.includes(name, f.name) || state.get().assignedBy.containsKey(f.name))) {
                    continue;
                }
                Counted item = count(name, f, state.get(), countedBy);
                if (item != null) {
                    counted.add(item);
                }
            }
        }
        List<MemoryFinding> findings = new ArrayList<>();
        for (InitializerRun run : runs) {
            counted.addAll(allocatedBy(run, countedBy));
            findings.addAll(InitializerStops.findings(run));
        }
        boolean bounded = findings.isEmpty(); // no initialisation root stopped or made a call it did not follow
        counted.sort(Comparator.comparingLong((Counted k) -> -k.item.bytes()).thenComparing(k -> k.item.field()));
        long total = 0;
        for (Counted k : counted) {
            total += k.item.bytes();
            if (k.unbounded != null) {
                bounded = false;
                String what = k.allocationSite ? "what the initialisation root allocates at " + k.item.field()
                        : "static field " + k.item.field();
                findings.add(new MemoryFinding(Rule.UNBOUNDED_STATIC, k.location != null ? k.location : clinit(k.owner),
                        k.line, what + " cannot be bounded: " + k.unbounded + "; the footprint counts " + k.item.bytes()
                                + " bytes for it, a lower bound", null));
            }
        }
        Map<String, List<String>> fieldsByOwner = new LinkedHashMap<>();
        counted.stream().filter(k -> k.item.bytes() > 0 && k.item.isStatic())
                .forEach(k -> fieldsByOwner.computeIfAbsent(k.owner, o -> new ArrayList<>()).add(k.item.field()));
        List<MemoryFinding> stops = EarlyStops.findings(interpreter.states().values(), name -> inScope(name, scope),
                this::holdsReferences, fieldsByOwner, findings);
        bounded &= stops.isEmpty();
        findings.addAll(stops);
        Verdict verdict = null;
        if (budgetBytes != null) {
            verdict = total <= budgetBytes && bounded ? Verdict.PASS : Verdict.FAIL;
            if (total > budgetBytes) {
                findings.add(budgetFinding(total, bounded, budgetBytes, counted));
            }
        }
        findings.sort(Comparator.comparing(MemoryFinding::location).thenComparingInt(MemoryFinding::line)
                .thenComparing(MemoryFinding::message));
        return new MemoryResult(total, bounded, verdict, counted.stream().map(Counted::item).toList(), findings);
    }

    /**
     * Whether the class has static state an initializer could go on building: a static reference field that
     * is not a compile-time constant. (The other classes' state it touched is in its {@code ClassState}.)
     */
    private boolean holdsReferences(String name) {
        return classes.find(name).map(c -> c.node().fields.stream().anyMatch(f -> (f.access & Opcodes.ACC_STATIC) != 0
                && isReference(f.desc) && f.value == null)).orElse(false);
    }

    /** The Java name of a field's type; a malformed descriptor (a damaged class file) is shown as it is. */
    private static String typeName(String desc) {
        try {
            return Type.getType(desc).getClassName();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return desc;
        }
    }

    private static boolean isReference(String desc) {
        return desc.startsWith("L") || desc.startsWith("[");
    }

    private boolean inScope(String name, StaticScope scope) {
        return scope.isAll() || declaresFieldIn(name, scope);
    }

    private boolean declaresFieldIn(String name, StaticScope scope) {
        return classes.find(name).map(c -> c.node().fields.stream()
                .anyMatch(f -> (f.access & Opcodes.ACC_STATIC) != 0 && scope.includes(name, f.name))).orElse(false);
    }

    private static MethodRef clinit(String owner) {
        return new MethodRef(owner, "<clinit>", "()V");
    }

    private static MemoryFinding budgetFinding(long total, boolean bounded, long budget, List<Counted> counted) {
        StringBuilder largest = new StringBuilder();
        for (int i = 0; i < Math.min(3, counted.size()); i++) {
            MemoryItem item = counted.get(i).item();
            largest.append(i == 0 ? "" : ", ").append(item.field()).append(' ').append(item.bytes()).append(" bytes (")
                    .append(item.detail()).append(')');
        }
        Counted top = counted.get(0);
        String message = "the static footprint is " + (bounded ? "" : "at least ") + total + " bytes, " + (total - budget)
                + " bytes above the RAM budget of " + budget + " bytes; largest: " + largest;
        return new MemoryFinding(Rule.RAM_BUDGET_EXCEEDED, clinit(top.owner), top.line, message, null);
    }

    /** The item of one static reference field, or null when it holds nothing to count or report. */
    private Counted count(String owner, FieldNode f, ClassState state,
                          Map<HeapObject, String> countedBy) {
        String field = owner.replace('/', '.') + "." + f.name;
        String type = typeName(f.desc);
        int line = state.lines.getOrDefault(f.name, 0);
        Value value = state.statics.get(f.name);
        if (value == null) {
            if (state.stopped != null && f.value == null) {
                // Judged with the initializer's early stop, once for the class (EarlyStops).
                return new Counted(new MemoryItem(field, type, 0, "not computed"), owner, state.stoppedLine, null);
            }
            return null;
        }
        Hierarchy.Declared by = state.assignedBy.get(f.name);
        if (value instanceof Unknown u && u.reason() != null) {
            return fieldItem(field, type, 0, "not computed", owner, by, line, u.reason());
        }
        if (!(value instanceof HeapObject root)) {
            return null;
        }
        if (countedBy.containsKey(root)) {
            return fieldItem(field, type, 0, "the same object as " + countedBy.get(root), owner, by, line, unboundedReason(root));
        }
        long bytes = 0;
        Map<String, Integer> groups = new LinkedHashMap<>();
        Deque<HeapObject> queue = new ArrayDeque<>();
        countedBy.put(root, field);
        queue.add(root);
        while (!queue.isEmpty()) {
            HeapObject o = queue.poll();
            bytes += o.bytes;
            groups.merge(o.description, 1, Integer::sum);
            for (Value v : references(o)) {
                if (v instanceof HeapObject h && !countedBy.containsKey(h)) {
                    countedBy.put(h, field);
                    queue.add(h);
                }
            }
        }
        return fieldItem(field, type, bytes, detail(groups), owner, by, line, unboundedReason(root));
    }

    /** A static field's item: of static state, or of the initialisation root that assigned it last ({@code by}). */
    private static Counted fieldItem(String field, String type, long bytes, String detail, String owner,
                                     Hierarchy.Declared by, int line, String unbounded) {
        return by == null ? new Counted(new MemoryItem(field, type, bytes, detail), owner, line, unbounded)
                : new Counted(new MemoryItem(field, type, bytes, detail, by.ref().toId()), owner, by.ref(), line, unbounded,
                        false);
    }

    /**
     * Why what a field reaches cannot be bounded, or null: first everything reachable without entering a
     * read-only view (a growable collection there is the field's), then what the views wrap (where only
     * unknown and unsized objects count: a growable one is judged where it is held directly).
     */
    private String unboundedReason(HeapObject root) {
        String direct = walk(root, false);
        return direct != null ? direct : walk(root, true);
    }

    /** A breadth-first walk from root; with throughViews, into views too but without asking about growth. */
    private String walk(HeapObject root, boolean throughViews) {
        Set<HeapObject> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<HeapObject> queue = new ArrayDeque<>();
        seen.add(root);
        queue.add(root);
        while (!queue.isEmpty()) {
            HeapObject o = queue.poll();
            if (!throughViews && !o.array) {
                Optional<String> grows = growable.growable(o.type);
                if (grows.isPresent()) {
                    return "it holds a growable " + o.type.replace('/', '.') + " (" + grows.get() + ")";
                }
            }
            if (o.unbounded != null) {
                return o.unbounded;
            }
            if (!throughViews && !o.array && growable.isView(o.type)) {
                continue;
            }
            for (Value v : references(o)) {
                if (v instanceof HeapObject h) {
                    if (seen.add(h)) {
                        queue.add(h);
                    }
                } else if (v instanceof Unknown u && u.reason() != null) {
                    return "it holds " + u.reason();
                }
            }
        }
        return null;
    }

    /** The values an object holds: fields, indexed elements, then elements at unknown indexes. */
    private static List<Value> references(HeapObject o) {
        List<Value> next = new ArrayList<>(o.fields.values());
        next.addAll(o.elements.values());
        next.addAll(o.unindexed);
        return next;
    }

    private static String detail(Map<String, Integer> groups) {
        List<String> parts = new ArrayList<>();
        int shown = 0;
        int more = 0;
        for (Map.Entry<String, Integer> e : groups.entrySet()) {
            if (shown < DETAIL_GROUPS) {
                parts.add(e.getValue() == 1 ? e.getKey() : e.getValue() + " x " + e.getKey());
                shown++;
            } else {
                more += e.getValue();
            }
        }
        if (more > 0) {
            parts.add(more + " more objects");
        }
        return String.join(" + ", parts);
    }

    /**
     * What the static initialisers run by {@link #analyze} built, as far as it is exact and final (for the
     * timing analysis's capacity bounds).
     */
    public StaticObjects staticObjects() {
        return new InitializedObjects(interpreter, classes, hierarchy);
    }

    /** The layout model sizes are computed with. */
    public Layout layout() {
        return layout;
    }
}
