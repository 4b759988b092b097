package dev.headroom.cli;

import com.google.gson.stream.JsonReader;
import dev.headroom.core.testing.ClassMutants;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Fuzzes {@code headroom check --root '**#*'} with damaged copies of real classes ({@link ClassMutants}),
 * each run in-process through the CLI's own entry point with a time limit, and sorts what happens:
 * analysed; skipped and named (the report's {@code skipped} list names the file); refused with a one-line
 * error (exit 2 or 3); and the failures: a crash (exit 4, or an exception or error out of the CLI), a
 * hang (over the time limit), or a class neither analysed nor named. Used by {@code ClassFuzzTest} in the
 * build and by {@code benchmarks/fuzz.sh} for long runs ({@link #main}).
 */
final class ClassFuzz {
    /** A class file to damage: where it came from, and its bytes. */
    record Original(String name, byte[] bytes) {
    }

    /** One failure, with what reproduces it. */
    record Failure(int index, String what, String original, String mutation, Path reproducer) {
        @Override
        public String toString() {
            return "mutant " + index + " of " + original + " (" + mutation + "): " + what
                    + (reproducer == null ? "" : "; reproducer " + reproducer);
        }
    }

    private final List<Original> originals;
    private final long seed;
    private final long timeoutMillis;
    private final Path work;
    private final Path reproducers;
    private final int batch;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private int tried;
    private int sampleEvery;
    private PrintWriter progress;
    private ExecutorService runner = Executors.newSingleThreadExecutor(ClassFuzz::daemon);

    /** One mutant of a run: its index, what it was made from, and its file in the input directory. */
    private record Case(int index, Original original, ClassMutants.Mutant mutant) {
    }

    /** What one run of the CLI gave: its result and report, or why there is none. */
    private record Run(CliRun cli, Report report, String failure) {
    }

    /** What the fuzz reads of a JSON report: the files skipped, and the classes of the roots. */
    private record Report(Set<Path> skipped, Set<String> rootClasses) {
        /** Streamed: a run on damaged classes may write a report of gigabytes. */
        static Report read(Path file) throws IOException {
            Set<Path> skipped = new HashSet<>();
            Set<String> roots = new HashSet<>();
            try (JsonReader json = new JsonReader(Files.newBufferedReader(file))) {
                json.beginObject();
                while (json.hasNext()) {
                    String name = json.nextName();
                    if (name.equals("skipped")) {
                        readEach(json, "source", value -> skipped.add(Path.of(value)));
                    } else if (name.equals("roots")) {
                        readEach(json, "class", roots::add);
                    } else {
                        json.skipValue();
                    }
                }
            }
            return new Report(skipped, roots);
        }

        /** The string under {@code key} of each object of an array. */
        private static void readEach(JsonReader json, String key, Consumer<String> value) throws IOException {
            json.beginArray();
            while (json.hasNext()) {
                json.beginObject();
                while (json.hasNext()) {
                    if (json.nextName().equals(key)) {
                        value.accept(json.nextString());
                    } else {
                        json.skipValue();
                    }
                }
                json.endObject();
            }
            json.endArray();
        }
    }

    /**
     * @param batch how many mutants (of as many different originals) one run analyses together: the JDK
     *              code they reach is read once. A run that fails is repeated one mutant at a time, to
     *              name the one that fails.
     */
    ClassFuzz(List<Original> originals, long seed, long timeoutMillis, int batch, Path work, Path reproducers) {
        this.originals = originals;
        this.seed = seed;
        this.timeoutMillis = timeoutMillis;
        this.batch = batch;
        this.work = work;
        this.reproducers = reproducers;
    }

    /** Runs mutants {@code from} to {@code to - 1}; each is a function of the seed and its index. */
    void run(int from, int to, PrintWriter progress) throws IOException {
        this.progress = progress;
        for (int b = from; b < to; b += batch) {
            int before = tried;
            runTogether(cases(b, Math.min(to, b + batch)));
            if (progress != null && tried / 1000 != before / 1000) {
                progress.println(tried + " mutants: " + outcomes + ", " + failures.size() + " failures");
                progress.flush();
            }
        }
    }

    /**
     * Writes the inputs of the runs that start at {@code from}, {@code from + batch}, ... below {@code to}
     * without running them, each in {@code dir/run-<first mutant>}: a run of a long fuzz reproduced by number.
     */
    void export(int from, int to, Path dir) throws IOException {
        for (int b = from; b < to; b += batch) {
            save(dir, cases(b, Math.min(to, b + batch)), "run-" + b);
        }
    }

    /** The mutants of one run, each of another original (two files declaring one class would shadow each other). */
    private List<Case> cases(int from, int to) {
        Set<String> used = new HashSet<>();
        List<Case> cases = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Random random = new Random(seed * 1_000_003L + i);
            int k = random.nextInt(originals.size());
            while (!used.add(originals.get(k).name())) {
                k = (k + 1) % originals.size();
            }
            Original original = originals.get(k);
            cases.add(new Case(i, original, ClassMutants.mutate(original.bytes(), random)));
        }
        return cases;
    }

    Map<String, Integer> outcomes() {
        return outcomes;
    }

    List<Failure> failures() {
        return failures;
    }

    int tried() {
        return tried;
    }

    /** Keeps the input of every run whose first mutant's index is a multiple of {@code n}, for a spot check. */
    ClassFuzz sampleEvery(int n) {
        this.sampleEvery = n;
        return this;
    }

    private void runTogether(List<Case> cases) throws IOException {
        Path input = work.resolve("input");
        if (sampleEvery > 0 && cases.get(0).index() % sampleEvery == 0) {
            save(work.resolve("sample"), cases, "run-" + cases.get(0).index());
        }
        Run run = execute(cases, input);
        if (run.failure() != null) {
            if (cases.size() == 1) {
                count(fail(cases.get(0), run.failure()));
                return;
            }
            int explained = failures.size() + refused();
            for (Case c : cases) {
                runTogether(List.of(c));
            }
            if (failures.size() + refused() == explained) { // only together: keep them all
                failed(new Failure(cases.get(0).index(), run.failure() + " (only together with " + cases.size()
                        + " mutants)", "several", "several", save(reproducers, cases, "run-" + cases.get(0).index())));
            }
            return;
        }
        for (Case c : cases) {
            count(classify(c, input.resolve(c.original().name()), run));
        }
    }

    private int refused() {
        return outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("refused"))
                .mapToInt(Map.Entry::getValue).sum();
    }

    private void count(String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
        tried++;
    }

    private Run execute(List<Case> cases, Path input) throws IOException {
        deleteTree(input);
        for (Case c : cases) {
            Path file = input.resolve(c.original().name());
            Files.createDirectories(file.getParent());
            Files.write(file, c.mutant().bytes());
        }
        Files.write(input.resolve("Anchor.class"), ANCHOR); // so that '**#*' always matches: no exit 2 for that
        Path report = work.resolve("report.json");
        Files.deleteIfExists(report);
        String[] args = {"check", "--root", "**#*", "--allow-no-roots", "--format", "json", "-o", report.toString(),
                input.toString()};
        Future<CliRun> future = runner.submit(() -> CliRun.of(args));
        CliRun result;
        try {
            result = future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stopHungAnalysis();
            return new Run(null, null, "hang (over " + timeoutMillis + " ms)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Run(null, null, "crash: " + cause + " at " + topFrame(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (result.exitCode() == ExitCodes.INTERNAL) {
            return new Run(result, null, "crash (exit 4): " + firstLine(result.err()));
        }
        if (result.exitCode() == ExitCodes.USAGE || result.exitCode() == ExitCodes.INPUT) {
            boolean oneLine = result.errLines().stream().filter(l -> !l.startsWith("headroom: warning: ")).count() == 1
                    && !result.err().contains("\tat ");
            return new Run(result, null, oneLine && cases.size() == 1 ? null
                    : "exit " + result.exitCode() + (oneLine ? "" : " without a one-line error") + ": " + result.err());
        }
        if (!Files.exists(report)) {
            return new Run(result, null, "exit " + result.exitCode() + " and no report");
        }
        return new Run(result, Report.read(report), null);
    }

    private String classify(Case c, Path file, Run run) throws IOException {
        if (run.report() == null) {
            return "refused (exit " + run.cli().exitCode() + ")";
        }
        if (run.report().skipped().contains(file)) {
            return "skipped and named";
        }
        if (run.cli().err().contains(file.toString())) {
            return "skipped and named"; // a second file declaring one class: named in a warning
        }
        String expected = classWithRoots(c.mutant().bytes());
        if (expected != null) {
            boolean rooted = run.report().rootClasses().contains(expected);
            if (!rooted) {
                return fail(c, "neither analysed (no root in " + expected + ") nor named as skipped");
            }
        }
        return "analysed";
    }

    /**
     * The binary name of the class when ASM reads it and {@code '**#*'} would take one of its methods as a
     * root; else null.
     */
    private static String classWithRoots(byte[] bytes) {
        try {
            ClassNode node = new ClassNode(Opcodes.ASM9);
            new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
            for (MethodNode m : node.methods) {
                int noRoot = Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE;
                if ((m.access & noRoot) == 0 && m.name != null && !m.name.startsWith("<") && node.name != null) {
                    return node.name.replace('/', '.');
                }
            }
            return null;
        } catch (RuntimeException e) {
            return null; // unreadable to ASM: Headroom must have named it, which the caller checked first
        }
    }

    /** {@code fuzz.Anchor}: one static method that returns, a root for {@code '**#*'} in every run. */
    private static final byte[] ANCHOR = anchor();

    private static byte[] anchor() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "fuzz/Anchor", null, "java/lang/Object", null);
        MethodVisitor m = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "tick", "()V", null, null);
        m.visitCode();
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private String fail(Case c, String what) throws IOException {
        Path reproducer = save(reproducers, List.of(c), "mutant-" + c.index());
        failed(new Failure(c.index(), what, c.original().name(), c.mutant().kind() + ": " + c.mutant().detail(),
                reproducer));
        return what.startsWith("hang") ? "hang" : what.startsWith("crash") ? "crash" : "unnamed or bad exit";
    }

    private void failed(Failure f) {
        failures.add(f);
        if (progress != null) {
            progress.println("FAILURE " + f);
        }
    }

    /** The mutants' files in a directory of their own under {@code base}, as the run read them. */
    private static Path save(Path base, List<Case> cases, String name) throws IOException {
        if (base == null) {
            return null;
        }
        Path dir = base.resolve(name);
        for (Case c : cases) {
            Path file = dir.resolve(c.original().name());
            Files.createDirectories(file.getParent());
            Files.write(file, c.mutant().bytes());
        }
        Files.write(dir.resolve("Anchor.class"), ANCHOR);
        return dir;
    }

    /**
     * A hung analysis runs on in its own thread: it is stopped, as nothing else ends a loop that does not
     * look at interrupts (a fuzz harness may; Headroom itself never does this).
     */
    @SuppressWarnings({"deprecation", "removal"})
    private void stopHungAnalysis() {
        runner.shutdownNow();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("headroom-analysis") || t.getName().equals("headroom-fuzz")) {
                t.stop();
            }
        }
        runner = Executors.newSingleThreadExecutor(ClassFuzz::daemon);
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "headroom-fuzz");
        t.setDaemon(true);
        return t;
    }

    private static String topFrame(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length == 0 ? "?" : trace[0].toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The class files of the running JDK's packages with these prefixes ({@code java/util/}), in name order. */
    static List<Original> jdkClasses(List<String> packagePrefixes) throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Path modules = jrt.getPath("/modules");
        List<Original> found = new ArrayList<>();
        try (Stream<Path> all = Files.walk(modules)) {
            for (Path p : all.filter(ClassFuzz::isClassFile).sorted().toList()) {
                String name = p.subpath(2, p.getNameCount()).toString();
                if (packagePrefixes.stream().anyMatch(name::startsWith)) {
                    found.add(new Original(name, Files.readAllBytes(p)));
                }
            }
        }
        return found;
    }

    /** The class files of a jar, in entry order. */
    static List<Original> jarClasses(Path jar) throws IOException {
        List<Original> found = new ArrayList<>();
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            try (Stream<Path> all = Files.walk(zip.getPath("/"))) {
                for (Path p : all.filter(ClassFuzz::isClassFile).sorted().toList()) {
                    String name = p.toString().substring(1);
                    if (!name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                        found.add(new Original(name, Files.readAllBytes(p)));
                    }
                }
            }
        }
        return found;
    }

    private static boolean isClassFile(Path p) {
        return p.toString().endsWith(".class") && !p.endsWith("module-info.class");
    }

    /**
     * {@code ClassFuzz <count> <seed> <timeout-ms> <batch> <work-dir> [jar...]}: mutants of the JDK's
     * {@code java.util} and {@code java.lang} classes and of the jars' classes; prints the outcome counts
     * and every failure, and exits 1 when there was one. System properties: {@code fuzz.jdk}, other JDK
     * package prefixes (comma-separated; empty for none); {@code fuzz.sampleEvery=n}, keep the inputs of
     * every run that starts at a multiple of n; {@code fuzz.export=first,step}, run nothing but write the
     * inputs of the runs at first, first + step, ..., to reproduce runs of an earlier fuzz by number.
     */
    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        long timeout = Long.parseLong(args[2]);
        int batch = Integer.parseInt(args[3]);
        Path work = Path.of(args[4]);
        String jdk = System.getProperty("fuzz.jdk", "java/util/,java/lang/");
        List<Original> originals = new ArrayList<>(jdk.isEmpty() ? List.of() : jdkClasses(List.of(jdk.split(","))));
        for (int k = 5; k < args.length; k++) {
            originals.addAll(jarClasses(Path.of(args[k])));
        }
        PrintWriter out = new PrintWriter(System.out, true);
        out.println("originals: " + originals.size() + " class files; seed " + seed + "; " + count + " mutants");
        ClassFuzz fuzz = new ClassFuzz(originals, seed, timeout, batch, work, work.resolve("reproducers"))
                .sampleEvery(Integer.getInteger("fuzz.sampleEvery", 0));
        String export = System.getProperty("fuzz.export");
        if (export != null) { // first,step: write the inputs of every step-th run from the first, run nothing
            int first = Integer.parseInt(export.split(",")[0]);
            int step = Integer.parseInt(export.split(",")[1]);
            for (int b = first; b < count; b += step) {
                fuzz.export(b, b + batch, work.resolve("export"));
            }
            return;
        }
        long start = System.nanoTime();
        fuzz.run(Integer.getInteger("fuzz.from", 0), count, out); // fuzz.from: go on where a fuzz stopped
        out.println("tried " + fuzz.tried() + " mutants in " + (System.nanoTime() - start) / 1_000_000_000 + " s: "
                + fuzz.outcomes() + ", " + fuzz.failures().size() + " failures");
        System.exit(fuzz.failures().isEmpty() ? 0 : 1);
    }
}
