package dev.headroom.core.callgraph;

import dev.headroom.core.AnalysisListener;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import java.nio.file.Path;
import java.util.List;
import org.objectweb.asm.tree.MethodNode;

/** The running JDK's classes as an analysis reads them, for tests that compare two ways of scanning, method by method. */
final class JdkMethods {
    /** What a test does with one method. */
    interface Each {
        void accept(Hierarchy hierarchy, LoadedClass owner, MethodNode method);
    }

    private JdkMethods() {
    }

    /**
     * Calls back for every method with code of the named classes (internal names), read with no input but an
     * empty folder; returns how many it called back for.
     */
    static int withCode(Path emptyInput, List<String> classNames, Each each) {
        int count = 0;
        try (ClassRepository classes = ClassRepository.open(List.of(emptyInput), List.of(), null, AnalysisListener.SILENT)) {
            Hierarchy hierarchy = new Hierarchy(classes);
            for (String name : classNames) {
                LoadedClass owner = classes.find(name).orElseThrow();
                for (MethodNode method : owner.node().methods) {
                    if (method.instructions.size() > 0) {
                        each.accept(hierarchy, owner, method);
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
