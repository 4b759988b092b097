package dev.headroom.core.callgraph;

import dev.headroom.core.classpath.LoadedClass;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * One class's methods by name and descriptor, first entry winning, each as the one {@link Hierarchy.Declared}
 * that stands for it (made when first asked for: most methods of most classes never are). The scheme of
 * {@link SmallSet}: most classes declare a handful of methods, found by scanning two arrays (names and descriptors
 * come from the run's pool, so equal ones are mostly the same object) with no key object per lookup and no map
 * per class; a class with more is hashed. A large program has a table per class of the inputs and of the JDK
 * code it reaches.
 */
final class MethodTable {
    private record Key(String name, String descriptor) {
        // Written out, with the generated methods' hash (maps keep their order): those run through method handles
        // the JVM makes on their first call in a run, and are slow in the launcher's C1-compiled code.
        @Override
        public boolean equals(Object o) {
            return this == o
                    || o instanceof Key k && Objects.equals(name, k.name) && Objects.equals(descriptor, k.descriptor);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name) * 31 + Objects.hashCode(descriptor);
        }
    }

    private final LoadedClass owner;
    /** While scanned: the entries' names, descriptors and places among the class's methods; null once hashed. */
    private String[] names;
    private String[] descriptors;
    private int[] slots;
    private int size;
    private Map<Key, Integer> hashed;
    /** By the method's place among the class's methods, once asked for. */
    private final Hierarchy.Declared[] declared;
    /** The hierarchy's numbering of its methods' Declared ({@link Hierarchy.Declared#number()}). */
    private final IntSupplier numbers;

    MethodTable(LoadedClass owner, int methodCount, IntSupplier numbers) {
        this.owner = owner;
        this.numbers = numbers;
        int room = Math.max(1, Math.min(methodCount, SmallSet.INDEX_FROM));
        this.names = new String[room];
        this.descriptors = new String[room];
        this.slots = new int[room];
        this.declared = new Hierarchy.Declared[methodCount];
    }

    /**
     * Adds an entry unless one with this name and descriptor is there; a null descriptor stands for a
     * signature-polymorphic method's name alone.
     */
    void putIfAbsent(String name, String descriptor, int slot) {
        if (hashed != null) {
            hashed.putIfAbsent(new Key(name, descriptor), slot);
            return;
        }
        if (find(name, descriptor) >= 0) {
            return;
        }
        if (size == SmallSet.INDEX_FROM) {
            hashed = new HashMap<>();
            for (int i = 0; i < size; i++) {
                hashed.put(new Key(names[i], descriptors[i]), slots[i]);
            }
            hashed.put(new Key(name, descriptor), slot);
            names = null;
            descriptors = null;
            slots = null;
            return;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            descriptors = Arrays.copyOf(descriptors, size * 2);
            slots = Arrays.copyOf(slots, size * 2);
        }
        names[size] = name;
        descriptors[size] = descriptor;
        slots[size] = slot;
        size++;
    }

    /** The first entry with this name and descriptor (null: a signature-polymorphic name), or null. */
    Hierarchy.Declared get(String name, String descriptor) {
        int slot = find(name, descriptor);
        if (slot < 0) {
            return null;
        }
        Hierarchy.Declared d = declared[slot];
        if (d == null) {
            d = new Hierarchy.Declared(owner, slot, numbers.getAsInt());
            declared[slot] = d;
        }
        return d;
    }

    private int find(String name, String descriptor) {
        if (hashed != null) {
            Integer slot = hashed.get(new Key(name, descriptor));
            return slot == null ? -1 : slot;
        }
        for (int i = 0; i < size; i++) {
            if (name.equals(names[i]) && Objects.equals(descriptor, descriptors[i])) {
                return slots[i];
            }
        }
        return -1;
    }
}
