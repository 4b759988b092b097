package dev.headroom.validation.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Immutable and fixed-size collections are not growable; a read-only view is not either, and the growable
 * collection it wraps is reported where it is held directly. Sizes under hotspot-coops (12-byte header,
 * 4-byte references, 16-byte array header, 8-byte alignment; string literals are not counted): ListN is
 * elements + allowNulls (24) and Object[3] (32); SingletonList is AbstractList.modCount + element (24);
 * SingletonMap is AbstractMap's two cached views + k, v and three of its own (40); Arrays$ArrayList is
 * modCount + a (24) and String[2] (24); the unmodifiable map is m + three cached views (32) and the empty
 * HashMap 48. List.copyOf of an immutable list is that list, and Collections.emptyList the JDK's own.
 */
public final class FixedSizeCollections {
    static final List<String> OF = List.of("a", "b", "c"); // expect-bytes: 56
    static final Set<Integer> SET_OF = Set.of(1, 2); // expect-bytes: 24
    static final Map<String, Integer> MAP_OF = Map.of("a", 1); // expect-bytes: 32
    static final List<String> COPY = List.copyOf(OF);
    static final List<String> SINGLE = Collections.singletonList("x"); // expect-bytes: 24
    static final Set<String> SINGLETON = Collections.singleton("y"); // expect-bytes: 16
    static final Map<String, String> SINGLE_MAP = Collections.singletonMap("k", "v"); // expect-bytes: 40
    static final List<String> EMPTY = Collections.emptyList();
    static final List<String> AS_LIST = Arrays.asList("p", "q"); // expect-bytes: 48
    static final List<String> BACKING = new ArrayList<>(); // expect: unbounded-static
    static final List<String> VIEW = Collections.unmodifiableList(BACKING); // expect-bytes: 24
    static final Map<String, String> SEALED = Collections.unmodifiableMap(new HashMap<>()); // expect-bytes: 80

    private FixedSizeCollections() {
    }
}
