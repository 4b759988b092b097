package dev.headroom.core.classpath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.objectweb.asm.tree.AnnotationNode;

/** Reads annotations from class-file trees, whatever their retention. */
public final class Annotations {
    private Annotations() {
    }

    /** The annotation with this descriptor ({@code Ldev/headroom/annotations/RealTime;}) among both lists. */
    public static Optional<AnnotationNode> find(List<AnnotationNode> invisible, List<AnnotationNode> visible, String descriptor) {
        // Asked for every method of the inputs and every root annotation: most methods have no annotation at all, so
        // nothing is allocated until one matches.
        AnnotationNode found = first(invisible, descriptor);
        if (found == null) {
            found = first(visible, descriptor);
        }
        return Optional.ofNullable(found);
    }

    private static AnnotationNode first(List<AnnotationNode> annotations, String descriptor) {
        if (annotations != null) {
            for (int i = 0; i < annotations.size(); i++) {
                AnnotationNode a = annotations.get(i);
                if (a.desc.equals(descriptor)) {
                    return a;
                }
            }
        }
        return null;
    }

    public static boolean has(List<AnnotationNode> invisible, List<AnnotationNode> visible, String descriptor) {
        return first(invisible, descriptor) != null || first(visible, descriptor) != null;
    }

    /** The value of an element, or null when it is not given. */
    public static Object value(AnnotationNode a, String element) {
        if (a.values != null) {
            for (int i = 0; i + 1 < a.values.size(); i += 2) {
                if (element.equals(a.values.get(i))) {
                    return a.values.get(i + 1);
                }
            }
        }
        return null;
    }

    /** A String or String[] element as a list. */
    public static List<String> strings(AnnotationNode a, String element) {
        Object v = value(a, element);
        List<String> result = new ArrayList<>();
        if (v instanceof String s) {
            result.add(s);
        } else if (v instanceof List<?> list) {
            for (Object o : list) {
                result.add(String.valueOf(o));
            }
        }
        return result;
    }
}
