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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.tree.ClassNode;

/**
 * Finds and parses classes, each at most once, in this order: the inputs, the classpath, the JDK.
 * Inputs are listed eagerly (roots are found in them); everything else is read only when the analysis
 * asks for it. Unreadable class files are recorded as {@link InputProblem}s and treated as missing.
 */
public final class ClassRepository implements Closeable {
    private final List<ClassSource> inputs;
    private final List<ClassSource> libraries;
    private final AnalysisListener listener;
    /** Internal name to the input source that holds it (first one wins, as on a class path). */
    private final Map<String, ClassSource> inputIndex = new LinkedHashMap<>();
    private final Map<String, Optional<LoadedClass>> cache = new HashMap<>();
    private final Map<String, Optional<TypeHeader>> headers = new HashMap<>();
    /** Names and descriptors read from the class files, each once (see {@link ClassFileParser}). */
    private final Map<String, String> names = new HashMap<>();
    private final List<InputProblem> problems = new ArrayList<>();
    private int parsedCount;

    private ClassRepository(List<ClassSource> inputs, List<ClassSource> libraries, AnalysisListener listener) {
        this.inputs = inputs;
        this.libraries = libraries;
        this.listener = listener;
    }

    /**
     * Opens the sources.
     *
     * @param jdkHome the Java home to analyse, or null for the running JDK
     * @throws InputException when a path does not exist or a jar cannot be opened
     */
    public static ClassRepository open(List<Path> inputs, List<Path> classpath, Path jdkHome, AnalysisListener listener) {
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
            for (Path p : classpath) {
                ClassSource s = openPath(p, "classpath entry", release);
                opened.add(s);
                librarySources.add(s);
            }
            ClassSource jdk = jdkHome == null ? JrtClassSource.running() : openJdk(jdkHome);
            opened.add(jdk);
            librarySources.add(jdk);
            ClassRepository repo = new ClassRepository(inputSources, librarySources, listener);
            repo.indexInputs();
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
        try {
            return new JarClassSource(path, release);
        } catch (IOException e) {
            throw new InputException("cannot read " + role + " " + path + ": not a readable jar (" + e.getMessage() + ")", e);
        }
    }

    private static ClassSource openJdk(Path home) {
        JavaHomes.requireJavaHome(home);
        try {
            return JrtClassSource.of(home);
        } catch (IOException | RuntimeException e) {
            throw new InputException("--jdk " + home + ": cannot open its class library (" + e.getMessage() + ")", e);
        }
    }

    private void indexInputs() {
        for (ClassSource source : inputs) {
            try {
                for (String name : source.classNames()) {
                    inputIndex.putIfAbsent(name, source);
                }
            } catch (IOException | UncheckedIOException e) {
                throw new InputException("cannot list classes of input " + source.locate("") + ": " + e.getMessage(), e);
            }
        }
    }

    /** Every class of the inputs, sorted. */
    public Set<String> inputClassNames() {
        return Collections.unmodifiableSet(new TreeSet<>(inputIndex.keySet()));
    }

    public boolean isInput(String internalName) {
        return inputIndex.containsKey(internalName);
    }

    /** The class, parsed once and cached; empty when it is nowhere or cannot be read. */
    public Optional<LoadedClass> find(String internalName) {
        Optional<LoadedClass> cached = cache.get(internalName);
        if (cached == null) {
            cached = load(internalName);
            cache.put(internalName, cached);
        }
        return cached;
    }

    private Optional<LoadedClass> load(String internalName) {
        ClassSource inputSource = inputIndex.get(internalName);
        if (inputSource != null) {
            return Optional.ofNullable(parse(inputSource, internalName, true));
        }
        for (ClassSource source : libraries) {
            byte[] bytes = read(source, internalName);
            if (bytes != null) {
                // The first source that has the class decides, readable or not, as on a class path.
                return Optional.ofNullable(parse(source, internalName, bytes, false));
            }
        }
        return Optional.empty();
    }

    private LoadedClass parse(ClassSource source, String internalName, boolean input) {
        byte[] bytes = read(source, internalName);
        return bytes == null ? null : parse(source, internalName, bytes, input);
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
        String location = source.locate(internalName);
        try {
            ClassNode node = ClassFileParser.parse(bytes, names);
            parsedCount++;
            return new LoadedClass(node, input, location, source.isSystemClass(internalName));
        } catch (ClassFileParser.UnreadableClassException e) {
            report(location, e.getMessage());
            return null;
        }
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
            return loaded.map(c -> TypeHeader.of(c.node()));
        }
        Optional<TypeHeader> header = headers.get(internalName);
        if (header == null) {
            header = readHeader(internalName);
            headers.put(internalName, header);
        }
        return header;
    }

    private Optional<TypeHeader> readHeader(String internalName) {
        ClassSource inputSource = inputIndex.get(internalName);
        List<ClassSource> sources = inputSource != null ? List.of(inputSource) : libraries;
        for (ClassSource source : sources) {
            byte[] bytes = read(source, internalName);
            if (bytes != null) {
                Optional<TypeHeader> header = TypeHeader.read(bytes);
                if (header.isEmpty()) {
                    return find(internalName).map(c -> TypeHeader.of(c.node()));
                }
                return header;
            }
        }
        return Optional.empty();
    }

    /** Classes parsed so far. */
    public int parsedCount() {
        return parsedCount;
    }

    public List<InputProblem> problems() {
        return List.copyOf(problems);
    }

    /** Every class name on the classpath and in the JDK, for class hierarchy analysis. */
    public List<String> libraryClassNames() {
        List<String> names = new ArrayList<>();
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
