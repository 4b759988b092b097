package dev.headroom.core.classpath;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * The class library of a Java runtime image, read through the {@code jrt:/} file system: the running
 * JDK's, or another JDK's (9 or newer) given by its home.
 */
final class JrtClassSource implements ClassSource {
    private final FileSystem fs;
    private final boolean ownsFileSystem;
    private final String description;
    /** The JDK's home: its release file and its image say which JDK this is ({@link #identity}). */
    private final Path home;
    /** {@link #javaBasePackages()}, read once. */
    private Set<String> javaBasePackages;
    private boolean javaBasePackagesRead;
    /** Package (with slashes) to the modules that hold it: filled on first use of each package. */
    private final Map<String, List<String>> modulesByPackage = new HashMap<>();

    private JrtClassSource(FileSystem fs, boolean ownsFileSystem, String description, Path home) {
        this.fs = fs;
        this.ownsFileSystem = ownsFileSystem;
        this.description = description;
        this.home = home;
    }

    static JrtClassSource running() {
        return new JrtClassSource(FileSystems.getFileSystem(URI.create("jrt:/")), false, "jrt:/",
                Path.of(System.getProperty("java.home")));
    }

    static JrtClassSource of(Path javaHome) throws IOException {
        FileSystem fs = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", javaHome.toString()));
        return new JrtClassSource(fs, true, javaHome + " (jrt:/)", javaHome);
    }

    /**
     * Which JDK this is, as far as its classes go: its home, its release file (version and build), and its image
     * of modules by size and time of change (an update in place rewrites it). Null when they cannot be read.
     */
    String identity() {
        try {
            Path root = home.toAbsolutePath().normalize();
            Path modules = root.resolve("lib").resolve("modules");
            Path release = root.resolve("release");
            return root + "\n" + Files.size(modules) + " " + Files.getLastModifiedTime(modules).toMillis()
                    + "\n" + (Files.isRegularFile(release) ? Files.readString(release) : "no release file");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A name the image cannot hold (a NUL in it, from a damaged class file) is simply not found there. */
    @Override
    public byte[] read(String internalName) throws IOException {
        try {
            return readFromImage(internalName);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private byte[] readFromImage(String internalName) throws IOException {
        int slash = internalName.lastIndexOf('/');
        String pkg = slash < 0 ? "" : internalName.substring(0, slash);
        for (String module : modulesOf(pkg)) {
            try {
                return ClassFileReads.read(fs.getPath("/modules", module, internalName + ".class"));
            } catch (NoSuchFileException e) {
                // next module that exports a part of this package
            }
        }
        return null;
    }

    private List<String> modulesOf(String pkg) throws IOException {
        List<String> modules = modulesByPackage.get(pkg);
        if (modules == null) {
            modules = new ArrayList<>();
            Path dir = fs.getPath("/packages", pkg.replace('/', '.'));
            if (!pkg.isEmpty() && Files.isDirectory(dir)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    for (Path entry : entries) {
                        modules.add(entry.getFileName().toString());
                    }
                }
            }
            modules.sort(null);
            modulesByPackage.put(pkg, modules);
        }
        return modules;
    }

    /**
     * A package of the boot layer is in one module only (no split packages): a class is {@code java.base}'s
     * when its package is one of those {@code java.base}'s module descriptor lists, read once; when it cannot be read,
     * when the image's package table names that module for its package (a folder that is only a subpackage's
     * parent is not in the table), asked once per package through the same table lookups as {@link #read}.
     */
    @Override
    public boolean isSystemClass(String internalName) {
        int slash = internalName.lastIndexOf('/');
        if (slash < 0) {
            return false;
        }
        String pkg = internalName.substring(0, slash);
        Set<String> packages = javaBasePackages();
        if (packages != null) {
            return packages.contains(pkg);
        }
        try {
            return modulesOf(pkg).contains("java.base");
        } catch (IOException | InvalidPathException e) {
            return false; // unknown, or a name no image can hold: its assertions are treated like the program's
        }
    }

    /** The packages (with slashes) of {@code java.base}'s module descriptor; null when it cannot be read. */
    Set<String> javaBasePackages() {
        if (!javaBasePackagesRead) {
            javaBasePackagesRead = true;
            try {
                ClassNode module = new ClassNode();
                new ClassReader(ClassFileReads.read(fs.getPath("/modules", "java.base", "module-info.class")))
                        .accept(module, ClassReader.SKIP_CODE);
                if (module.module != null && module.module.packages != null && !module.module.packages.isEmpty()) {
                    javaBasePackages = new HashSet<>(module.module.packages);
                }
            } catch (IOException | RuntimeException e) {
                javaBasePackages = null; // the package table answers
            }
        }
        return javaBasePackages;
    }

    @Override
    public List<String> classNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> modules = Files.newDirectoryStream(fs.getPath("/modules"))) {
            for (Path module : modules) {
                try (Stream<Path> files = Files.walk(module)) {
                    files.map(p -> module.relativize(p).toString())
                            .filter(name -> name.endsWith(".class"))
                            .map(name -> name.substring(0, name.length() - ".class".length()))
                            .filter(ClassNames::isClassName)
                            .forEach(names::add);
                }
            }
        }
        names.sort(null);
        return names;
    }

    @Override
    public String locate(String internalName) {
        return description + " " + internalName + ".class";
    }

    @Override
    public void close() throws IOException {
        if (ownsFileSystem) {
            fs.close();
        }
    }
}
