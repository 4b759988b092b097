package dev.headroom.realworld;

import dev.headroom.realworld.Expectation.Aspect;
import dev.headroom.realworld.Expectation.ExpectedError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares each root's outcomes with its truth, aspect by aspect (errors, bound, alone versus together),
 * and keeps the mismatches, the known deviations and the summary counts.
 */
final class Judge {
    final List<String> mismatches = new ArrayList<>();
    final List<String> knownDeviations = new ArrayList<>();
    int roots;
    int allocationFree;
    int allocationFreeWithoutErrors;
    int allocationFreeWithoutFalseErrors;
    int falseErrors;
    int growing;
    int growingMissed;
    int bounded;
    int boundExpected;
    int changedTogether;

    /** Judges one root from its outcome alone and its outcome in the run with every root of its input. */
    void judge(Expectation e, Outcome alone, Outcome together) {
        roots++;
        List<String> missing = missing(e, alone);
        List<String> unexpected = unexpected(e, alone);
        if (e.allocationFree()) {
            allocationFree++;
            allocationFreeWithoutErrors += alone.errors().isEmpty() ? 1 : 0;
            falseErrors += unexpected.stream().mapToInt(Judge::countOf).sum();
            allocationFreeWithoutFalseErrors += unexpected.isEmpty() ? 1 : 0;
        } else {
            growing++;
            growingMissed += missing.isEmpty() ? 0 : 1;
        }
        bounded += alone.bounded() ? 1 : 0;
        boundExpected += e.bound() ? 1 : 0;
        boolean changed = !alone.fingerprint().equals(together.fingerprint());
        changedTogether += changed ? 1 : 0;

        List<String> errorProblems = new ArrayList<>(missing);
        errorProblems.addAll(unexpected);
        check(e, Aspect.ERRORS, errorProblems);
        check(e, Aspect.BOUND, alone.bounded() == e.bound() ? List.of()
                : List.of(e.bound() ? "no bound, one expected (" + alone.unboundedReason() + ")" : "a bound where none can be"));
        check(e, Aspect.TOGETHER, changed ? List.of(difference(alone, together)) : List.of());
    }

    /** How the root's result with the other roots differs from its result alone, with one example. */
    private static String difference(Outcome alone, Outcome together) {
        TreeSet<String> added = new TreeSet<>(together.fingerprint());
        added.removeAll(alone.fingerprint());
        TreeSet<String> lost = new TreeSet<>(alone.fingerprint());
        lost.removeAll(together.fingerprint());
        return alone.errors().size() + " errors alone, " + together.errors().size() + " with the other roots; "
                + added.size() + " findings or bounds added, " + lost.size() + " lost"
                + (added.isEmpty() ? "" : ", e.g. + " + added.first()) + (lost.isEmpty() ? "" : ", e.g. - " + lost.first());
    }

    private void check(Expectation e, Aspect aspect, List<String> problems) {
        String known = e.known().get(aspect);
        String head = e.root() + " [" + aspect.id() + "] ";
        if (!problems.isEmpty() && known == null) {
            mismatches.add(head + String.join("; ", problems) + "\n      truth: " + e.why() + "  (" + e.line() + ")");
        } else if (!problems.isEmpty()) {
            knownDeviations.add(head + known + "\n      now: " + String.join("; ", problems));
        } else if (known != null) {
            mismatches.add(head + "the known deviation '" + known + "' no longer happens: remove the marker  (" + e.line() + ")");
        }
    }

    private static List<String> missing(Expectation e, Outcome o) {
        List<String> result = new ArrayList<>();
        for (ExpectedError x : e.errors()) {
            long n = o.errors().stream().filter(x::matches).count();
            if (x.count() == null ? n == 0 : n != x.count()) {
                result.add("missing " + x + (n == 0 ? "" : " (found " + n + ")"));
            }
        }
        return result;
    }

    /** The false errors, one line per rule and event method with its count ("3 x ..."). */
    private static List<String> unexpected(Expectation e, Outcome o) {
        if (e.othersAllowed()) {
            return List.of();
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Outcome.Error error : o.errors()) {
            if (e.errors().stream().noneMatch(x -> x.matches(error))) {
                counts.merge(error.rule() + " in " + error.event().className() + "#" + error.event().name(), 1, Integer::sum);
            }
        }
        List<String> result = new ArrayList<>();
        counts.forEach((what, n) -> result.add(n + " x unexpected " + what));
        return result;
    }

    private static int countOf(String unexpectedLine) {
        return Integer.parseInt(unexpectedLine.substring(0, unexpectedLine.indexOf(' ')));
    }

    String summary() {
        return String.join("\n",
                "Real-world suite: " + roots + " roots",
                "  allocation-free roots with zero errors:       " + allocationFreeWithoutErrors + " of " + allocationFree,
                "  allocation-free roots with no false error:    " + allocationFreeWithoutFalseErrors + " of " + allocationFree,
                "  false errors on allocation-free paths:        " + falseErrors,
                "  growing paths missed:                         " + growingMissed + " of " + growing,
                "  roots with a bound:                           " + bounded + " (truth: " + boundExpected + ")",
                "  roots whose result changes when run together: " + changedTogether,
                "  known deviations:                             " + knownDeviations.size(),
                "  unmarked mismatches:                          " + mismatches.size());
    }
}
