package dev.headroom.core.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * One line of a baseline: findings that share a key, and how many of them there were. Nothing in it
 * holds a line number, so the entry survives lines moving.
 *
 * @param rule     the rule id, e.g. {@code heap-allocation}
 * @param root     the root, {@code com.acme.Motor#onTick()V}; null for findings not tied to a root
 * @param location the method the finding is reported in, {@code com.acme.Motor#publish(I)V}
 * @param key      what the finding is about, without line numbers (see {@code BaselineKeys})
 * @param count    how many findings have this rule, root, location and key; at least 1
 */
public record BaselineEntry(String rule, String root, String location, String key, int count)
        implements Comparable<BaselineEntry> {
    private static final Comparator<BaselineEntry> ORDER = Comparator
            .comparing(BaselineEntry::location)
            .thenComparing(BaselineEntry::rule)
            .thenComparing(BaselineEntry::root, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(BaselineEntry::key);

    public BaselineEntry {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(key, "key");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, not " + count);
        }
    }

    @Override
    public int compareTo(BaselineEntry other) {
        return ORDER.compare(this, other);
    }
}
