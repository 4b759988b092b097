package dev.headroom.realworld;

import dev.headroom.core.model.AnalysisResult;
import dev.headroom.core.model.Finding;
import dev.headroom.core.model.Frame;
import dev.headroom.core.model.MethodId;
import dev.headroom.core.model.RootTiming;
import dev.headroom.core.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What one root got in one run: its error findings, whether it has a bound, and a fingerprint of its
 * whole result (every finding and the bound) to compare the root alone with the root among others.
 */
public record Outcome(MethodId root, List<Error> errors, boolean bounded, String unboundedReason, TreeSet<String> fingerprint) {

    /** An error finding, by rule and by the method its event is in (the last frame of the call chain). */
    public record Error(String rule, MethodId event, String where) {
        boolean isIn(String classAndMethod) {
            int hash = classAndMethod.indexOf('#');
            String cls = classAndMethod.substring(0, hash);
            return event.name().equals(classAndMethod.substring(hash + 1))
                    && (event.className().equals(cls) || event.simpleClassName().equals(cls));
        }

        @Override
        public String toString() {
            return rule + " in " + event.simpleClassName() + "#" + event.name() + " (reported at " + where + ")";
        }
    }

    /** The outcome of {@code root} in {@code result}. */
    public static Outcome of(MethodId root, AnalysisResult result) {
        TreeSet<String> fingerprint = new TreeSet<>();
        List<Error> errors = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (!root.equals(f.root())) {
                continue;
            }
            fingerprint.add(f.rule().id() + "/" + f.severity().id() + (f.coldPath() ? " cold" : "") + " at "
                    + f.location() + " " + f.message());
            if (f.severity() == Severity.ERROR && !f.suppressed()) {
                errors.add(new Error(f.rule().id(), eventMethod(f),
                        f.location().method().simpleClassName() + "#" + f.location().method().name() + ":" + f.location().line()));
            }
        }
        RootTiming timing = result.timing() == null ? null
                : result.timing().roots().stream().filter(t -> t.root().equals(root)).findFirst().orElse(null);
        boolean bounded = timing != null && timing.bounded();
        fingerprint.add(bounded ? "bound " + timing.wcet() : "no bound");
        String reason = timing == null ? "no timing" : timing.unboundedReason().orElse("");
        return new Outcome(root, List.copyOf(errors), bounded, reason, fingerprint);
    }

    private static MethodId eventMethod(Finding f) {
        List<Frame> chain = f.callChain();
        return chain.isEmpty() ? f.location().method() : chain.get(chain.size() - 1).method();
    }
}
