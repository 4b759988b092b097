package dev.headroom.core.classpath;

import java.util.List;
import java.util.Optional;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

/** What the type hierarchy needs of a class: its direct supertypes and access flags. */
public record TypeHeader(String name, String superName, List<String> interfaces, int access) {
    public TypeHeader {
        interfaces = List.copyOf(interfaces);
    }

    static TypeHeader of(ClassNode node) {
        return new TypeHeader(node.name, node.superName, node.interfaces, node.access);
    }

    /** Reads only the header; empty when the bytes are not a readable class file. */
    static Optional<TypeHeader> read(byte[] bytes) {
        try {
            ClassReader reader = new ClassReader(bytes);
            int major = reader.readUnsignedShort(6);
            if (major < AsmApi.OLDEST_MAJOR || major > AsmApi.NEWEST_MAJOR) {
                return Optional.empty();
            }
            return Optional.of(new TypeHeader(reader.getClassName(), reader.getSuperName(),
                    List.of(reader.getInterfaces()), reader.getAccess()));
        } catch (RuntimeException e) {
            return Optional.empty(); // the full parse reports the problem with its reason
        }
    }

    public boolean isInterface() {
        return (access & Opcodes.ACC_INTERFACE) != 0;
    }

    public boolean isAbstract() {
        return (access & Opcodes.ACC_ABSTRACT) != 0;
    }

    /** A class that can have instances of its own: neither interface nor abstract. */
    public boolean isConcrete() {
        return !isInterface() && !isAbstract();
    }
}
