package dev.headroom.core.callgraph.jdkscans;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A program that reaches deep into java.base (collections, streams, formatting, lambdas, concurrent maps), for
 * {@code JdkScansTest}: its graph must be the same with the JDK's scans cached or not.
 */
public class JdkHeavyTarget {
    private final Map<String, List<Integer>> byName = new HashMap<>();
    private final ConcurrentHashMap<Integer, String> names = new ConcurrentHashMap<>();
    private final Function<Integer, String> render = i -> String.format("%05d", i);

    public String summarise(List<Integer> values) {
        List<String> rendered = values.stream().filter(v -> v > 0).map(render).collect(Collectors.toList());
        byName.computeIfAbsent(rendered.isEmpty() ? "none" : rendered.get(0), k -> new ArrayList<>()).addAll(values);
        return String.join(",", rendered) + Optional.ofNullable(names.get(values.size())).orElse("?");
    }

    public int total(Iterable<Integer> values) {
        int sum = 0;
        for (Integer v : values) {
            sum += v;
        }
        names.putIfAbsent(sum, new StringBuilder().append(sum).reverse().toString());
        return sum;
    }

    public Object parse(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return text.toUpperCase(java.util.Locale.ROOT).split("\\s+");
        }
    }
}
