package dev.headroom.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.ConfigurationException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleBookTest {

    static Path fixture(String name) {
        try {
            return Path.of(RuleBookTest.class.getResource("/rules/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final RuleBook SPECIFIC = RuleBook.load(List.of(fixture("specificity.json")));

    private static String kindOf(RuleBook book, String owner, String name, String desc) {
        return book.lookup(owner, name, desc).map(r -> r.kind().id() + " " + r.pattern()).orElse("none");
    }

    @Test
    void descriptorBeatsNameBeatsStarBeatsWildcardClass() {
        List<String> mismatches = new ArrayList<>();
        String[][] cases = {
            {"a.b.C", "m", "(I)V", "safe a.b.C#m(I)V"},
            {"a.b.C", "m", "(J)V", "growable a.b.C#m"},
            {"a.b.C", "m", null, "growable a.b.C#m"},
            {"a.b.C", "other", "()V", "blocking a.b.C#*"},
            {"a.b.D", "m", "(I)V", "unresolved a.b.*#m"},
            {"a.b.D", "other", "()V", "allocating a.**#*"},
            {"a.b.c.D", "m", "(I)V", "allocating a.**#*"},
            {"a.b.C$Inner", "<init>", "()V", "allocating a.b.C$Inner#<init>"},
            {"a.b.C$Inner", "m", "()V", "unresolved a.b.*#m"},
            {"a.b.yx", "n", "()V", "safe a.b.*x#n"},
            {"a.b.ya", "n", "()V", "blocking a.b.*y*#n"},
            {"ab.C", "m", "()V", "none"},
            {"x.Y", "m", "()V", "none"},
        };
        for (String[] c : cases) {
            String got = kindOf(SPECIFIC, c[0], c[1], c[2]);
            if (!got.equals(c[3])) {
                mismatches.add(c[0] + "#" + c[1] + c[2] + ": expected " + c[3] + ", got " + got);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void keepsRemedyOverridesAndOrigin() {
        MethodRule rule = SPECIFIC.lookup("a.b.C", "m", "(J)V").orElseThrow();
        assertEquals(new MethodRule("a.b.C#m", RuleKind.GROWABLE, "every overload of a.b.C#m", "none", true,
                fixture("specificity.json") + " entry 4 (a.b.C#m)"), rule);
        MethodRule star = SPECIFIC.lookup("a.b.C", "x", "()V").orElseThrow();
        assertEquals(null, star.remedy());
        assertFalse(star.overrides());
    }

    @Test
    void laterPackReplacesEarlierEntryWithTheSamePattern() {
        RuleBook bundled = RuleBook.loadBundled();
        RuleBook book = RuleBook.load(List.of(fixture("override.json")));
        MethodRule add = book.lookup("java.util.ArrayList", "add", "(Ljava/lang/Object;)Z").orElseThrow();
        assertEquals(RuleKind.SAFE, add.kind());
        assertEquals(fixture("override.json") + " entry 1 (java.util.ArrayList#add)", add.origin());
        assertEquals(RuleKind.GROWABLE, bundled.lookup("java.util.ArrayList", "add", "(Ljava/lang/Object;)Z").orElseThrow().kind());
        assertEquals(bundled.size() + 1, book.size(), "one replaced entry and one new entry");
        assertEquals(List.of("jdk-collections.json"), book.replacedEntries().stream()
                .map(r -> r.origin().substring(0, r.origin().indexOf(' '))).toList());
    }

    @Test
    void includesLoadFirstAndTheIncludingFileWins() {
        RuleBook book = RuleBook.load(List.of(fixture("include/main.json")));
        MethodRule take = book.lookup("com.acme.Pool", "take", "()Ljava/lang/Object;").orElseThrow();
        assertEquals(RuleKind.SAFE, take.kind());
        assertEquals(fixture("include/main.json") + " entry 1 (com.acme.Pool#take)", take.origin());
        MethodRule give = book.lookup("com.acme.Pool", "give", "(Ljava/lang/Object;)V").orElseThrow();
        assertEquals(fixture("include/parts/part.json") + " entry 2 (com.acme.Pool#give)", give.origin());
    }

    @Test
    void lookupIsDeterministicAcrossLoads() {
        RuleBook again = RuleBook.load(List.of(fixture("specificity.json")));
        assertEquals(SPECIFIC.size(), again.size());
        for (String owner : List.of("a.b.C", "a.b.D", "a.b.yx", "a.b.ya", "a.q.Z")) {
            for (String name : List.of("m", "n", "other")) {
                assertEquals(SPECIFIC.lookup(owner, name, "()V"), again.lookup(owner, name, "()V"));
            }
        }
        assertEquals(Optional.empty(), SPECIFIC.lookup("", "", ""));
    }

    // ---- malformed packs: one line, naming the file and the entry ----

    private static String failure(String fixtureName) {
        Path path = fixture(fixtureName);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> RuleBook.load(List.of(path)));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void rejectsInvalidJson() {
        String message = failure("invalid-json.json");
        String prefix = "rules pack " + fixture("invalid-json.json") + ": not valid JSON: ";
        assertTrue(message.startsWith(prefix), message);
        assertTrue(message.contains("line 4 column"), "names the line and column: " + message);
    }

    @Test
    void rejectsMissingReason() {
        assertEquals("rules pack " + fixture("missing-reason.json") + ": entry 2 (java.util.ArrayList#add): missing \"reason\"",
                failure("missing-reason.json"));
    }

    @Test
    void readsCapacityResult() {
        RuleBook book = RuleBook.load(List.of(fixture("capacity-result.json")));
        assertTrue(book.lookup("com.acme.Ring", "tryPush", "(Ljava/lang/Object;)Z").orElseThrow().capacityResult());
        assertFalse(book.lookup("com.acme.Ring", "push", "(Ljava/lang/Object;)V").orElseThrow().capacityResult());
        assertFalse(book.lookup("com.acme.Ring", "clear", "()V").orElseThrow().capacityResult());
        assertEquals("rules pack " + fixture("bad-capacity-result.json") + ": entry 1 (com.acme.Ring#tryPush): "
                + "\"capacityResult\" must be true or false, found a string", failure("bad-capacity-result.json"));
    }

    @Test
    void rejectsUnknownKind() {
        assertEquals("rules pack " + fixture("unknown-kind.json") + ": entry 1 (java.util.Foo#bar): unknown kind 'grow'; "
                + "expected one of growable, allocating, blocking, safe, unresolved", failure("unknown-kind.json"));
    }

    @Test
    void rejectsUnknownKeys() {
        assertEquals("rules pack " + fixture("unknown-key.json") + ": entry 2 (java.util.ArrayList#add): unknown key \"reson\"; "
                + "expected one of method, kind, reason, remedy, overrides, capacityResult", failure("unknown-key.json"));
        assertEquals("rules pack " + fixture("unknown-top-key.json") + ": unknown key \"method\" at the top level; "
                + "expected one of name, description, include, methods, roots, fixedSize", failure("unknown-top-key.json"));
    }

    @Test
    void rejectsPatternWithoutHash() {
        assertEquals("rules pack " + fixture("bad-pattern.json") + ": entry 1 (java.util.ArrayList.add): malformed pattern: "
                + "no '#' between class and method; expected <class>#<method>[<descriptor>]", failure("bad-pattern.json"));
    }

    @Test
    void rejectsMalformedDescriptor() {
        assertEquals("rules pack " + fixture("bad-descriptor.json") + ": entry 2 (java.util.List#add(Ljava/lang/Object)Z): "
                + "malformed descriptor; expected a JVM method descriptor such as (Ljava/lang/Object;)Z",
                failure("bad-descriptor.json"));
    }

    @Test
    void rejectsDuplicatePatternInOneFile() {
        assertEquals("rules pack " + fixture("duplicate-pattern.json") + ": entry 3 (java.util.ArrayList#add): "
                + "duplicate pattern; entry 1 already declares it", failure("duplicate-pattern.json"));
    }

    @Test
    void rejectsIncludeCycle() {
        Path a = fixture("cycle-a.json");
        Path b = a.resolveSibling("cycle-b.json");
        assertEquals("rules pack " + b + ": include cycle: " + a + " -> " + b + " -> " + a, failure("cycle-a.json"));
    }

    @Test
    void rejectsMissingFileAndMissingInclude() {
        Path missing = fixture("cycle-a.json").resolveSibling("no-such-pack.json");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> RuleBook.load(List.of(missing)));
        assertEquals("rules pack " + missing + ": no such file", e.getMessage());

        Path relative = Path.of("no-such-dir", "my-rules.json");
        e = assertThrows(ConfigurationException.class, () -> RuleBook.load(List.of(relative)));
        assertEquals("rules pack no-such-dir/my-rules.json: no such file".replace('/', java.io.File.separatorChar), e.getMessage());

        Path including = fixture("missing-include.json");
        assertEquals("rules pack " + including.resolveSibling("nowhere.json") + ": no such file (included by " + including + ")",
                failure("missing-include.json"));
    }

    // ---- "roots": annotations of other vocabularies mapped to roots ----

    @Test
    void bundledPacksMapScjAndGraalAnnotations() {
        List<String> got = new ArrayList<>();
        for (RootAnnotation r : RuleBook.loadBundled().rootAnnotations()) {
            got.add(r.annotation() + " " + r.when() + " " + r.kind().id() + " " + r.origin());
        }
        assertEquals(List.of(
                "javax.safetycritical.annotate.SCJRestricted {mayAllocate=false} real-time "
                        + "roots.json roots entry 1 (javax.safetycritical.annotate.SCJRestricted)",
                "com.oracle.svm.core.heap.RestrictHeapAccess {access=NO_ALLOCATION} real-time "
                        + "roots.json roots entry 2 (com.oracle.svm.core.heap.RestrictHeapAccess)"), got);
    }

    @Test
    void readsRootsWithoutMethods() {
        RuleBook book = RuleBook.load(List.of(fixture("roots-hotpath.json")));
        RootAnnotation last = book.rootAnnotations().get(book.rootAnnotations().size() - 1);
        assertEquals(new RootAnnotation("com.acme.HotPath", java.util.Map.of(), dev.headroom.core.model.RootKind.INTERRUPT,
                "our hot paths run in interrupt context", fixture("roots-hotpath.json") + " roots entry 1 (com.acme.HotPath)"), last);
        assertEquals("Lcom/acme/HotPath;", last.descriptor());
        assertEquals("HotPath", last.simpleName());
        assertEquals(RuleBook.loadBundled().size(), book.size());
    }

    @Test
    void rejectsMalformedRootsEntries() {
        assertEquals("rules pack " + fixture("roots-unknown-key.json") + ": roots entry 2 (com.acme.Fast): unknown key \"whne\"; "
                + "expected one of annotation, when, kind, reason", failure("roots-unknown-key.json"));
        assertEquals("rules pack " + fixture("roots-bad-kind.json") + ": roots entry 1 (com.acme.HotPath): unknown kind 'realtime'; "
                + "expected one of real-time, interrupt", failure("roots-bad-kind.json"));
        assertEquals("rules pack " + fixture("roots-duplicate.json") + ": roots entry 3 (com.acme.HotPath): "
                + "duplicate annotation and conditions; roots entry 1 already declares them", failure("roots-duplicate.json"));
        assertEquals("rules pack " + fixture("roots-bad-when.json") + ": roots entry 1 (com.acme.HotPath): \"when\": \"priority\" "
                + "must be true, false or a string (a string or an enum constant's name), found a number", failure("roots-bad-when.json"));
        assertEquals("rules pack " + fixture("roots-bad-annotation.json") + ": roots entry 1 (Lcom/acme/HotPath;): \"annotation\" "
                + "must be a binary class name with dots, such as javax.safetycritical.annotate.SCJRestricted",
                failure("roots-bad-annotation.json"));
        assertEquals("rules pack " + fixture("roots-missing-reason.json") + ": roots entry 1 (com.acme.HotPath): missing \"reason\"",
                failure("roots-missing-reason.json"));
        assertEquals("rules pack " + fixture("roots-not-array.json") + ": \"roots\" must be an array of entries",
                failure("roots-not-array.json"));
    }
}
