package dev.headroom.core.paths;

import dev.headroom.core.callgraph.MethodRef;
import java.util.StringJoiner;
import org.objectweb.asm.Type;

/** How methods are named in messages: {@code java.util.ArrayList.add(Object)}. */
final class Names {
    private Names() {
    }

    static String method(MethodRef ref) {
        StringJoiner params = new StringJoiner(", ", "(", ")");
        for (Type t : Type.getArgumentTypes(ref.descriptor())) {
            String name = t.getClassName();
            params.add(name.substring(name.lastIndexOf('.') + 1));
        }
        String owner = ref.owner().replace('/', '.');
        String name = ref.name().equals("<init>") ? "<init>" : ref.name();
        return owner + "." + name + params;
    }
}
