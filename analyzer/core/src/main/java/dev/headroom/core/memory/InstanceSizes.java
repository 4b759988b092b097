package dev.headroom.core.memory;

import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.FieldNode;

/** Instance layouts of the classes of a repository under one layout model, each computed once. */
public final class InstanceSizes {
    private final ClassRepository classes;
    private final Layout layout;
    private final Map<String, Optional<FieldLayout.Computed>> cache = new HashMap<>();

    public InstanceSizes(ClassRepository classes, Layout layout) {
        this.classes = classes;
        this.layout = layout;
    }

    public Layout layout() {
        return layout;
    }

    /** The layout of a class with its super classes' fields; empty when it or a super class is missing. */
    public Optional<FieldLayout.Computed> layoutOf(String internalName) {
        Optional<FieldLayout.Computed> cached = cache.get(internalName);
        if (cached == null) {
            cached = compute(internalName);
            cache.put(internalName, cached);
        }
        return cached;
    }

    /** The instance size in bytes; empty when the class or a super class is missing. */
    public Optional<Long> instanceSize(String internalName) {
        return layoutOf(internalName).map(FieldLayout.Computed::instanceSize);
    }

    private Optional<FieldLayout.Computed> compute(String internalName) {
        Optional<LoadedClass> loaded = classes.find(internalName);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        FieldLayout.Computed superLayout = null;
        String superName = loaded.get().node().superName;
        if (superName != null) {
            Optional<FieldLayout.Computed> s = layoutOf(superName);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            superLayout = s.get();
        }
        List<FieldLayout.Declared> own = new ArrayList<>();
        for (FieldNode f : loaded.get().node().fields) {
            if ((f.access & Opcodes.ACC_STATIC) == 0) {
                own.add(new FieldLayout.Declared(f.name, f.desc));
            }
        }
        return Optional.of(FieldLayout.compute(layout, superLayout, internalName, own));
    }
}
