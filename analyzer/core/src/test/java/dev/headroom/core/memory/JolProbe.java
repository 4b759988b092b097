package dev.headroom.core.memory;

import dev.headroom.core.classpath.AsmApi;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

/**
 * What JOL measures on the JVM this runs in, as lines {@code KEY NAME BYTES}; run in-process for the
 * default layout and as {@code main} in forked JVMs for the others.
 */
public final class JolProbe {
    /** Array component descriptors measured. */
    static final List<String> ARRAY_COMPONENTS = List.of("Z", "B", "C", "S", "I", "F", "J", "D", "Ljava/lang/Object;");
    static final int[] ARRAY_LENGTHS = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 100, 1023};
    /** Classes whose static fields are measured with GraphLayout. */
    static final List<Class<?>> GRAPH_CLASSES = List.of(JolGraphs.class, JolFixtures.Color.class, JolFixtures.Planet.class);

    private JolProbe() {
    }

    public static void main(String[] args) throws Exception {
        for (Map.Entry<String, Long> e : measure().entrySet()) {
            System.out.println("JOL " + e.getKey() + " " + e.getValue());
        }
    }

    /**
     * Keys: {@code class <binary name>}, {@code array <descriptor> <length>}, {@code field <binary name>.<field>};
     * after running the initialisation roots of {@link JolStartUp}, {@code init <binary name>.<field>} and, for
     * the object a root returned, {@code init <binary name>.<method> returned}.
     */
    static Map<String, Long> measure() throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Class<?> c : JolFixtures.ALL) {
            out.put("class " + c.getName(), ClassLayout.parseClass(c).instanceSize());
        }
        for (String component : ARRAY_COMPONENTS) {
            Class<?> type = component.length() == 1 ? primitive(component.charAt(0)) : Object.class;
            for (int length : ARRAY_LENGTHS) {
                out.put("array " + component + " " + length, GraphLayout.parseInstance(Array.newInstance(type, length)).totalSize());
            }
        }
        for (Class<?> c : GRAPH_CLASSES) {
            measureStatics("field ", c, out);
        }
        for (Method root : initializationRoots(JolStartUp.class)) {
            root.setAccessible(true);
            Object returned = root.invoke(null);
            if (returned != null) {
                out.put("init " + JolStartUp.class.getName() + "." + root.getName() + " returned",
                        GraphLayout.parseInstance(returned).totalSize());
            }
        }
        measureStatics("init ", JolStartUp.class, out);
        return out;
    }

    /** The footprint of every static reference field of {@code c}, under {@code prefix} and its name. */
    private static void measureStatics(String prefix, Class<?> c, Map<String, Long> out) throws IllegalAccessException {
        for (Field f : c.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                continue;
            }
            f.setAccessible(true);
            Object value = f.get(null);
            long size;
            if (value instanceof Enum<?> constant) {
                // The name is a string literal, not counted by the analysis.
                size = GraphLayout.parseInstance(constant).subtract(GraphLayout.parseInstance(constant.name())).totalSize();
            } else if (c.isEnum() && value instanceof Object[]) {
                size = VM.current().sizeOf(value); // $VALUES: the constants were counted through their own fields
            } else {
                size = GraphLayout.parseInstance(value).totalSize();
            }
            out.put(prefix + c.getName() + "." + f.getName(), size);
        }
    }

    /**
     * The methods of {@code c} annotated {@code @Initializer} (kept in the class file only, so read with ASM),
     * in the order the analysis runs them: by name, then descriptor. They take no arguments (the probe calls them).
     */
    private static List<Method> initializationRoots(Class<?> c) throws IOException, NoSuchMethodException {
        ClassNode node = new ClassNode(AsmApi.VERSION);
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            new ClassReader(in).accept(node, ClassReader.SKIP_CODE);
        }
        List<Method> roots = new ArrayList<>();
        node.methods.sort(Comparator.comparing((MethodNode m) -> m.name).thenComparing(m -> m.desc));
        for (MethodNode m : node.methods) {
            List<AnnotationNode> annotations = m.invisibleAnnotations == null ? List.of() : m.invisibleAnnotations;
            if (annotations.stream().anyMatch(a -> a.desc.equals("Ldev/headroom/annotations/Initializer;"))) {
                roots.add(c.getDeclaredMethod(m.name));
            }
        }
        return roots;
    }

    private static Class<?> primitive(char kind) {
        return switch (kind) {
            case 'Z' -> boolean.class;
            case 'B' -> byte.class;
            case 'C' -> char.class;
            case 'S' -> short.class;
            case 'I' -> int.class;
            case 'F' -> float.class;
            case 'J' -> long.class;
            default -> double.class;
        };
    }

    /** Parses the lines a forked probe printed. */
    static Map<String, Long> parse(List<String> lines) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith("JOL ")) {
                int space = line.lastIndexOf(' ');
                out.put(line.substring(4, space), Long.parseLong(line.substring(space + 1)));
            }
        }
        return out;
    }

    static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\\R")));
    }
}
