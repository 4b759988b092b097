package dev.headroom.core.classpath;

import dev.headroom.core.AnalysisListener;
import dev.headroom.core.InputException;
import dev.headroom.core.model.InputProblem;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.CRC32C;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Finds and parses classes, each at most once, in this order: the inputs, the libraries packed inside
 * them ({@link NestedLibraries}), the classpath, the JDK. Inputs are read eagerly (roots are found in
 * them), and each of their classes is named by the class file itself, never by its path: a directory one
 * level above {@code target/classes}, a Spring Boot jar ({@code BOOT-INF/classes/}) or a war
 * ({@code WEB-INF/classes/}) gives the classes their real names. Everything else is read only when the
 * analysis asks for it, by path. Unreadable class files are recorded as {@link InputProblem}s and treated
 * as missing.
 */
public final class ClassRepository implements Closeable {
    /** Classes found twice in the inputs that are named one by one; the rest are counted. */
    static final int DUPLICATES_NAMED = 10;

    private final List<ClassSource> inputs;
    private final List<ClassSource> libraries;
    private final JrtClassSource jdk;
    private final AnalysisListener listener;
    /** Internal name to the input class file that declares it (first one wins, as on a class path). */
    private final Map<String, InputFile> inputIndex = new LinkedHashMap<>();
    /** Entry paths ({@code com/acme/Motor}) of input class files that could not be read. */
    private final Set<String> unreadableInputs = new HashSet<>();
    private final List<InputContents> contents = new ArrayList<>();
    private Set<String> inputNames = Set.of();
    /** Classes of the inputs that are excluded from them ({@code --exclude}): read from there, but as libraries. */
    private final Map<String, InputFile> excludedIndex = new LinkedHashMap<>();
    private final Predicate<String> excluded;
    private final Map<String, Optional<LoadedClass>> cache = new HashMap<>();
    private final Map<String, Optional<TypeHeader>> headers = new HashMap<>();
    /** Names and descriptors read from the class files, each once (see {@link ClassFileParser}). */
    private final Map<String, String> names = new HashMap<>();
    private final List<InputProblem> problems = new ArrayList<>();
    /**
     * Methods whose code {@link ClassGuard} dropped, and why; weak (a method node's identity is its key),
     * so a tree dropped for memory leaves with its entries, and one parsed again adds its own.
     */
    private final Map<MethodNode, String> unanalysable = new WeakHashMap<>();
    private int parsedCount;
    /** See {@link #readJavaBaseCodeOnDemand()}. */
    private boolean javaBaseCodeOnDemand;
    /** See {@link #javaBaseShadowed()}. */
    private Boolean inputsShadowJavaBase;
    private boolean libraryShadowsJavaBase;

    /** Where an input class was read: its source and its entry path there, without {@code .class}. */
    private record InputFile(ClassSource source, String entry) {
        String location() {
            return source.locate(entry);
        }
    }

    private ClassRepository(List<ClassSource> inputs, List<ClassSource> libraries, JrtClassSource jdk,
                            Predicate<String> excluded, AnalysisListener listener) {
        this.inputs = inputs;
        this.libraries = libraries;
        this.jdk = jdk;
        this.excluded = excluded;
        this.listener = listener;
    }

    /** As {@link #open(List, List, Path, Predicate, AnalysisListener)} with no class excluded. */
    public static ClassRepository open(List<Path> inputs, List<Path> classpath, Path jdkHome, AnalysisListener listener) {
        return open(inputs, classpath, jdkHome, name -> false, listener);
    }

    /**
     * Opens the sources.
     *
     * @param jdkHome  the Java home to analyse, or null for the running JDK
     * @param excluded binary names of input classes that are read as library classes ({@code --exclude})
     * @throws InputException when a path does not exist or a jar cannot be opened
     */
    public static ClassRepository open(List<Path> inputs, List<Path> classpath, Path jdkHome, Predicate<String> excluded,
                                       AnalysisListener listener) {
        List<ClassSource> opened = new ArrayList<>();
        try {
            int release = jdkHome == null ? Runtime.version().feature() : JavaHomes.release(jdkHome);
            List<ClassSource> inputSources = new ArrayList<>();
            for (Path p : inputs) {
                ClassSource s = openPath(p, "input", release);
                opened.add(s);
                inputSources.add(s);
            }
            List<ClassSource> librarySources = new ArrayList<>();
            for (Path p : inputs) {
                List<ClassSource> nested = openNested(p, release);
                opened.addAll(nested);
                librarySources.addAll(nested);
            }
            for (Path p : classpath) {
                ClassSource s = openPath(p, "classpath entry", release);
                opened.add(s);
                librarySources.add(s);
            }
            JrtClassSource jdk = jdkHome == null ? JrtClassSource.running() : openJdk(jdkHome);
            opened.add(jdk);
            librarySources.add(jdk);
            ClassRepository repo = new ClassRepository(inputSources, librarySources, jdk, excluded, listener);
            repo.indexInputs(inputs);
            return repo;
        } catch (RuntimeException e) {
            closeQuietly(opened, e);
            throw e;
        }
    }

    private static ClassSource openPath(Path path, String role, int release) {
        if (!Files.exists(path)) {
            throw new InputException(role + " not found: " + path);
        }
        if (Files.isDirectory(path)) {
            return new DirectoryClassSource(path);
        }
        if (!Files.isRegularFile(path)) { // a named pipe would block the run, a device never end
            throw new InputException("cannot read " + role + " " + path + ": not a directory or a jar (a device, named"
                    + " pipe or socket)");
        }
        try {
            return new JarClassSource(path, release);
        } catch (IOException e) {
            // Not a jar: perhaps one class file, named instead of its class directory.
            String advice = LoneClassFile.advice(path);
            if (advice != null) {
                throw new InputException("cannot read " + role + " " + path + ": " + advice, e);
            }
            throw new InputException("cannot read " + role + " " + path + ": not a readable jar (" + e.getMessage() + ")", e);
        }
    }

    private static List<ClassSource> openNested(Path input, int release) {
        try {
            return NestedLibraries.open(input, release);
        } catch (IOException | UncheckedIOException e) {
            throw new InputException("cannot read the libraries packed in input " + input + ": " + e.getMessage(), e);
        }
    }

    private static JrtClassSource openJdk(Path home) {
        JavaHomes.requireJavaHome(home);
        try {
            return JrtClassSource.of(home);
        } catch (IOException | RuntimeException e) {
            throw new InputException("--jdk " + home + ": cannot open its class library (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads every class file of the inputs and indexes it by the name it declares. Of two files declaring
     * one class, the first (inputs in order, each in path order) is analysed and the other named in a
     * warning, as a JVM class path would load the first.
     */
    private void indexInputs(List<Path> paths) {
        List<String> duplicates = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ClassSource source = inputs.get(i);
            List<String> entries;
            try {
                entries = source.classNames();
            } catch (IOException | UncheckedIOException e) {
                throw new InputException("cannot list classes of input " + paths.get(i) + ": " + e.getMessage(), e);
            }
            int classes = 0;
            for (String entry : entries) {
                LoadedClass loaded = parse(source, entry, true);
                if (loaded == null) {
                    unreadableInputs.add(entry);
                    continue;
                }
                String name = loaded.internalName();
                if (!ClassNames.isClassName(name)) {
                    // Its path looks like a class, the name it declares does not (module-info, META-INF/...).
                    report(loaded.location(), "declares " + name.replace('/', '.')
                            + ", a name that is not analysed (module-info, package-info or under META-INF)");
                    continue;
                }
                if (excluded.test(name.replace('/', '.'))) {
                    if (!excludedIndex.containsKey(name) && !inputIndex.containsKey(name)) {
                        excludedIndex.put(name, new InputFile(source, entry));
                        cache.put(name, Optional.of(loaded.asLibrary()));
                    }
                    continue;
                }
                InputFile first = inputIndex.putIfAbsent(name, new InputFile(source, entry));
                if (first == null) {
                    classes++;
                    cache.put(name, Optional.of(loaded));
                } else {
                    duplicates.add(name.replace('/', '.') + " is declared by two class files: " + first.location()
                            + " (analysed) and " + loaded.location() + " (ignored, as a class path would)");
                }
            }
            contents.add(new InputContents(paths.get(i), entries.size(), classes));
        }
        dropCyclicInputs();
        inputNames = Collections.unmodifiableSortedSet(new TreeSet<>(inputIndex.keySet()));
        duplicates.stream().limit(DUPLICATES_NAMED).forEach(listener::warning);
        if (duplicates.size() > DUPLICATES_NAMED) {
            listener.warning((duplicates.size() - DUPLICATES_NAMED) + " more classes are declared by two class files"
                    + " of the inputs; the first of each is analysed");
        }
    }

    /**
     * Input classes on a cycle of supertypes are reported and then read as unreadable: each is judged on
     * the whole hierarchy first, so every class of a cycle is named.
     */
    private void dropCyclicInputs() {
        List<String> cyclic = new ArrayList<>();
        List<String> read = new ArrayList<>(inputIndex.keySet());
        read.addAll(excludedIndex.keySet());
        for (String name : read) {
            LoadedClass c = cache.get(name).orElseThrow();
            List<String> cycle = SupertypeCycles.through(c.header(), this::header);
            if (!cycle.isEmpty()) {
                cyclic.add(name);
                report(c.location(), SupertypeCycles.describe(cycle));
            }
        }
        for (String name : cyclic) {
            if (inputIndex.remove(name) != null) {
                unreadableInputs.add(name);
            }
            cache.put(name, Optional.empty());
        }
    }

    /** Every class of the inputs (readable ones, by the name their class file declares), sorted. */
    public Set<String> inputClassNames() {
        return inputNames;
    }

    /** True for a class of the inputs, and for an input class file that could not be read (it shadows libraries). */
    public boolean isInput(String internalName) {
        return inputIndex.containsKey(internalName) || unreadableInputs.contains(internalName);
    }

    /** What each input holds, in the order given. */
    public List<InputContents> inputContents() {
        return List.copyOf(contents);
    }

    /**
     * From now on, {@code java.base}'s classes read from the JDK are parsed without their code, which is parsed when
     * first asked for ({@link LoadedClass#skeleton()}): for a run whose JDK methods mostly come from the cache of
     * their scans. The results do not change, only when code is parsed.
     */
    public void readJavaBaseCodeOnDemand() {
        javaBaseCodeOnDemand = true;
    }

    /** The run's own copy of a name: the one its class files gave, or this one, kept from now on. */
    public String pooled(String name) {
        return names.computeIfAbsent(name, n -> n);
    }

    /** Which JDK the classes outside the inputs and the classpath come from (see {@code JrtClassSource}); null if unknown. */
    public String jdkIdentity() {
        return jdk.identity();
    }

    /**
     * Whether a class in a package of {@code java.base} was read from somewhere else (an input, an excluded input, an
     * unreadable input, a library): read before the JDK's own, it may change what the JDK's code refers to. The inputs are asked at
     * once; a library's class counts from when it is read.
     */
    public boolean javaBaseShadowed() {
        if (inputsShadowJavaBase == null) {
            inputsShadowJavaBase = inputIndex.keySet().stream().anyMatch(jdk::isSystemClass)
                    || excludedIndex.keySet().stream().anyMatch(jdk::isSystemClass)
                    || unreadableInputs.stream().anyMatch(jdk::isSystemClass); // they hide the JDK's class too
        }
        return inputsShadowJavaBase || libraryShadowsJavaBase;
    }

    /** The class, parsed once and cached; empty when it is nowhere or cannot be read. */
    public Optional<LoadedClass> find(String internalName) {
        Optional<LoadedClass> cached = cache.get(internalName);
        if (cached == null) {
            cached = load(internalName);
            cache.put(internalName, cached); // first: the check below may ask for this class again
            if (cached.isPresent() && onCycle(cached.get())) {
                cached = Optional.empty();
                cache.put(internalName, cached);
            }
        }
        return cached;
    }

    private boolean onCycle(LoadedClass c) {
        List<String> cycle = SupertypeCycles.through(c.header(), this::header);
        if (!cycle.isEmpty()) {
            report(c.location(), SupertypeCycles.describe(cycle));
        }
        return !cycle.isEmpty();
    }

    private Optional<LoadedClass> load(String internalName) {
        InputFile input = inputIndex.get(internalName);
        if (input != null) {
            return Optional.ofNullable(parse(input.source(), input.entry(), true));
        }
        if (unreadableInputs.contains(internalName)) {
            return Optional.empty();
        }
        InputFile excludedInput = excludedIndex.get(internalName);
        if (excludedInput != null) {
            return Optional.ofNullable(parse(excludedInput.source(), excludedInput.entry(), false));
        }
        for (ClassSource source : libraries) {
            byte[] bytes = read(source, internalName);
            if (bytes != null) {
                noteShadowing(source, internalName);
                // The first source that has the class decides, readable or not, as on a class path.
                return Optional.ofNullable(parse(source, internalName, bytes, false));
            }
        }
        return Optional.empty();
    }

    private LoadedClass parse(ClassSource source, String entry, boolean input) {
        byte[] bytes = read(source, entry);
        return bytes == null ? null : parse(source, entry, bytes, input);
    }

    private byte[] read(ClassSource source, String internalName) {
        try {
            return source.read(internalName);
        } catch (IOException | UncheckedIOException e) {
            report(source.locate(internalName), "cannot read: " + e.getMessage());
            return null;
        }
    }

    /** The parsed class, or null when the bytes are unreadable (then recorded as a problem). */
    private LoadedClass parse(ClassSource source, String internalName, byte[] bytes, boolean input) {
        Supplier<String> location = () -> source.locate(internalName);
        try {
            boolean system = source.isSystemClass(internalName);
            if (system && !input && javaBaseCodeOnDemand) {
                ClassNode skeleton = ClassFileParser.parse(bytes, names, true);
                parsedCount++;
                return LoadedClass.withCodeOnDemand(skeleton, parseAgain(source, internalName, bytes, List.of()), location);
            }
            ClassNode node = ClassFileParser.parse(bytes, names);
            parsedCount++;
            List<ClassGuard.Skipped> dropped = List.of();
            if (input || !system) { // java.base as the JDK ships it is trusted, as the JVM does not verify it either
                dropped = ClassGuard.dropUnanalysableCode(node, unanalysable);
                for (ClassGuard.Skipped skipped : dropped) {
                    report(location.get(), skipped.describe());
                }
            }
            return new LoadedClass(node, parseAgain(source, internalName, bytes, dropped), input, location, system);
        } catch (ClassFileParser.UnreadableClassException e) {
            report(location.get(), e.getMessage());
            return null;
        }
    }

    /**
     * Reads a class file that parsed before again, from where it was read (its bytes are not kept: they would
     * take a quarter of the room the trees free), and parses it into an equal tree with the same code dropped
     * (not reported again). A file changed since it was first read is an input error, not a different tree.
     */
    private Supplier<ClassNode> parseAgain(ClassSource source, String internalName, byte[] bytes,
                                           List<ClassGuard.Skipped> dropped) {
        int length = bytes.length;
        long checksum = checksum(bytes);
        return () -> {
            byte[] again;
            try {
                again = source.read(internalName);
            } catch (IOException | UncheckedIOException e) {
                throw new InputException(source.locate(internalName) + ": cannot be read again: " + e.getMessage());
            }
            if (again == null || again.length != length || checksum(again) != checksum) {
                throw new InputException(source.locate(internalName) + ": changed while it was being analysed");
            }
            try {
                ClassNode node = ClassFileParser.parse(again, names);
                ClassGuard.dropAgain(node, dropped, unanalysable);
                return node;
            } catch (ClassFileParser.UnreadableClassException e) {
                throw new IllegalStateException("a class file that parsed before does not parse again", e);
            }
        };
    }

    private static long checksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    private void report(String location, String reason) {
        problems.add(new InputProblem(location, reason));
        listener.warning(location + ": " + reason + "; not analysed");
    }

    /**
     * The header (super class, interfaces, access) of a class, without parsing its methods when it was
     * not loaded yet; empty when the class is nowhere or unreadable.
     */
    public Optional<TypeHeader> header(String internalName) {
        Optional<LoadedClass> loaded = cache.get(internalName);
        if (loaded != null) {
            return loaded.map(c -> c.header());
        }
        Optional<TypeHeader> header = headers.get(internalName);
        if (header == null) {
            header = readHeader(internalName);
            headers.put(internalName, header);
        }
        return header;
    }

    private Optional<TypeHeader> readHeader(String internalName) {
        if (isInput(internalName) || excludedIndex.containsKey(internalName)) {
            return find(internalName).map(c -> c.header());
        }
        for (ClassSource source : libraries) {
            byte[] bytes = read(source, internalName);
            if (bytes != null) {
                noteShadowing(source, internalName);
                Optional<TypeHeader> header = TypeHeader.read(bytes);
                if (header.isEmpty()) {
                    return find(internalName).map(c -> c.header());
                }
                return header;
            }
        }
        return Optional.empty();
    }

    private void noteShadowing(ClassSource source, String internalName) {
        if (source != jdk && jdk.isSystemClass(internalName)) {
            libraryShadowsJavaBase = true;
        }
    }

    /** Classes parsed so far. */
    public int parsedCount() {
        return parsedCount;
    }

    /**
     * Why a method's code is not analysed (it failed the checks of {@link ClassGuard} and has no code
     * left), or null for a method whose code, if any, can be analysed.
     */
    public String unanalysable(MethodNode method) {
        return unanalysable.isEmpty() ? null : unanalysable.get(method);
    }

    public List<InputProblem> problems() {
        return List.copyOf(problems);
    }

    /** Every class name on the classpath and in the JDK (and excluded inputs), for class hierarchy analysis. */
    public List<String> libraryClassNames() {
        List<String> names = new ArrayList<>(excludedIndex.keySet());
        for (ClassSource source : libraries) {
            try {
                names.addAll(source.classNames());
            } catch (IOException | UncheckedIOException e) {
                listener.warning("cannot list classes of " + source.locate("") + ": " + e.getMessage());
            }
        }
        return names;
    }

    @Override
    public void close() {
        List<ClassSource> all = new ArrayList<>(inputs);
        all.addAll(libraries);
        closeQuietly(all, null);
    }

    private static void closeQuietly(List<ClassSource> sources, RuntimeException primary) {
        for (ClassSource s : sources) {
            try {
                s.close();
            } catch (IOException e) {
                if (primary != null) {
                    primary.addSuppressed(e);
                }
                // Closing a read-only source cannot lose data; nothing else to do.
            }
        }
    }
}
