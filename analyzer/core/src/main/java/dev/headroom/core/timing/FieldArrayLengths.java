package dev.headroom.core.timing;

import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The length of the array a final field holds, when every assignment of the field stores an array of
 * the same constant length: {@code private final int[] buf = new int[64];} in every constructor (or in
 * the one the others delegate to). Different lengths give no length: a bound inferred from one exact
 * length would not hold for another (a {@code !=} test could be stepped over). A final field can only be assigned in its own class's constructors (static fields: its
 * static initialiser); any other assignment, or one of unknown length, gives no length. Reflection and
 * {@code Unsafe} writes to final fields are assumed not to happen.
 */
final class FieldArrayLengths implements ConstantInterpreter.FieldLengths {
    private final ClassRepository classes;
    private final Map<String, OptionalInt> cache = new HashMap<>();

    FieldArrayLengths(ClassRepository classes) {
        this.classes = classes;
    }

    @Override
    public OptionalInt length(String owner, String name, String descriptor, boolean isStatic) {
        if (!descriptor.startsWith("[")) {
            return OptionalInt.empty();
        }
        String key = owner + "." + name + ":" + descriptor + (isStatic ? " static" : "");
        OptionalInt cached = cache.get(key);
        if (cached == null) {
            cache.put(key, OptionalInt.empty()); // a field whose assignment reads itself gives no length
            cached = compute(owner, name, descriptor, isStatic);
            cache.put(key, cached);
        }
        return cached;
    }

    private OptionalInt compute(String owner, String name, String descriptor, boolean isStatic) {
        LoadedClass declaring = null;
        FieldNode field = null;
        String current = owner;
        while (current != null && field == null) {
            Optional<LoadedClass> c = classes.find(current);
            if (c.isEmpty()) {
                return OptionalInt.empty();
            }
            for (FieldNode f : c.get().node().fields) {
                if (f.name.equals(name) && f.desc.equals(descriptor)) {
                    declaring = c.get();
                    field = f;
                    break;
                }
            }
            current = c.get().node().superName;
        }
        if (field == null || (field.access & Opcodes.ACC_FINAL) == 0 || ((field.access & Opcodes.ACC_STATIC) != 0) != isStatic) {
            return OptionalInt.empty();
        }
        int put = isStatic ? Opcodes.PUTSTATIC : Opcodes.PUTFIELD;
        String initializer = isStatic ? "<clinit>" : "<init>";
        int longest = -1;
        for (MethodNode m : declaring.node().methods) {
            Frame<BasicValue>[] frames = null;
            for (int i = 0; i < m.instructions.size(); i++) {
                AbstractInsnNode insn = m.instructions.get(i);
                if (!(insn instanceof FieldInsnNode f) || insn.getOpcode() != put || !f.name.equals(name)
                        || !f.desc.equals(descriptor)) {
                    continue;
                }
                if (!m.name.equals(initializer)) {
                    return OptionalInt.empty();
                }
                if (frames == null) {
                    try {
                        frames = FrameAnalyzer.analyze(new ConstantInterpreter(this), declaring.internalName(), m);
                    } catch (AnalyzerException | RuntimeException e) {
                        return OptionalInt.empty();
                    }
                }
                Frame<BasicValue> frame = frames[i];
                if (frame == null) {
                    continue; // dead code
                }
                BasicValue stored = frame.getStack(frame.getStackSize() - 1);
                if (!(stored instanceof ConstantInterpreter.Value v) || v.arrayLength == null) {
                    return OptionalInt.empty();
                }
                if (longest >= 0 && longest != v.arrayLength) {
                    return OptionalInt.empty();
                }
                longest = v.arrayLength;
            }
        }
        return longest < 0 ? OptionalInt.empty() : OptionalInt.of(longest);
    }
}
