package dev.headroom.core.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The method rules of the bundled JDK pack and of any extra packs, indexed for fast lookup.
 * Immutable and safe to share between threads.
 */
public final class RuleBook {
    /** The root of the bundled packs, in {@link PackSource#BUNDLED_FOLDER}. */
    static final String BUNDLED_ROOT = "jdk.json";

    private final List<PackLoader.Loaded> rules;
    private final List<MethodRule> replaced;
    private final List<RootAnnotation> rootAnnotations;
    private final Map<String, FixedSizeClass> fixedSize = new HashMap<>();
    private final Map<String, ClassRules> exact;
    private final List<WildcardClass> wildcards;

    private RuleBook(PackLoader loader) {
        this.rules = loader.rules();
        this.replaced = loader.replaced();
        this.rootAnnotations = loader.roots();
        loader.fixedSize().forEach(f -> fixedSize.put(f.className(), f));
        Map<String, ClassRules> exactMap = new HashMap<>();
        Map<String, WildcardClass> wildcardMap = new LinkedHashMap<>();
        for (PackLoader.Loaded loaded : rules) {
            MethodPattern p = loaded.pattern();
            ClassRules target = p.hasClassWildcard()
                    ? wildcardMap.computeIfAbsent(p.classPattern(), k -> new WildcardClass(p, new ClassRules())).rules
                    : exactMap.computeIfAbsent(p.classPattern(), k -> new ClassRules());
            target.add(p, loaded.rule());
        }
        this.exact = exactMap;
        List<WildcardClass> sorted = new ArrayList<>(wildcardMap.values());
        sorted.sort(Comparator.comparingInt((WildcardClass w) -> -w.prefix.length())
                .thenComparing(w -> w.pattern.classPattern()));
        this.wildcards = List.copyOf(sorted);
    }

    /** The bundled packs only (class path resource dev/headroom/rules/jdk.json and its includes). */
    public static RuleBook loadBundled() {
        return load(List.of());
    }

    /**
     * The bundled packs, then each extra pack file in order; a later pack's entry replaces an earlier
     * one with the same pattern.
     *
     * @throws dev.headroom.core.ConfigurationException naming the pack and entry when a pack is missing or malformed
     */
    public static RuleBook load(List<Path> extraPacks) {
        PackLoader loader = new PackLoader();
        loader.load(PackSource.bundled(BUNDLED_ROOT));
        for (Path pack : extraPacks) {
            loader.load(PackSource.file(pack));
        }
        return new RuleBook(loader);
    }

    /**
     * The most specific entry declared for exactly this class and method, without walking supertypes
     * (the caller walks the hierarchy). Order: this class with name and descriptor, with name only,
     * with {@code *}; then class patterns with wildcards (longest literal prefix first, then by pattern
     * text), each again descriptor, name, {@code *}.
     *
     * @param className  binary name with dots, e.g. "java.util.ArrayList" or "java.util.HashMap$Node"
     * @param methodName method name, "&lt;init&gt;" for constructors
     * @param descriptor JVM method descriptor, or null to match name-only and {@code *} entries only
     */
    public Optional<MethodRule> lookup(String className, String methodName, String descriptor) {
        ClassRules forClass = exact.get(className);
        if (forClass != null) {
            MethodRule rule = forClass.find(methodName, descriptor);
            if (rule != null) {
                return Optional.of(rule);
            }
        }
        for (WildcardClass w : wildcards) {
            if (className.startsWith(w.prefix) && w.pattern.matchesClass(className)) {
                MethodRule rule = w.rules.find(methodName, descriptor);
                if (rule != null) {
                    return Optional.of(rule);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The packs' {@code "roots"} entries: annotations of other vocabularies (Safety-Critical Java,
     * GraalVM) that make a method a root when their element conditions hold; in the order they were
     * (last) defined, a later pack's entry with the same annotation and conditions replacing an earlier one.
     */
    public List<RootAnnotation> rootAnnotations() {
        return rootAnnotations;
    }

    /** The packs' {@code "fixedSize"} entry for exactly this class (binary name with dots), if any. */
    public Optional<FixedSizeClass> fixedSize(String className) {
        return Optional.ofNullable(fixedSize.get(className));
    }

    /** Every {@code "fixedSize"} entry, sorted by class name. */
    public List<FixedSizeClass> fixedSizeClasses() {
        return fixedSize.values().stream().sorted(Comparator.comparing(FixedSizeClass::className)).toList();
    }

    /** Number of entries. */
    public int size() {
        return rules.size();
    }

    /** Every entry with its parsed pattern, in the order the entries were (last) defined. */
    List<PackLoader.Loaded> entries() {
        return rules;
    }

    /** Entries that a later entry with the same pattern replaced, in load order. */
    List<MethodRule> replacedEntries() {
        return replaced;
    }

    /** The entries declared for one class (or one wildcard class pattern). */
    private static final class ClassRules {
        private final Map<String, MethodEntries> byName = new HashMap<>();
        private MethodRule anyMethod;

        void add(MethodPattern p, MethodRule rule) {
            if (p.methodName().equals(MethodPattern.ANY_METHOD)) {
                anyMethod = rule;
                return;
            }
            MethodEntries entries = byName.computeIfAbsent(p.methodName(), k -> new MethodEntries());
            if (p.descriptor() == null) {
                entries.nameOnly = rule;
            } else {
                entries.byDescriptor.put(p.descriptor(), rule);
            }
        }

        MethodRule find(String methodName, String descriptor) {
            MethodEntries entries = byName.get(methodName);
            if (entries != null) {
                MethodRule rule = descriptor == null ? null : entries.byDescriptor.get(descriptor);
                if (rule != null) {
                    return rule;
                }
                if (entries.nameOnly != null) {
                    return entries.nameOnly;
                }
            }
            return anyMethod;
        }
    }

    private static final class MethodEntries {
        private final Map<String, MethodRule> byDescriptor = new HashMap<>(4);
        private MethodRule nameOnly;
    }

    private static final class WildcardClass {
        private final MethodPattern pattern;
        private final String prefix;
        private final ClassRules rules;

        WildcardClass(MethodPattern pattern, ClassRules rules) {
            this.pattern = pattern;
            this.prefix = pattern.literalPrefix();
            this.rules = rules;
        }
    }
}
