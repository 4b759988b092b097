package dev.headroom.core.classpath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Class files under a directory laid out by package ({@code target/classes}). */
final class DirectoryClassSource implements ClassSource {
    private final Path root;

    DirectoryClassSource(Path root) {
        this.root = root;
    }

    @Override
    public byte[] read(String internalName) throws IOException {
        Path file = root.resolve(internalName + ".class");
        try {
            return ClassFileReads.read(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public List<String> classNames() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .filter(ClassNames::isClassName)
                    .sorted()
                    .toList();
        }
    }

    @Override
    public String locate(String internalName) {
        return root.resolve(internalName + ".class").toString();
    }
}
