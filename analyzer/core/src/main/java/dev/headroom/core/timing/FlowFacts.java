package dev.headroom.core.timing;

import dev.headroom.core.ConfigurationException;
import dev.headroom.core.callgraph.MethodRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loop bounds, flow constraints and cost assumptions for code that cannot carry annotations (third-party
 * and JDK code), read from a flow-facts JSON file ({@code --flow-facts}). The format is documented in
 * {@code rules/src/main/resources/dev/headroom/rules/cost-models/flow-facts.md}:
 *
 * <pre>{@code
 * {
 *   "version": 2,
 *   "description": "free text",
 *   "loops": [
 *     {"class": "com.acme.Codec", "method": "decode", "descriptor": "([B)I", "line": 42, "bound": 64,
 *      "reason": "a frame holds at most 64 fields"},
 *     {"class": "com.acme.Codec", "method": "scan", "descriptor": "()V", "header": 17, "total": 49,
 *      "reason": "..."}
 *   ],
 *   "blocks": [
 *     {"class": "com.acme.Codec", "method": "scan", "descriptor": "()V", "line": 55, "count": 1, "reason": "..."}
 *   ],
 *   "exclusive": [
 *     {"class": "com.acme.Codec", "method": "scan", "descriptor": "()V", "lines": [57, 63], "reason": "..."}
 *   ],
 *   "costs": [
 *     {"class": "com.acme.Hw", "method": "read", "descriptor": "(I)I", "cycles": 120, "reason": "..."}
 *   ]
 * }
 * }</pre>
 *
 * <p>A loop is named by its method and either {@code line}, the source line of the loop header's first
 * instruction (every loop of the method whose header is on that line), or {@code header}, the index of
 * the loop header's first instruction among the method's instructions (counting from 0, as the
 * {@code unbounded-loop} finding quotes it). {@code bound} is the largest number of iterations per entry
 * of the loop, {@code total} the largest number over one call of its method. A {@code blocks} entry says
 * the code on a line runs at most {@code count} times per call, an {@code exclusive} entry that the code
 * on two lines does not both run in one call. A {@code costs} entry is trusted like {@code @AssumeCost}.
 * Version 1 (no {@code "version"}) has only {@code bound} and {@code costs}.
 *
 * <p>This class only reads the facts; that each entry matches something in the analysed code, and that
 * the facts can all hold, is checked where they are used ({@link #named()} lists every entry for that).
 */
public final class FlowFacts {
    private static final FlowFacts NONE = new FlowFacts(Map.of(), Map.of(), Map.of(), Map.of(), List.of(), Map.of());

    /** A declared fact with where it was declared, e.g. {@code facts.json loops entry 2}. */
    public record Fact(long value, String origin) {
    }

    /** A {@code blocks} entry: the code on {@code line} runs at most {@code count} times per call. */
    public record BlockCount(int line, long count, String origin) {
    }

    /** An {@code exclusive} entry: in one call, the code on these two lines (as written) does not both run. */
    public record Exclusion(int firstLine, int secondLine, String origin) {
    }

    /** Which list of the file an entry is in. */
    public enum Kind { LOOP, BLOCK, EXCLUSIVE }

    /**
     * An entry of {@code loops}, {@code blocks} or {@code exclusive}, for the check that each matches
     * something. {@code at} is a loop's header instruction index when {@code byHeader}, else the source line
     * of a loop's header, of a block, or of an exclusion's first line; {@code secondLine} is an exclusion's
     * second line, 0 for loops and blocks.
     */
    public record Named(MethodRef method, String origin, Kind kind, boolean byHeader, int at, int secondLine) {
    }

    /** How a loop is named: {@code at} is the header's instruction index when {@code byHeader}, else its line. */
    record LoopKey(MethodRef method, boolean byHeader, int at) {
    }

    private final Map<LoopKey, Fact> bounds;
    private final Map<LoopKey, Fact> totals;
    private final Map<MethodRef, List<BlockCount>> blocks;
    private final Map<MethodRef, List<Exclusion>> exclusions;
    private final List<Named> named;
    private final Map<MethodRef, Fact> costs;

    /** The maps' lists are in file order; the maps are copied, keeping their order. */
    FlowFacts(Map<LoopKey, Fact> bounds, Map<LoopKey, Fact> totals, Map<MethodRef, List<BlockCount>> blocks,
            Map<MethodRef, List<Exclusion>> exclusions, List<Named> named, Map<MethodRef, Fact> costs) {
        this.bounds = copy(bounds);
        this.totals = copy(totals);
        this.blocks = copyLists(blocks);
        this.exclusions = copyLists(exclusions);
        this.named = List.copyOf(named);
        this.costs = copy(costs);
    }

    private static <K, V> Map<K, V> copy(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static <K, V> Map<K, List<V>> copyLists(Map<K, List<V>> map) {
        Map<K, List<V>> copy = new LinkedHashMap<>();
        map.forEach((key, list) -> copy.put(key, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }

    /** No facts. */
    public static FlowFacts none() {
        return NONE;
    }

    /**
     * @throws ConfigurationException naming the file and entry when the file is missing or malformed
     */
    public static FlowFacts load(Path file) {
        String prefix = prefix(file);
        try (InputStream in = Files.newInputStream(file)) {
            String shortName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            return FlowFactsParser.parse(in, shortName, prefix);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(prefix + "no such file");
        } catch (IOException e) {
            throw new ConfigurationException(prefix + "cannot read: " + e.getMessage(), e);
        }
    }

    /** How messages about the file start: {@code flow facts facts.json: }. */
    public static String prefix(Path file) {
        return "flow facts " + file + ": ";
    }

    /**
     * The declared bound (iterations per entry) of the loop with this header (instruction index and source
     * line, 0 when none): the entry naming its header first, then the one naming its line. An entry with
     * only a {@code total} gives no bound.
     */
    public Optional<Fact> loopBound(MethodRef method, int headerIndex, int line) {
        return loopFact(bounds, method, headerIndex, line);
    }

    /**
     * The declared total iterations of the loop with this header over one call of its method, summed over
     * its entries; looked up as {@link #loopBound}.
     */
    public Optional<Fact> loopTotal(MethodRef method, int headerIndex, int line) {
        return loopFact(totals, method, headerIndex, line);
    }

    private static Optional<Fact> loopFact(Map<LoopKey, Fact> facts, MethodRef method, int headerIndex, int line) {
        Fact byHeader = facts.get(new LoopKey(method, true, headerIndex));
        if (byHeader != null) {
            return Optional.of(byHeader);
        }
        return line > 0 ? Optional.ofNullable(facts.get(new LoopKey(method, false, line))) : Optional.empty();
    }

    /** The method's {@code blocks} entries, in file order; empty when none. */
    public List<BlockCount> blockCounts(MethodRef method) {
        return blocks.getOrDefault(method, List.of());
    }

    /** The method's {@code exclusive} entries, in file order; empty when none. */
    public List<Exclusion> exclusions(MethodRef method) {
        return exclusions.getOrDefault(method, List.of());
    }

    /** Every {@code loops}, {@code blocks} and {@code exclusive} entry, in that order and in file order within each. */
    public List<Named> named() {
        return named;
    }

    /** The declared cost of one call of the method. */
    public Optional<Fact> methodCost(MethodRef method) {
        return Optional.ofNullable(costs.get(method));
    }

    /** No loop, block, exclusion or cost: a file {@code {}} or with empty lists. */
    public boolean isEmpty() {
        return named.isEmpty() && costs.isEmpty();
    }
}
