package dev.headroom.core.classpath;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds a class whose super class or interfaces lead back to the class itself. A JVM refuses to load
 * one ({@code ClassCircularityError}); class files edited by hand or damaged can still say so, and every
 * walk up the hierarchy would then go round for ever. Such a class is not analysed.
 */
final class SupertypeCycles {
    private SupertypeCycles() {
    }

    /**
     * The shortest way from the class through its supertypes back to itself, both ends included, or
     * empty when there is none; types without a header end a way.
     */
    static List<String> through(TypeHeader own, Function<String, Optional<TypeHeader>> headers) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        enqueue(own, own.name(), cameFrom, queue);
        while (!queue.isEmpty()) {
            String type = queue.poll();
            if (type.equals(own.name())) {
                return way(own.name(), cameFrom);
            }
            Optional<TypeHeader> header = headers.apply(type);
            header.ifPresent(h -> enqueue(h, type, cameFrom, queue));
        }
        return List.of();
    }

    private static void enqueue(TypeHeader header, String from, Map<String, String> cameFrom, Deque<String> queue) {
        List<String> direct = new ArrayList<>(header.interfaces());
        if (header.superName() != null) {
            direct.add(0, header.superName());
        }
        for (String supertype : direct) {
            if (cameFrom.putIfAbsent(supertype, from) == null) {
                queue.add(supertype);
            }
        }
    }

    private static List<String> way(String name, Map<String, String> cameFrom) {
        List<String> way = new ArrayList<>();
        way.add(name);
        String at = cameFrom.get(name);
        while (!at.equals(name)) {
            way.add(at);
            at = cameFrom.get(at);
        }
        way.add(name);
        Collections.reverse(way);
        return way;
    }

    /** The reason given for a class on such a cycle. */
    static String describe(List<String> way) {
        return "its super class or interfaces lead back to itself (" + String.join(" -> ",
                way.stream().map(n -> n.replace('/', '.')).toList()) + "), which a JVM would not load";
    }
}
