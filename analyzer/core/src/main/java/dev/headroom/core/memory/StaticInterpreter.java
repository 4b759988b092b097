package dev.headroom.core.memory;

import dev.headroom.core.callgraph.Hierarchy;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import dev.headroom.core.memory.Value.DoubleV;
import dev.headroom.core.memory.Value.External;
import dev.headroom.core.memory.Value.FloatV;
import dev.headroom.core.memory.Value.HeapObject;
import dev.headroom.core.memory.Value.IntV;
import dev.headroom.core.memory.Value.LongV;
import dev.headroom.core.memory.Value.Null;
import dev.headroom.core.memory.Value.Unknown;
import dev.headroom.core.rules.MethodRule;
import dev.headroom.core.rules.RuleKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Runs the static initializers of the input classes on abstract values: constants are propagated through
 * locals, fields, arguments and int/long/float/double arithmetic, objects and arrays are created as the
 * bytecode says (so a loop with a constant bound creates each of its objects), and calls are followed
 * into the bytecode of the called constructors and methods, user or library. What cannot be computed
 * becomes an {@link Unknown} value; an array of unknown length, or an object whose constructor could not
 * be followed, is marked unbounded with the reason. A branch on an unknown value is followed only when
 * one side just throws; otherwise the method being interpreted stops there, and its result (and every
 * object it was given) is marked unbounded.
 *
 * <p>Library static state is not interpreted: a library static field's value is an {@link External}
 * reference (shared, not counted) unless it is a compile-time constant. String and class literals are
 * not counted either (they are the JVM's shared constants).
 */
final class StaticInterpreter {
    /** Bytecodes interpreted per static initializer, calls included, before giving up. */
    static final long STEP_BUDGET = 5_000_000;
    /** Objects created per static initializer before giving up. */
    static final long OBJECT_BUDGET = 1_000_000;
    private static final int MAX_DEPTH = 48;

    private final ClassRepository classes;
    private final Hierarchy hierarchy;
    private final InstanceSizes sizes;
    private final GrowableTypes growable;
    /** The static flag javac generates for {@code assert} statements. */
    private static final String ASSERTIONS_DISABLED = "$assertionsDisabled";
    private final Map<String, ClassState> states = new LinkedHashMap<>();
    /** The static initializers running, innermost first. */
    private final Deque<ClassState> running = new ArrayDeque<>();
    private final Map<MethodNode, Branches.LoopRanges> loops = new WeakHashMap<>(); // identity keys; trees may be read again
    private long steps;
    private long objects;
    /** The line of the static initializer being run, where a nested call was made from. */
    private int clinitLine;
    /** The objects of the input classes made while a static initialiser ran, by class. */
    private final Map<String, List<HeapObject>> madeByStaticInitializers = new HashMap<>();
    /** The initialisation root being run, recording what it allocates; null otherwise. */
    private InitializerRun recording;
    /** The line of the initialisation root's own code being run. */
    private int initLine;

    /** The interpretation of a method cannot go on; caught at the nearest call. */
    static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;

        Stop(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A budget is exhausted: the whole static initializer stops. */
    static final class OutOfBudget extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** The method interpreted when the budget ran out, set by the innermost one. */
        private String where;

        OutOfBudget(String reason) {
            super(reason, null, false, false);
        }

        @Override
        public String getMessage() {
            return super.getMessage() + (where == null ? "" : " (in " + where + ")");
        }
    }

    StaticInterpreter(ClassRepository classes, Hierarchy hierarchy, InstanceSizes sizes, GrowableTypes growable) {
        this.classes = classes;
        this.hierarchy = hierarchy;
        this.sizes = sizes;
        this.growable = growable;
    }

    Optional<ClassState> state(String internalName) {
        return Optional.ofNullable(states.get(internalName));
    }

    /** Initialises an input class as the JVM would (super class first), once; library classes are not run. */
    ClassState initialize(String internalName) {
        ClassState state = states.get(internalName);
        if (state != null) {
            return state;
        }
        state = new ClassState(internalName);
        states.put(internalName, state);
        Optional<LoadedClass> c = classes.find(internalName);
        if (c.isEmpty()) {
            state.done = true;
            return state;
        }
        String superName = c.get().node().superName;
        if (superName != null && classes.isInput(superName)) {
            initialize(superName);
        }
        MethodNode clinit = null;
        for (MethodNode m : c.get().node().methods) {
            if (m.name.equals("<clinit>")) {
                clinit = m;
            }
        }
        if (clinit != null) {
            state.running = true;
            running.push(state);
            int savedLine = clinitLine;
            try {
                String stopped = runWithOwnBudgets(c.get(), clinit, new Value[0], state);
                if (stopped != null) {
                    state.stopped = stopped;
                    state.stoppedLine = clinitLine;
                }
            } finally {
                clinitLine = savedLine;
                state.running = false;
                running.pop();
            }
        }
        state.done = true;
        return state;
    }

    /**
     * Runs an initialisation root once, after the static initialisers, on what is known: its arguments (and
     * its receiver) are unknown. Records every object allocated meanwhile; objects it stores into static
     * fields of the inputs are there for the static footprint to count.
     */
    InitializerRun runInitializer(Hierarchy.Declared root) {
        String owner = root.owner().internalName();
        if (classes.isInput(owner)) {
            initialize(owner);
        }
        MethodNode method = root.method();
        List<Value> args = new ArrayList<>();
        if ((method.access & Opcodes.ACC_STATIC) == 0) {
            args.add(new Unknown('L', "the object the initialisation root runs on"));
        }
        for (Type t : Type.getArgumentTypes(method.desc)) {
            char kind = ValueKinds.kindOf(t);
            args.add(new Unknown(kind, kind == 'L' ? "an argument of the initialisation root" : null));
        }
        InitializerRun run = new InitializerRun(root);
        recording = run;
        initLine = 0;
        try {
            String stopped = runWithOwnBudgets(root.owner(), method, args.toArray(Value[]::new), null);
            if (stopped != null) {
                run.stopped = stopped;
                run.stoppedLine = initLine;
            }
        } finally {
            recording = null;
        }
        return run;
    }

    /**
     * Runs a static initialiser or an initialisation root with step and object budgets of its own (the caller's
     * are restored after it); why it stopped, or null when it ran to its end.
     */
    private String runWithOwnBudgets(LoadedClass owner, MethodNode method, Value[] args, ClassState clinitState) {
        long savedSteps = steps;
        long savedObjects = objects;
        steps = 0;
        objects = 0;
        try {
            run(owner, method, args, 0, clinitState);
            return null;
        } catch (Stop | OutOfBudget e) {
            return e.getMessage();
        } finally {
            steps = savedSteps;
            objects = savedObjects;
        }
    }

    /** An object allocated now: recorded when an initialisation root runs, and by type when a static initialiser does. */
    private HeapObject allocated(HeapObject o) {
        if (recording != null) {
            recording.allocated.put(o, initLine);
        }
        // Only the inputs' classes: OnlyInstances asks for no other (and this keeps no JDK object alive).
        if (!running.isEmpty() && !o.array && classes.isInput(o.type)) {
            madeByStaticInitializers.computeIfAbsent(o.type, t -> new ArrayList<>()).add(o);
        }
        return o;
    }

    /** The objects of exactly this input class the static initialisers run so far made, in order. */
    List<HeapObject> madeByStaticInitializers(String type) {
        return madeByStaticInitializers.getOrDefault(type, List.of());
    }

    /** A call not followed to its end while an initialisation root runs: what it allocated is not known. */
    private void notFollowed(String what) {
        if (recording != null && recording.unfollowed == null) {
            recording.unfollowed = what;
            recording.unfollowedLine = initLine;
        }
    }

    // ---------------------------------------------------------------- interpretation

    /**
     * Runs a method. {@code clinitState} is the class being initialised when this is its static
     * initializer (lines are tracked there), else null.
     */
    private Value run(LoadedClass owner, MethodNode method, Value[] args, int depth, ClassState clinitState) throws Stop {
        String where = owner.internalName().replace('/', '.') + "." + method.name;
        if (depth > MAX_DEPTH) {
            throw new Stop("calls nested more than " + MAX_DEPTH + " deep (at " + where + ")");
        }
        String invalid = classes.unanalysable(method);
        if (invalid != null) { // its code failed the checks when its class was read (ClassGuard) and was dropped
            throw new Stop("code of " + where + " that cannot be interpreted (its bytecode is invalid: " + invalid + ")");
        }
        try {
            return interpret(owner, method, args, depth, clinitState, where);
        } catch (OutOfBudget e) {
            if (e.where == null) {
                e.where = where;
            }
            throw e;
        } catch (OperandStack.MalformedCode | IndexOutOfBoundsException | ClassCastException
                 | IllegalArgumentException e) {
            // Mutated or hand-made code ASM parsed but no verifier would accept: not followed, never a crash.
            throw new Stop("code of " + where + " that cannot be interpreted ("
                    + (e instanceof OperandStack.MalformedCode ? e.getMessage()
                       : e.getClass().getSimpleName() + ": " + e.getMessage()) + ")");
        }
    }

    private Value interpret(LoadedClass owner, MethodNode method, Value[] args, int depth, ClassState clinitState,
                            String where) throws Stop {
        InsnList insns = method.instructions;
        Value[] locals = new Value[Math.max(method.maxLocals, 1)];
        int slot = 0;
        for (Value a : args) {
            locals[slot] = a;
            slot += a.size();
        }
        OperandStack stack = new OperandStack();
        int line = 0;
        AbstractInsnNode insn = insns.getFirst();
        while (insn != null) {
            charge(1);
            int op = insn.getOpcode();
            if (insn instanceof LineNumberNode ln) {
                line = ln.line;
                if (clinitState != null) {
                    clinitLine = line;
                } else if (depth == 0 && recording != null) {
                    initLine = line;
                }
            }
            if (op < 0) {
                insn = insn.getNext();
                continue;
            }
            AbstractInsnNode next = insn.getNext();
            switch (op) {
                case Opcodes.NOP -> { }
                case Opcodes.ACONST_NULL -> stack.add(new Null());
                case Opcodes.ICONST_M1, Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2, Opcodes.ICONST_3,
                        Opcodes.ICONST_4, Opcodes.ICONST_5 -> stack.add(new IntV(op - Opcodes.ICONST_0));
                case Opcodes.LCONST_0, Opcodes.LCONST_1 -> stack.add(new LongV(op - Opcodes.LCONST_0));
                case Opcodes.FCONST_0, Opcodes.FCONST_1, Opcodes.FCONST_2 -> stack.add(new FloatV(op - Opcodes.FCONST_0));
                case Opcodes.DCONST_0, Opcodes.DCONST_1 -> stack.add(new DoubleV(op - Opcodes.DCONST_0));
                case Opcodes.BIPUSH, Opcodes.SIPUSH -> stack.add(new IntV(((IntInsnNode) insn).operand));
                case Opcodes.LDC -> stack.add(ValueKinds.ldc(((LdcInsnNode) insn).cst));
                case Opcodes.ILOAD, Opcodes.LLOAD, Opcodes.FLOAD, Opcodes.DLOAD, Opcodes.ALOAD -> {
                    Value v = locals[((VarInsnNode) insn).var];
                    stack.add(v == null ? new Unknown(ValueKinds.kindOfLoad(op), null) : v);
                }
                case Opcodes.ISTORE, Opcodes.LSTORE, Opcodes.FSTORE, Opcodes.DSTORE, Opcodes.ASTORE ->
                        locals[((VarInsnNode) insn).var] = stack.pop();
                case Opcodes.IINC -> {
                    IincInsnNode inc = (IincInsnNode) insn;
                    Value v = locals[inc.var];
                    locals[inc.var] = v instanceof IntV i ? new IntV(i.v() + inc.incr) : new Unknown('I', null);
                }
                case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD, Opcodes.BALOAD,
                        Opcodes.CALOAD, Opcodes.SALOAD -> {
                    Value index = stack.pop();
                    Value array = stack.pop();
                    stack.add(arrayLoad(array, index, ValueKinds.kindOfArrayLoad(op)));
                }
                case Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE, Opcodes.AASTORE, Opcodes.BASTORE,
                        Opcodes.CASTORE, Opcodes.SASTORE -> {
                    Value v = stack.pop();
                    Value index = stack.pop();
                    Value array = stack.pop();
                    arrayStore(array, index, ValueKinds.narrowForArray(op, v));
                }
                case Opcodes.POP -> stack.pop();
                case Opcodes.POP2 -> {
                    if (stack.pop().size() == 1) {
                        stack.pop();
                    }
                }
                case Opcodes.DUP -> stack.dup(1, 0);
                case Opcodes.DUP_X1 -> stack.dup(1, 1);
                case Opcodes.DUP_X2 -> stack.dup(1, 2);
                case Opcodes.DUP2 -> stack.dup(2, 0);
                case Opcodes.DUP2_X1 -> stack.dup(2, 1);
                case Opcodes.DUP2_X2 -> stack.dup(2, 2);
                case Opcodes.SWAP -> {
                    Value a = stack.pop();
                    Value b = stack.pop();
                    stack.add(a);
                    stack.add(b);
                }
                case Opcodes.IADD, Opcodes.ISUB, Opcodes.IMUL, Opcodes.IDIV, Opcodes.IREM, Opcodes.ISHL, Opcodes.ISHR,
                        Opcodes.IUSHR, Opcodes.IAND, Opcodes.IOR, Opcodes.IXOR -> {
                    Value b = stack.pop();
                    Value a = stack.pop();
                    stack.add(Arithmetic.intOp(op, a, b, where, line));
                }
                case Opcodes.LADD, Opcodes.LSUB, Opcodes.LMUL, Opcodes.LDIV, Opcodes.LREM, Opcodes.LAND, Opcodes.LOR,
                        Opcodes.LXOR, Opcodes.LSHL, Opcodes.LSHR, Opcodes.LUSHR -> {
                    Value b = stack.pop();
                    Value a = stack.pop();
                    stack.add(Arithmetic.longOp(op, a, b, where, line));
                }
                case Opcodes.FADD, Opcodes.FSUB, Opcodes.FMUL, Opcodes.FDIV, Opcodes.FREM, Opcodes.DADD, Opcodes.DSUB,
                        Opcodes.DMUL, Opcodes.DDIV, Opcodes.DREM -> {
                    Value b = stack.pop();
                    Value a = stack.pop();
                    stack.add(Arithmetic.floatingOp(op, a, b));
                }
                case Opcodes.INEG, Opcodes.LNEG, Opcodes.FNEG, Opcodes.DNEG, Opcodes.I2L, Opcodes.I2F, Opcodes.I2D,
                        Opcodes.L2I, Opcodes.L2F, Opcodes.L2D, Opcodes.F2I, Opcodes.F2L, Opcodes.F2D, Opcodes.D2I,
                        Opcodes.D2L, Opcodes.D2F, Opcodes.I2B, Opcodes.I2C, Opcodes.I2S ->
                        stack.add(Arithmetic.unary(op, stack.pop()));
                case Opcodes.LCMP, Opcodes.FCMPL, Opcodes.FCMPG, Opcodes.DCMPL, Opcodes.DCMPG -> {
                    Value b = stack.pop();
                    Value a = stack.pop();
                    stack.add(Arithmetic.compare(op, a, b));
                }
                case Opcodes.IFEQ, Opcodes.IFNE, Opcodes.IFLT, Opcodes.IFGE, Opcodes.IFGT, Opcodes.IFLE, Opcodes.IF_ICMPEQ,
                        Opcodes.IF_ICMPNE, Opcodes.IF_ICMPLT, Opcodes.IF_ICMPGE, Opcodes.IF_ICMPGT, Opcodes.IF_ICMPLE,
                        Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE, Opcodes.IFNULL, Opcodes.IFNONNULL -> {
                    Boolean taken = Branches.condition(op, stack);
                    LabelNode target = ((JumpInsnNode) insn).label;
                    if (taken == null) {
                        if (Branches.onlyThrows(target)) {
                            taken = false;
                        } else if (Branches.onlyThrows(next)) {
                            taken = true;
                        } else {
                            throw new Stop(unknownBranch(method, insn, where, line));
                        }
                    }
                    if (taken) {
                        next = target;
                    }
                }
                case Opcodes.GOTO -> next = ((JumpInsnNode) insn).label;
                case Opcodes.TABLESWITCH -> {
                    TableSwitchInsnNode sw = (TableSwitchInsnNode) insn;
                    Value key = stack.pop();
                    if (!(key instanceof IntV k)) {
                        throw new Stop(unknownBranch(method, insn, where, line));
                    }
                    next = k.v() >= sw.min && k.v() <= sw.max ? sw.labels.get(k.v() - sw.min) : sw.dflt;
                }
                case Opcodes.LOOKUPSWITCH -> {
                    LookupSwitchInsnNode sw = (LookupSwitchInsnNode) insn;
                    Value key = stack.pop();
                    if (!(key instanceof IntV k)) {
                        throw new Stop(unknownBranch(method, insn, where, line));
                    }
                    int i = sw.keys.indexOf(k.v());
                    next = i >= 0 ? sw.labels.get(i) : sw.dflt;
                }
                case Opcodes.IRETURN, Opcodes.LRETURN, Opcodes.FRETURN, Opcodes.DRETURN, Opcodes.ARETURN -> {
                    return stack.pop();
                }
                case Opcodes.RETURN -> {
                    return null;
                }
                case Opcodes.GETSTATIC -> stack.add(getStatic((FieldInsnNode) insn));
                case Opcodes.PUTSTATIC -> putStatic((FieldInsnNode) insn, stack.pop());
                case Opcodes.GETFIELD -> {
                    FieldInsnNode f = (FieldInsnNode) insn;
                    stack.add(getField(stack.pop(), f));
                }
                case Opcodes.PUTFIELD -> {
                    FieldInsnNode f = (FieldInsnNode) insn;
                    Value v = stack.pop();
                    Value target = stack.pop();
                    if (target instanceof HeapObject o) {
                        o.fields.put(f.name + ":" + f.desc, v);
                    }
                }
                case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE -> {
                    MethodInsnNode call = (MethodInsnNode) insn;
                    Type[] argTypes = Type.getArgumentTypes(call.desc);
                    int count = argTypes.length + (op == Opcodes.INVOKESTATIC ? 0 : 1);
                    Value[] callArgs = new Value[count];
                    for (int i = count - 1; i >= 0; i--) {
                        callArgs[i] = stack.pop();
                    }
                    Value result = invoke(op, call, callArgs, depth);
                    if (Type.getReturnType(call.desc).getSort() != Type.VOID) {
                        stack.add(result);
                    }
                }
                case Opcodes.INVOKEDYNAMIC -> {
                    InvokeDynamicInsnNode indy = (InvokeDynamicInsnNode) insn;
                    Type[] argTypes = Type.getArgumentTypes(indy.desc);
                    Value[] captured = new Value[argTypes.length];
                    for (int i = argTypes.length - 1; i >= 0; i--) {
                        captured[i] = stack.pop();
                    }
                    stack.add(invokeDynamic(indy, argTypes, captured));
                }
                case Opcodes.NEW -> {
                    String type = ((TypeInsnNode) insn).desc;
                    if (classes.isInput(type)) {
                        initialize(type);
                    }
                    stack.add(newObject(type));
                }
                case Opcodes.NEWARRAY ->
                        stack.add(newArray(primitiveArrayDescriptor(((IntInsnNode) insn).operand), stack.pop()));
                case Opcodes.ANEWARRAY -> {
                    String component = ((TypeInsnNode) insn).desc;
                    String desc = "[" + (component.startsWith("[") ? component : "L" + component + ";");
                    stack.add(newArray(desc, stack.pop()));
                }
                case Opcodes.MULTIANEWARRAY -> {
                    MultiANewArrayInsnNode m = (MultiANewArrayInsnNode) insn;
                    Value[] dims = new Value[m.dims];
                    for (int i = m.dims - 1; i >= 0; i--) {
                        dims[i] = stack.pop();
                    }
                    stack.add(multiArray(m.desc, dims, 0));
                }
                case Opcodes.ARRAYLENGTH -> {
                    Value a = stack.pop();
                    stack.add(a instanceof HeapObject o && o.array && o.length >= 0 ? new IntV((int) o.length) : new Unknown('I', null));
                }
                case Opcodes.ATHROW -> throw new Stop("throws an exception in " + where + (line > 0 ? " at line " + line : ""));
                case Opcodes.CHECKCAST -> { }
                case Opcodes.INSTANCEOF -> stack.add(instanceOf(stack.pop(), ((TypeInsnNode) insn).desc));
                case Opcodes.MONITORENTER, Opcodes.MONITOREXIT -> stack.pop();
                default -> throw new Stop("bytecode " + op + " is not interpreted (" + where + ")");
            }
            insn = next;
        }
        throw new Stop("ran off the end of " + where);
    }

    private String unknownBranch(MethodNode method, AbstractInsnNode insn, String where, int line) {
        Branches.LoopRanges ranges = loops.computeIfAbsent(method, Branches::loopRanges);
        String at = where + (line > 0 ? " line " + line : "");
        return ranges.contains(method.instructions.indexOf(insn))
                ? "a loop whose bound is not known (" + at + ")"
                : "a branch on a value that is not known (" + at + ")";
    }

    private Value instanceOf(Value v, String type) {
        if (v instanceof Null) {
            return new IntV(0);
        }
        if (v instanceof HeapObject o) {
            if (type.equals("java/lang/Object") || type.equals(o.type)) {
                return new IntV(1);
            }
            if (!o.array && !type.startsWith("[")) {
                return new IntV(hierarchy.isSubtype(o.type, type) ? 1 : 0);
            }
        }
        return new Unknown('I', null);
    }

    // ---------------------------------------------------------------- heap

    /** Counts work against the step budget: bytecodes, and the elements an intrinsic copies one by one. */
    private void charge(long work) {
        steps += work;
        if (steps > STEP_BUDGET) {
            throw new OutOfBudget("more than " + STEP_BUDGET + " bytecodes interpreted (a loop too long to follow)");
        }
    }

    private void countObject() {
        if (++objects > OBJECT_BUDGET) {
            throw new OutOfBudget("more than " + OBJECT_BUDGET + " objects created");
        }
    }

    HeapObject newObject(String type) {
        countObject();
        Optional<Long> size = sizes.instanceSize(type);
        HeapObject o = new HeapObject(type, false, -1, size.orElse(0L), simpleName(type));
        if (size.isEmpty()) {
            o.markUnbounded("class " + type.replace('/', '.') + " (or a super class) is not on the classpath");
        }
        return allocated(o);
    }

    /** An array of this descriptor ({@code [I}) and length. */
    HeapObject newArray(String desc, Value length) {
        countObject();
        String component = desc.substring(1);
        if (length instanceof IntV n && n.v() >= 0) {
            return allocated(new HeapObject(desc, true, n.v(), sizes.layout().arraySize(component, n.v()),
                    arrayDescription(desc, String.valueOf(n.v()))));
        }
        if (length instanceof IntV n) {
            HeapObject o = new HeapObject(desc, true, -1, 0, arrayDescription(desc, String.valueOf(n.v())));
            o.markUnbounded("an array of negative length " + n.v() + " (the initializer throws)");
            return allocated(o);
        }
        HeapObject o = new HeapObject(desc, true, -1, sizes.layout().arraySize(component, 0), arrayDescription(desc, "?"));
        o.markUnbounded("an array of non-constant length (" + arrayDescription(desc, "?") + ")");
        return allocated(o);
    }

    private HeapObject multiArray(String desc, Value[] dims, int level) {
        HeapObject a = newArray(desc, dims[level]);
        if (level + 1 < dims.length && a.length > 0) {
            for (int i = 0; i < a.length; i++) {
                a.elements.put(i, multiArray(desc.substring(1), dims, level + 1));
            }
        } else if (level + 1 < dims.length && a.length < 0) {
            a.markUnbounded("an array of non-constant length (" + a.description + ")");
        }
        return a;
    }

    static String simpleName(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return internalName.substring(slash + 1);
    }

    /** {@code int[1024]}, {@code Object[4][]}. */
    static String arrayDescription(String desc, String length) {
        Type t = Type.getType(desc);
        Type element = t.getElementType();
        String base = element.getSort() == Type.OBJECT ? simpleName(element.getInternalName()) : element.getClassName();
        return base + "[" + length + "]" + "[]".repeat(t.getDimensions() - 1);
    }

    private static String primitiveArrayDescriptor(int operand) {
        return switch (operand) {
            case Opcodes.T_BOOLEAN -> "[Z";
            case Opcodes.T_CHAR -> "[C";
            case Opcodes.T_FLOAT -> "[F";
            case Opcodes.T_DOUBLE -> "[D";
            case Opcodes.T_BYTE -> "[B";
            case Opcodes.T_SHORT -> "[S";
            case Opcodes.T_INT -> "[I";
            default -> "[J";
        };
    }

    private Value arrayLoad(Value array, Value index, char kind) {
        if (array instanceof HeapObject o && o.array && !o.elementsUnknown && index instanceof IntV i && o.length >= 0) {
            Value v = o.elements.get(i.v());
            return v != null ? v : ValueKinds.defaultValue(o.type.charAt(1));
        }
        if (array instanceof External) {
            return kind == 'L' ? new External("an element of a library array", null) : new Unknown(kind, null);
        }
        return new Unknown(kind, kind == 'L' ? "an element of an array read at an index that is not known" : null);
    }

    private static void arrayStore(Value array, Value index, Value v) {
        if (array instanceof HeapObject o && o.array) {
            if (index instanceof IntV i && o.length >= 0) {
                o.elements.put(i.v(), v);
            } else {
                o.unindexed.add(v);
                o.elementsUnknown = true;
            }
        }
    }

    private Value getField(Value target, FieldInsnNode f) {
        char kind = f.desc.charAt(0);
        if (target instanceof HeapObject o) {
            Value v = o.fields.get(f.name + ":" + f.desc);
            return v != null ? v : ValueKinds.defaultValue(kind);
        }
        if (target instanceof External) {
            return kind == 'L' || kind == '[' ? new External("a field of a library object", null) : new Unknown(kind, null);
        }
        String reason = target instanceof Unknown u ? u.reason() : null;
        return kind == 'L' || kind == '[' ? new Unknown('L', reason) : new Unknown(kind == 'J' || kind == 'D' || kind == 'F' ? kind : 'I', null);
    }

    // ---------------------------------------------------------------- statics

    /** The class that declares a field named by a field instruction (JVMS 5.4.3.2), and the field. */
    private record FieldRef(String owner, FieldNode node) {
    }

    private FieldRef resolveField(String owner, String name, String desc) {
        for (String type : hierarchy.supertypes(owner)) {
            Optional<LoadedClass> c = classes.find(type);
            if (c.isEmpty()) {
                continue;
            }
            for (FieldNode f : c.get().node().fields) {
                if (f.name.equals(name) && f.desc.equals(desc)) {
                    return new FieldRef(type, f);
                }
            }
        }
        return null;
    }

    private Value getStatic(FieldInsnNode f) {
        if (f.name.equals(ASSERTIONS_DISABLED) && f.desc.equals("Z")) {
            return new IntV(1); // javac's assert flag: the JVM runs without -ea unless told, so assert bodies do not run
        }
        char kind = f.desc.charAt(0);
        FieldRef ref = resolveField(f.owner, f.name, f.desc);
        if (ref == null) {
            return kind == 'L' || kind == '[' ? new Unknown('L', "field " + f.owner.replace('/', '.') + "." + f.name
                    + " is not on the classpath") : new Unknown(ValueKinds.normalKind(kind), null);
        }
        if (classes.isInput(ref.owner())) {
            ClassState state = initialize(ref.owner());
            if ((kind == 'L' || kind == '[') && ref.node().value == null) {
                touched(ref.owner());
            }
            Value v = state.statics.get(f.name);
            if (v != null) {
                return v;
            }
        }
        if (ref.node().value != null) {
            return ValueKinds.ldc(ref.node().value);
        }
        if (classes.isInput(ref.owner())) {
            return ValueKinds.defaultValue(kind);
        }
        return kind == 'L' || kind == '[' ? new External("static field " + ref.owner().replace('/', '.') + "." + f.name, null)
                : new Unknown(ValueKinds.normalKind(kind), null);
    }

    private void putStatic(FieldInsnNode f, Value v) {
        FieldRef ref = resolveField(f.owner, f.name, f.desc);
        String owner = ref == null ? f.owner : ref.owner();
        if (!classes.isInput(owner)) {
            return; // a library's own static state: not the program's
        }
        ClassState state = initialize(owner);
        if (f.desc.startsWith("L") || f.desc.startsWith("[")) {
            touched(owner);
        }
        state.statics.put(f.name, v);
        if (recording != null && running.isEmpty()) {
            state.lines.put(f.name, initLine);
            state.assignedBy.put(f.name, recording.root);
        } else {
            state.lines.put(f.name, owner.equals(currentClinit()) ? clinitLine : 0);
            state.assignedBy.remove(f.name);
        }
    }

    private void touched(String owner) {
        ClassState innermost = running.peek();
        if (innermost != null && !innermost.name.equals(owner)) {
            innermost.touched.add(owner);
        }
    }

    private void callStopped(String called, String reason) {
        ClassState state = states.get(currentClinit());
        if (state != null && state.callStopped == null) {
            state.callStopped = "a call to " + called + " could not be followed to its end: " + reason;
            state.callStoppedLine = clinitLine;
        }
    }

    /** The class whose static initializer runs innermost. */
    private String currentClinit() {
        ClassState innermost = running.peek();
        return innermost == null ? null : innermost.name;
    }

    // ---------------------------------------------------------------- calls

    private Value invoke(int op, MethodInsnNode call, Value[] args, int depth) throws Stop {
        Type returnType = Type.getReturnType(call.desc);
        char returnKind = ValueKinds.kindOf(returnType);
        String called = call.owner.replace('/', '.') + "." + call.name;

        Value special = intrinsic(op, call, args);
        if (special != null) {
            return special;
        }
        if (call.name.equals("<init>") && call.owner.equals("java/lang/Object")) {
            return null;
        }

        Hierarchy.Declared target;
        if (op == Opcodes.INVOKEVIRTUAL || op == Opcodes.INVOKEINTERFACE) {
            Value receiver = args[0];
            if (receiver instanceof HeapObject o && !o.array) {
                // A private method called with invokevirtual (nestmates, Java 11+) is not selected by overriding.
                Hierarchy.Resolution declared = hierarchy.resolve(call.owner, call.name, call.desc);
                target = declared.isFound() && declared.declared().is(Opcodes.ACC_PRIVATE) ? declared.declared()
                        : hierarchy.select(o.type, call.name, call.desc);
                if (target != null) {
                    Optional<MethodRule> rule = growable.ruleFor(o.type, call.name, call.desc);
                    if (rule.isPresent() && rule.get().kind() == RuleKind.GROWABLE) {
                        // Its growth makes the field unbounded anyway; what it adds is not followed.
                        o.markUnbounded("grown by " + called + " in the static initializer");
                        keepReachable(o, args);
                        return ValueKinds.unknownResult(returnKind, null);
                    }
                }
            } else if (receiver instanceof HeapObject o) {
                target = hierarchy.select("java/lang/Object", call.name, call.desc);
            } else {
                return unfollowed(returnKind, "the result of " + called + " called on an object the analysis did not create",
                        args);
            }
        } else {
            if (op == Opcodes.INVOKESTATIC && classes.isInput(call.owner)) {
                initialize(call.owner);
            }
            Hierarchy.Resolution r = hierarchy.resolve(call.owner, call.name, call.desc);
            target = r.isFound() ? r.declared() : null;
            if (target == null) {
                return unfollowed(returnKind, "a call to " + called + " that cannot be resolved ("
                        + (r.problem() == null ? "no such method" : r.problem()) + ")", args);
            }
        }
        if (target == null || target.is(Opcodes.ACC_ABSTRACT)) {
            return unfollowed(returnKind, "a call to " + called + " with no implementation to follow", args);
        }
        if (target.is(Opcodes.ACC_NATIVE)
                || (target.method().instructions.size() == 0 && classes.unanalysable(target.method()) == null)) {
            return unfollowed(returnKind, "the result of native method " + target.ref(), args);
        }
        try {
            return run(target.owner(), target.method(), args, depth + 1, null);
        } catch (Stop e) {
            for (Value a : args) {
                if (a instanceof HeapObject o) {
                    o.markUnbounded("a call that cannot be interpreted: " + e.getMessage());
                }
            }
            if (classes.isInput(target.owner().internalName())) {
                // The program's own code may have gone on to write static fields: their totals are lower bounds.
                callStopped(called, e.getMessage());
            }
            notFollowed("a call to " + called + " that cannot be interpreted to its end: " + e.getMessage());
            return ValueKinds.unknownResult(returnKind,
                    "the result of a call that cannot be interpreted: " + e.getMessage());
        }
    }

    /** The result of a call not followed: objects given to it may hold anything it made, unless it returns nothing. */
    private Value unfollowed(char returnKind, String reason, Value[] args) {
        notFollowed(reason);
        return ValueKinds.unknownResult(returnKind, reason);
    }

    private static void keepReachable(HeapObject o, Value[] args) {
        for (int i = 1; i < args.length; i++) {
            if (args[i] instanceof HeapObject) {
                o.unindexed.add(args[i]);
            }
        }
    }

    /** Calls whose effect is modelled directly; null when the call is to be followed. */
    private Value intrinsic(int op, MethodInsnNode call, Value[] args) {
        String key = call.owner + "." + call.name + call.desc;
        if (op == Opcodes.INVOKEVIRTUAL && call.name.equals("clone") && call.desc.equals("()Ljava/lang/Object;")
                && args[0] instanceof HeapObject o && o.array) {
            HeapObject copy = newArray(o.type, o.length >= 0 ? new IntV((int) o.length) : new Unknown('I', null));
            copy.elements.putAll(o.elements);
            copy.unindexed.addAll(o.unindexed);
            copy.elementsUnknown = o.elementsUnknown;
            return copy;
        }
        if (call.name.equals("getClass") && call.desc.equals("()Ljava/lang/Class;") && args[0] instanceof HeapObject o) {
            return new External("a class literal", o.array ? o.type : "L" + o.type + ";");
        }
        Value atomic = AtomicFields.apply(call.owner, call.name, call.desc, args);
        if (atomic != null) {
            return atomic;
        }
        switch (key) {
            case "java/lang/Class.getComponentType()Ljava/lang/Class;" -> {
                if (args[0] instanceof External e && e.classLiteral() != null) {
                    return e.classLiteral().startsWith("[") ? new External("a class literal", e.classLiteral().substring(1)) : new Null();
                }
                return null;
            }
            case "java/lang/reflect/Array.newInstance(Ljava/lang/Class;I)Ljava/lang/Object;" -> {
                if (args[0] instanceof External e && e.classLiteral() != null) {
                    return newArray("[" + e.classLiteral(), args[1]);
                }
                return null;
            }
            case "java/lang/System.arraycopy(Ljava/lang/Object;ILjava/lang/Object;II)V" -> {
                charge(args[4] instanceof IntV n ? Math.max(0, n.v()) : 0); // a copy element by element: bounded too
                arraycopy(args);
                return new Null(); // void: discarded by the caller
            }
            default -> {
                return boxing(call, args);
            }
        }
    }

    private static void arraycopy(Value[] args) {
        if (!(args[2] instanceof HeapObject dest) || !dest.array) {
            return;
        }
        if (args[0] instanceof HeapObject src && src.array && !src.elementsUnknown && args[1] instanceof IntV from
                && args[3] instanceof IntV to && args[4] instanceof IntV n) {
            List<Value> values = new ArrayList<>();
            for (int i = 0; i < n.v(); i++) {
                values.add(src.elements.get(from.v() + i));
            }
            for (int i = 0; i < n.v(); i++) {
                if (values.get(i) == null) {
                    dest.elements.remove(to.v() + i);
                } else {
                    dest.elements.put(to.v() + i, values.get(i));
                }
            }
            dest.unindexed.addAll(src.unindexed);
            return;
        }
        if (args[0] instanceof HeapObject src) {
            dest.unindexed.addAll(src.elements.values());
            dest.unindexed.addAll(src.unindexed);
        }
        dest.elementsUnknown = true;
    }

    /** {@code Integer.valueOf(int)} and friends: a cached box for small values, else a new one. */
    private Value boxing(MethodInsnNode call, Value[] args) {
        if (!call.name.equals("valueOf") || args.length != 1 || !call.owner.startsWith("java/lang/")) {
            return null;
        }
        String box = call.owner;
        String prim = Type.getArgumentTypes(call.desc)[0].getDescriptor();
        boolean matches = switch (box) {
            case "java/lang/Integer" -> prim.equals("I");
            case "java/lang/Long" -> prim.equals("J");
            case "java/lang/Short" -> prim.equals("S");
            case "java/lang/Byte" -> prim.equals("B");
            case "java/lang/Character" -> prim.equals("C");
            case "java/lang/Boolean" -> prim.equals("Z");
            case "java/lang/Float" -> prim.equals("F");
            case "java/lang/Double" -> prim.equals("D");
            default -> false;
        };
        if (!matches) {
            return null;
        }
        long value;
        if (args[0] instanceof IntV i) {
            value = i.v();
        } else if (args[0] instanceof LongV l) {
            value = l.v();
        } else {
            value = Long.MAX_VALUE; // not known: counted as a new box, the larger case
        }
        boolean cached = switch (box) {
            case "java/lang/Boolean", "java/lang/Byte" -> true;
            case "java/lang/Character" -> value <= 127;
            case "java/lang/Float", "java/lang/Double" -> false;
            default -> value >= -128 && value <= 127;
        };
        if (cached) {
            return new External("a cached " + simpleName(box), null);
        }
        HeapObject o = newObject(box);
        o.fields.put("value:" + prim, args[0]);
        return o;
    }

    private Value invokeDynamic(InvokeDynamicInsnNode indy, Type[] argTypes, Value[] captured) {
        Handle bsm = indy.bsm;
        if (bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory")) {
            List<FieldLayout.Declared> fields = new ArrayList<>();
            for (int i = 0; i < argTypes.length; i++) {
                fields.add(new FieldLayout.Declared("arg$" + (i + 1), argTypes[i].getDescriptor()));
            }
            FieldLayout.Computed object = sizes.layoutOf("java/lang/Object").orElse(null);
            FieldLayout.Computed lambda = FieldLayout.compute(sizes.layout(), object, "lambda", fields);
            countObject();
            HeapObject o = new HeapObject("java/lang/Object", false, -1, lambda.instanceSize(), "lambda");
            for (int i = 0; i < captured.length; i++) {
                o.fields.put("arg$" + (i + 1) + ":" + argTypes[i].getDescriptor(), captured[i]);
            }
            return allocated(o);
        }
        if (bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
            notFollowed("a string concatenation (the string it builds is not sized)");
            return new Unknown('L', "a string built at run time (its length is not computed)");
        }
        notFollowed("invokedynamic " + indy.name);
        char kind = ValueKinds.kindOf(Type.getReturnType(indy.desc));
        return ValueKinds.unknownResult(kind == 'V' ? 'L' : kind, "the result of invokedynamic " + indy.name
                + " (bootstrap " + bsm.getOwner().replace('/', '.') + "." + bsm.getName() + ")");
    }

    /** Classes whose static initializers were run (inputs only), in the order they ran. */
    Map<String, ClassState> states() {
        return states;
    }
}
