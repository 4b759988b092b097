package dev.headroom.core.callgraph;

import dev.headroom.core.CacheDirectory;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.CodeDigest;
import dev.headroom.core.classpath.LoadedClass;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32C;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.analysis.Analyzer;

/**
 * The JDK's methods scanned once per JDK instead of once per run (issue 15): for each method of {@code java.base}
 * that a run reaches, its {@link MethodFacts} and what its scan does to the flow (a {@link FlowLog}), kept in a file
 * of the cache directory for the next runs on the same JDK with the same Headroom.
 *
 * <p>What is kept depends on the method's code only: the file is named for the JDK its class files come from (home,
 * release file, image of modules) and for the code that scans them (a digest of this package, the class-file reading
 * and ASM), and its header names both in full. Only {@code java.base}'s classes read from the JDK are kept: {@code -ea} never turns
 * their assertions on, so their facts are the same in every run. A class of a {@code java.base} package read from
 * anywhere else (an input, a library) may change what the JDK's code refers to: such a run uses no entry
 * ({@link #in} gives none when an input does; {@link #usedWhileShadowed} says when a library did, and the run
 * builds its graph again without the cache).
 *
 * <p>The file is read whole and checked by a checksum: one that cannot be read, or does not check, counts as empty;
 * one that cannot be written leaves the run without a cache. It is replaced whole (written beside it, then moved
 * over it), so runs at once each see a complete file; an update one of them makes may be lost, never mixed. It
 * keeps at most {@link #MOST_ENTRIES}: this run's first, then the others as they were.
 */
public final class JdkScans {
    static final String FILE_PREFIX = "jdk-scans-";
    static final int MOST_ENTRIES = 200_000;
    private static final String FORMAT = "headroom-jdk-scans 1";
    private static final JdkScans NONE = new JdkScans(null, null, null, null);

    private final Path file;
    /** The format, the code's digest and the JDK's identity: a file that begins otherwise is not read. */
    private final String header;
    private final UnaryOperator<String> pool;
    private final ClassRepository classes;
    private Stored stored;
    /** This run's entries, in the order first used: read from the file, or scanned in this run. */
    private final Map<MethodRef, Entry> used = new LinkedHashMap<>();
    private boolean added;
    private int readCount;
    private int scannedCount;

    /**
     * A method's entry; {@code stored} is its place in the file read ({@link #stored}), -1 when this run scanned (some
     * of) it.
     */
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

    /** The file's entries: sorted by the hash of their method, each at an offset of {@link #bytes}. */
    private record Stored(byte[] bytes, long[] hashes, int[] offsets, int[] lengths) {
        static final Stored EMPTY = new Stored(new byte[0], new long[0], new int[0], new int[0]);
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
     * the code cannot be named, or an input holds a class of a {@code java.base} package.
     */
    public static JdkScans in(Path directory, ClassRepository classes) {
        String identity = classes.jdkIdentity();
        String code = CodeDigest.ofPackages(JdkScans.class, LoadedClass.class, ClassReader.class, ClassNode.class,
                Analyzer.class);
        if (identity == null || code == null || classes.javaBaseShadowed()) {
            return NONE;
        }
        // Named for both, so that two versions of Headroom on one machine (a plugin and a command line) keep a file each.
        String name = FILE_PREFIX + HexFormat.of().formatHex(CodeDigest.sha256().digest(
                (code + '\n' + identity).getBytes(StandardCharsets.UTF_8)), 0, 8) + ".bin";
        return new JdkScans(directory.resolve(name), FORMAT + '\n' + code + '\n' + identity, classes::pooled, classes);
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

    /**
     * True when an entry was read although a library's class of a {@code java.base} package was read in the same
     * run: the graph must be built again without the cache (and nothing is saved).
     */
    public boolean usedWhileShadowed() {
        return file != null && readCount > 0 && classes.javaBaseShadowed();
    }

    private Entry read(MethodRef ref) {
        if (stored == null) {
            stored = load(file, header);
        }
        long hash = hash(ref);
        int i = Arrays.binarySearch(stored.hashes(), hash);
        if (i < 0) {
            return null;
        }
        while (i > 0 && stored.hashes()[i - 1] == hash) {
            i--;
        }
        for (; i < stored.hashes().length && stored.hashes()[i] == hash; i++) {
            try {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored.bytes(), stored.offsets()[i],
                        stored.lengths()[i]));
                if (!in.readUTF().equals(ref.owner()) || !in.readUTF().equals(ref.name())
                        || !in.readUTF().equals(ref.descriptor())) {
                    continue;
                }
                MethodFacts facts = MethodFactsCodec.read(in, pool);
                FlowLog log = in.readBoolean() ? FlowLog.readFrom(in, pool) : null;
                return new Entry(facts, log, i);
            } catch (IOException | RuntimeException e) {
                return null; // checked by the file's checksum, so written by other code: scan the method instead
            }
        }
        return null;
    }

    /** A 64-bit FNV-1a hash of the method's owner, name and descriptor: the same in every run. */
    private static long hash(MethodRef ref) {
        long h = 0xcbf29ce484222325L;
        for (String part : new String[] {ref.owner(), ".", ref.name(), ref.descriptor()}) {
            for (int k = 0; k < part.length(); k++) {
                h = (h ^ part.charAt(k)) * 0x100000001b3L;
            }
        }
        return h;
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
            stored = null;
        }
    }

    private void write() {
        if (file == null || !added || usedWhileShadowed()) {
            return;
        }
        try {
            List<byte[]> entries = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (Map.Entry<MethodRef, Entry> e : used.entrySet()) {
                keys.add(key(e.getKey()));
                int at = e.getValue().stored;
                entries.add(at >= 0 ? Arrays.copyOfRange(stored.bytes(), stored.offsets()[at],
                        stored.offsets()[at] + stored.lengths()[at]) : encode(e.getKey(), e.getValue()));
            }
            Stored now = load(file, header); // with what runs since this one started added
            for (int i = 0; i < now.offsets().length && entries.size() < MOST_ENTRIES; i++) {
                byte[] bytes = Arrays.copyOfRange(now.bytes(), now.offsets()[i], now.offsets()[i] + now.lengths()[i]);
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
                if (keys.add(in.readUTF() + '.' + in.readUTF() + in.readUTF())) {
                    entries.add(bytes);
                }
            }
            CacheDirectory.replace(file, encodeFile(header, entries.subList(0, Math.min(entries.size(), MOST_ENTRIES))));
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // no cache this time; the next run scans again
        }
    }

    private static String key(MethodRef ref) {
        return ref.owner() + '.' + ref.name() + ref.descriptor();
    }

    private static byte[] encode(MethodRef ref, Entry entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF(ref.owner());
        out.writeUTF(ref.name());
        out.writeUTF(ref.descriptor());
        MethodFactsCodec.write(out, entry.facts);
        out.writeBoolean(entry.log != null);
        if (entry.log != null) {
            entry.log.writeTo(out);
        }
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * The file: its header; the checksum of the rest; the entry count; the index (each entry's hash, offset and
     * length, by hash); the entries.
     */
    private static byte[] encodeFile(String header, List<byte[]> entries) throws IOException {
        long[] hashes = new long[entries.size()];
        Integer[] order = new Integer[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(entries.get(i)));
            hashes[i] = hash(new MethodRef(in.readUTF(), in.readUTF(), in.readUTF()));
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> hashes[a] != hashes[b] ? Long.compare(hashes[a], hashes[b]) : Integer.compare(a, b));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        out.writeInt(entries.size());
        int offset = 0;
        for (int i : order) {
            out.writeLong(hashes[i]);
            out.writeInt(offset);
            out.writeInt(entries.get(i).length);
            offset += entries.get(i).length;
        }
        for (int i : order) {
            out.write(entries.get(i));
        }
        out.flush();
        byte[] rest = body.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(rest);
        ByteArrayOutputStream file = new ByteArrayOutputStream(rest.length + header.length() + 16);
        DataOutputStream head = new DataOutputStream(file);
        head.writeUTF(header);
        head.writeLong(crc.getValue());
        head.write(rest);
        head.flush();
        return file.toByteArray();
    }

    /** The file's entries; empty when it is absent, unreadable, written by other code or for another JDK, or damaged. */
    private static Stored load(Path file, String header) {
        try {
            if (!Files.isRegularFile(file)) {
                return Stored.EMPTY;
            }
            byte[] bytes = Files.readAllBytes(file);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (!in.readUTF().equals(header)) {
                return Stored.EMPTY;
            }
            long checksum = in.readLong();
            int start = bytes.length - in.available();
            CRC32C crc = new CRC32C();
            crc.update(ByteBuffer.wrap(bytes, start, bytes.length - start));
            if (crc.getValue() != checksum) {
                return Stored.EMPTY;
            }
            int count = in.readInt();
            long[] hashes = new long[count];
            int[] offsets = new int[count];
            int[] lengths = new int[count];
            for (int i = 0; i < count; i++) {
                hashes[i] = in.readLong();
                offsets[i] = in.readInt();
                lengths[i] = in.readInt();
            }
            int base = bytes.length - in.available();
            for (int i = 0; i < count; i++) {
                offsets[i] += base;
                if (offsets[i] + lengths[i] > bytes.length || lengths[i] < 0) {
                    return Stored.EMPTY;
                }
            }
            return new Stored(bytes, hashes, offsets, lengths);
        } catch (IOException | RuntimeException e) { // a damaged file can fail any read; SecurityException included
            return Stored.EMPTY;
        }
    }

    /** For tests: the file this cache reads and writes (null for none). */
    Path file() {
        return file;
    }
}
