package dev.headroom.core.callgraph;

import dev.headroom.core.CacheDirectory;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.CodeDigest;
import dev.headroom.core.classpath.LoadedClass;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.analysis.Analyzer;

/**
 * The JDK's methods scanned once per JDK instead of once per run (issue 15): for each method of {@code java.base}
 * that a run reaches, its {@link MethodFacts} and what its scan does to the flow (a {@link FlowLog}), kept in a file
 * of the cache directory for the next runs on the same JDK with the same Headroom.
 *
 * <p>What is kept depends on the method's code only: the file is named for the JDK its class files come from (home,
 * release file, image of modules) and for the code that scans them (a digest of this package, the class-file
 * reading and ASM), and its header names both in full. Only {@code java.base}'s classes read from the JDK are kept:
 * {@code -ea} never turns their assertions on, so their facts are the same in every run. A class of a
 * {@code java.base} package read from anywhere else (an input, a library) may change what the JDK's code refers to:
 * such a run uses no entry ({@link #in} gives none when an input does; {@link #usedWhileShadowed} says when a library
 * did, and the run builds its graph again without the cache).
 *
 * <p>The first run on a machine with a JDK and build keeps only a mark that it ran ({@link #seenBefore}); the
 * second writes the file, and the later ones read it.
 *
 * <p>The file ({@link JdkScanFile}) is read by entry, each checked by its checksum: a file that cannot be read counts
 * as empty, an entry that does not check as absent, and a file that cannot be written leaves the run without a
 * cache. It is replaced whole (written beside it, then moved over it), so runs at once each see a complete file; an
 * update one of them makes may be lost, never mixed. It keeps at most {@link #MOST_ENTRIES} entries and
 * {@link #MOST_BYTES}: this run's first, then the others as they were.
 */
public final class JdkScans {
    static final String FILE_PREFIX = "jdk-scans-";
    static final int MOST_ENTRIES = 100_000;
    /** At most this many bytes of entries: what a save holds in memory at once is bounded. */
    static final long MOST_BYTES = 48L << 20;
    private static final String FORMAT = "headroom-jdk-scans 2";
    private static final JdkScans NONE = new JdkScans(null, null, null, null);

    private final Path file;
    /** The format, the code's digest and the JDK's identity: a file that begins otherwise is not read. */
    private final String header;
    private final UnaryOperator<String> pool;
    private final ClassRepository classes;
    /** The file as this run opened it; null until the first method is looked up. */
    private JdkScanFile stored;
    /** This run's entries, in the order first used: read from the file, or scanned in this run. */
    private final Map<MethodRef, Entry> used = new LinkedHashMap<>();
    private boolean added;
    private int readCount;
    private int scannedCount;
    private int loggedCount;

    /** A method's entry; {@code stored} is its number in the file, -1 when this run scanned (some of) it. */
    private static final class Entry {
        final MethodFacts facts;
        FlowLog log;
        int stored;

        Entry(MethodFacts facts, FlowLog log, int stored) {
            this.facts = facts;
            this.log = log;
            this.stored = stored;
        }
    }

    private JdkScans(Path file, String header, UnaryOperator<String> pool, ClassRepository classes) {
        this.file = file;
        this.header = header;
        this.pool = pool;
        this.classes = classes;
    }

    /** No cache: every method is scanned. */
    public static JdkScans none() {
        return NONE;
    }

    /**
     * The cache of the JDK that {@code classes} reads, in {@code directory} (made when needed); none when the JDK or
     * the code cannot be named, or an input holds a class of a {@code java.base} package. When the file holds entries,
     * {@code classes} reads {@code java.base}'s code from now on only where it is asked for: most of it is known from
     * the cache ({@link ClassRepository#readJavaBaseCodeOnDemand()}).
     */
    public static JdkScans in(Path directory, ClassRepository classes) {
        String identity = classes.jdkIdentity();
        // The code that scans and reads the JDK's methods: this package, the class path's, ASM.
        String code = CodeDigest.ofPackages(JdkScans.class, LoadedClass.class, ClassReader.class, ClassNode.class,
                Analyzer.class);
        if (identity == null || code == null || classes.javaBaseShadowed()) {
            return NONE;
        }
        // Named for both, so that two versions of Headroom on one machine (a plugin and a command line) keep a file each.
        String name = FILE_PREFIX + HexFormat.of().formatHex(CodeDigest.sha256().digest(
                (code + '\n' + identity).getBytes(StandardCharsets.UTF_8)), 0, 8);
        Path file = directory.resolve(name + ".bin");
        if (!Files.exists(file) && !seenBefore(directory.resolve(name + ".seen"))) {
            return NONE;
        }
        JdkScans scans = new JdkScans(file, FORMAT + '\n' + code + '\n' + identity, classes::pooled, classes);
        if (scans.holdsEntries()) {
            classes.readJavaBaseCodeOnDemand();
        }
        return scans;
    }

    /**
     * Whether a run on this JDK with this build was seen here before; marks it seen if not. The first run writes no
     * scans, only this mark (as the launcher does for its class-data archive): a one-off run, such as a fresh CI
     * container's, pays nothing for a cache no later run would read; the second run writes it, the later ones read it.
     */
    private static boolean seenBefore(Path mark) {
        if (Files.exists(mark)) {
            return true;
        }
        try {
            Files.createDirectories(mark.getParent());
            Files.write(mark, new byte[0]);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // an unwritable directory: no cache, this run or later
        }
        return false;
    }

    /**
     * Whether the file holds entries for this JDK and build: when it does not (the run that writes it), every
     * method is scanned, so its code is needed anyway.
     */
    private boolean holdsEntries() {
        return file != null && openStored().size() > 0;
    }

    private JdkScanFile openStored() {
        if (stored == null) {
            stored = JdkScanFile.open(file, header);
        }
        return stored;
    }

    /** Whether the method's facts and flow come from (and go to) the cache: a {@code java.base} class from the JDK. */
    boolean covers(LoadedClass owner) {
        return file != null && owner.system() && !owner.input();
    }

    /** The facts of a covered method: from this run, from the file, or scanned now. */
    MethodFacts facts(MethodRef ref, Supplier<MethodFacts> scan) {
        Entry entry = used.get(ref);
        if (entry == null) {
            entry = read(ref);
            if (entry == null) {
                entry = new Entry(scan.get(), null, -1);
                scannedCount++;
                added = true;
            } else {
                readCount++;
            }
            used.put(ref, entry);
        }
        return entry.facts;
    }

    /** The flow log of a covered method whose facts were asked for; null when it has none yet. */
    FlowLog log(MethodRef ref) {
        Entry entry = used.get(ref);
        return entry == null ? null : entry.log;
    }

    /** The flow log of a covered method scanned in this run. */
    void logged(MethodRef ref, FlowLog log) {
        Entry entry = used.get(ref);
        if (entry != null && entry.log == null) {
            entry.log = log;
            entry.stored = -1;
            loggedCount++;
            added = true;
        }
    }

    /** Methods whose entry came from the file, and methods scanned because it had none. */
    public int readCount() {
        return readCount;
    }

    public int scannedCount() {
        return scannedCount;
    }

    /** Flow logs recorded in this run (a method's scan of its flow, not read from the file). */
    public int loggedCount() {
        return loggedCount;
    }

    /**
     * True when an entry was read although a library's class of a {@code java.base} package was read in the same
     * run: the graph must be built again without the cache (and nothing is saved).
     */
    public boolean usedWhileShadowed() {
        return file != null && readCount > 0 && classes.javaBaseShadowed();
    }

    private Entry read(MethodRef ref) {
        JdkScanFile.Found found = openStored().find(ref);
        if (found == null) {
            return null;
        }
        try {
            DataInput in = found.content();
            MethodFacts facts = MethodFactsCodec.read(in, pool);
            FlowLog log = in.readBoolean() ? FlowLog.readFrom(in, pool) : null;
            return new Entry(facts, log, found.number());
        } catch (IOException | RuntimeException e) {
            return null; // it checks, so other code wrote it under the same digest: scan the method instead
        }
    }

    /**
     * Writes the file when this run scanned what it did not hold, then lets go of what it read: the cache is done
     * with. A directory or file that cannot be written only means no cache: the analysis does not depend on it.
     */
    public void save() {
        try {
            write();
        } finally {
            used.clear();
            close();
            stored = null;
        }
    }

    private void write() {
        // A run that read a library's class of a java.base package scanned the JDK's code in another world: keep none.
        if (file == null || !added || classes.javaBaseShadowed()) {
            return;
        }
        try {
            List<byte[]> entries = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            long size = 0;
            for (Map.Entry<MethodRef, Entry> e : used.entrySet()) {
                byte[] bytes = e.getValue().stored >= 0 ? stored.entry(e.getValue().stored) : null;
                bytes = bytes != null ? bytes : encode(e.getKey(), e.getValue());
                if (entries.size() == MOST_ENTRIES || size + bytes.length > MOST_BYTES) {
                    break;
                }
                entries.add(bytes);
                size += bytes.length;
                keys.add(JdkScanFile.key(e.getKey()));
            }
            try (JdkScanFile now = JdkScanFile.open(file, header)) { // with what runs since this one started added
                for (int i = 0; i < now.size() && entries.size() < MOST_ENTRIES; i++) {
                    byte[] bytes = now.entry(i);
                    if (bytes != null && size + bytes.length <= MOST_BYTES && keys.add(JdkScanFile.keyOf(bytes))) {
                        entries.add(bytes);
                        size += bytes.length;
                    }
                }
            }
            close(); // before the file is replaced, which an open file can prevent (Windows)
            CacheDirectory.replace(file, out -> JdkScanFile.write(out, header, entries));
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // no cache this time; the next run scans again
        }
    }

    /** Lets go of the file without writing it (after a build that failed). */
    public void close() {
        if (stored != null) {
            stored.close();
        }
    }

    /** An entry scanned in this run: its method, facts, and flow log if it has one. */
    private static byte[] encode(MethodRef ref, Entry entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        JdkScanFile.writeKey(out, ref);
        MethodFactsCodec.write(out, entry.facts);
        out.writeBoolean(entry.log != null);
        if (entry.log != null) {
            entry.log.writeTo(out);
        }
        out.flush();
        return bytes.toByteArray();
    }

    /** For tests: the file this cache reads and writes (null for none). */
    Path file() {
        return file;
    }
}
