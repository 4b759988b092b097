package dev.headroom.core.classpath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A digest of the code a cached result depends on: every class file of the packages of some classes (and their
 * subpackages), as this build has them, whether it runs from a jar or from a folder of classes. A cache written
 * by other code names another digest, so it is not read.
 */
public final class CodeDigest {
    /** Each digest computed once per JVM: the code does not change while it runs (many analyses run in one). */
    private static final Map<List<Class<?>>, Optional<String>> DIGESTS = new ConcurrentHashMap<>();

    private CodeDigest() {
    }

    /**
     * The digest of the class files in the packages of {@code members}; null when one of them was not loaded from
     * a jar or a folder that can be read (then there is nothing safe to key a cache by).
     */
    public static String ofPackages(Class<?>... members) {
        return DIGESTS.computeIfAbsent(List.of(members), k -> Optional.ofNullable(digestPackages(members))).orElse(null);
    }

    private static String digestPackages(Class<?>... members) {
        MessageDigest md = sha256();
        try {
            for (Class<?> member : members) {
                String prefix = member.getPackageName().replace('.', '/') + '/';
                md.update(prefix.getBytes(StandardCharsets.UTF_8));
                Path where = codeSource(member);
                if (where == null) {
                    return null;
                }
                md.update(of(where, prefix).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return null;
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static Path codeSource(Class<?> member) {
        CodeSource source = member.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            return null;
        }
        try {
            return Path.of(location.toURI());
        } catch (URISyntaxException | RuntimeException e) { // a jar inside a jar has no path of its own, for one
            return null;
        }
    }

    private static void digestFolder(MessageDigest md, Path root, String prefix) throws IOException {
        Path folder = root.resolve(prefix);
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = new ArrayList<>(walk.filter(p -> p.toString().endsWith(".class")).toList());
        }
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            names.add(root.relativize(file).toString().replace('\\', '/'));
        }
        Collections.sort(names);
        for (String name : names) {
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(root.resolve(name)));
        }
    }

    /** The digest of the class files under a package prefix ({@code dev/headroom/}) of one jar or folder of classes. */
    static String of(Path where, String prefix) throws IOException {
        MessageDigest md = sha256();
        if (Files.isDirectory(where)) {
            digestFolder(md, where, prefix);
        } else {
            digestJar(md, where, prefix);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** A jar's entries by name, size and checksum, as its central directory gives them (nothing is inflated). */
    private static void digestJar(MessageDigest md, Path jar, String prefix) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            zip.stream().filter(e -> e.getName().startsWith(prefix) && e.getName().endsWith(".class")).forEach(entries::add);
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            ByteBuffer numbers = ByteBuffer.allocate(16);
            for (ZipEntry e : entries) {
                md.update(e.getName().getBytes(StandardCharsets.UTF_8));
                numbers.clear();
                numbers.putLong(e.getSize()).putLong(e.getCrc());
                md.update(numbers.array());
            }
        }
    }

    /** SHA-256, which every JDK has. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
