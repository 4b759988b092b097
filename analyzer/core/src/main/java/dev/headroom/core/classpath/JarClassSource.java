package dev.headroom.core.classpath;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;

/**
 * Class files in a jar. Multi-release jars are read as the given Java release sees them: the entry
 * under {@code META-INF/versions/N/} with the highest N not above that release wins.
 */
final class JarClassSource implements ClassSource {
    private final String shownAs;
    private final ReadableArchive<JarFile> archive;
    private final JarFile jar;

    JarClassSource(Path path, int release) throws IOException {
        this(path, path.toString(), release);
    }

    /** @param shownAs how messages name the jar: a nested jar is named inside its archive, not by its extracted copy */
    JarClassSource(Path path, String shownAs, int release) throws IOException {
        this.shownAs = shownAs;
        Runtime.Version version = Runtime.Version.parse(Integer.toString(release));
        this.archive = ReadableArchive.open(path, file -> new JarFile(file, false, ZipFile.OPEN_READ, version));
        this.jar = archive.zip();
    }

    @Override
    public byte[] read(String internalName) throws IOException {
        JarEntry entry = jar.getJarEntry(internalName + ".class");
        if (entry == null || entry.isDirectory()) {
            return null;
        }
        String damage = archive.damage(entry.getRealName());
        if (damage != null) {
            throw new IOException(damage + "; the jar's other entries are read");
        }
        try (InputStream in = jar.getInputStream(entry)) {
            return ClassFileReads.read(in, entry.getSize()); // the real size up to the limit, not the declared one
        }
    }

    @Override
    public List<String> classNames() {
        return jar.versionedStream()
                .map(JarEntry::getName)
                .filter(name -> name.endsWith(".class"))
                .map(name -> name.substring(0, name.length() - ".class".length()))
                .filter(ClassNames::isClassName)
                .sorted()
                .distinct()
                .toList();
    }

    @Override
    public String locate(String internalName) {
        return shownAs + "!/" + internalName + ".class";
    }

    @Override
    public void close() throws IOException {
        archive.close();
    }
}
