package dev.headroom.core.internal;

import dev.headroom.core.AnalysisConfig;
import dev.headroom.core.NothingToCheckException;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.InputContents;
import dev.headroom.core.roots.RootFinder;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Tells a run that would check nothing, in one line: what the inputs hold and how to give classes or mark
 * roots. Nothing is checked when no class could be read from the inputs, or when they hold no root and no
 * RAM budget asks about their static state.
 */
final class NothingChecked {
    static final String ALLOW = "--allow-no-roots passes a run that checks nothing";
    static final String MARK_ROOTS = "mark real-time entry points with @RealTime or @InterruptHandler"
            + " (dev.headroom.annotations), or name them with --root <class>#<method> or --root-annotation <class>";
    static final String GIVE_CLASSES = "check compiled classes: a class directory such as target/classes, or a jar";

    private NothingChecked() {
    }

    /** The error to stop the run with, or empty when it checks something. */
    static Optional<NothingToCheckException> of(ClassRepository classes, RootFinder.Search search, AnalysisConfig config) {
        List<InputContents> inputs = classes.inputContents();
        int classFiles = inputs.stream().mapToInt(InputContents::classFiles).sum();
        int read = inputs.stream().mapToInt(InputContents::classes).sum();
        if (classFiles == 0) {
            String what = inputs.stream().map(c -> c.path() + " (" + c.withoutClasses() + ")")
                    .collect(Collectors.joining(", "));
            return Optional.of(new NothingToCheckException("nothing to check: no class files in " + what,
                    GIVE_CLASSES + "; " + ALLOW));
        }
        if (read == 0) {
            String which = classFiles == 1 ? "the class file in " : "none of the " + classFiles + " class files in ";
            return Optional.of(new NothingToCheckException("nothing to check: " + which + paths(inputs)
                    + " could be read (see the warnings above)", ALLOW));
        }
        if (search.roots().isEmpty() && config.ramBudget() == null) {
            String unmatched = search.unmatched().isEmpty() ? "" : " (" + String.join("; ", search.unmatched()) + ")";
            return Optional.of(new NothingToCheckException("no roots in " + read + (read == 1 ? " class" : " classes")
                    + " of " + paths(inputs) + unmatched, MARK_ROOTS + "; " + ALLOW));
        }
        return Optional.empty();
    }

    private static String paths(List<InputContents> inputs) {
        return inputs.stream().map(c -> c.path().toString()).collect(Collectors.joining(", "));
    }
}
