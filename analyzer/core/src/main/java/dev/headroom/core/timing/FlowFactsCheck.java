package dev.headroom.core.timing;

import dev.headroom.core.ConfigurationException;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.classpath.ClassRepository;
import dev.headroom.core.classpath.LoadedClass;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.tree.MethodNode;

/**
 * Checks that every loop, block and exclusion entry of a flow-facts file names something in the classes
 * analysed: the method exists, and it has a loop header at that line or instruction, or code on that line. A
 * fact that matches nothing is almost always stale (the code moved), and it would be silently bounding nothing.
 * Costs are not checked here: a cost of a method that does not exist changes nothing either, but names a method
 * by its signature alone, as {@code @AssumeCost} rule packs do for code that may be absent.
 */
public final class FlowFactsCheck {
    /** The entry part of a fact's origin ({@code facts.json loops entry 2}). */
    private static final Pattern ENTRY = Pattern.compile("(loops|blocks|exclusive) entry \\d+$");

    private FlowFactsCheck() {
    }

    /** @throws ConfigurationException naming the file and the first entry that matches nothing */
    public static void check(FlowFacts facts, Path file, ClassRepository classes) {
        check(facts, FlowFacts.prefix(file), classes);
    }

    /** @param prefix how messages about the file start ({@link FlowFacts#prefix}) */
    public static void check(FlowFacts facts, String prefix, ClassRepository classes) {
        for (FlowFacts.Named entry : facts.named()) {
            String problem = problem(entry, classes);
            if (problem != null) {
                Matcher m = ENTRY.matcher(entry.origin());
                String what = m.find() ? m.group() : entry.origin();
                throw new ConfigurationException(prefix + what + " (" + entry.method() + "): " + problem);
            }
        }
    }

    /** Why the entry matches nothing, or null when it matches. */
    private static String problem(FlowFacts.Named entry, ClassRepository classes) {
        MethodRef ref = entry.method();
        Optional<LoadedClass> owner = classes.find(ref.owner());
        if (owner.isEmpty()) {
            return "matches nothing: no class " + ref.owner().replace('/', '.') + " among the inputs, the classpath and the JDK";
        }
        MethodNode method = null;
        for (MethodNode m : owner.get().node().methods) {
            if (m.name.equals(ref.name()) && m.desc.equals(ref.descriptor())) {
                method = m;
                break;
            }
        }
        if (method == null) {
            return "matches nothing: the class declares no such method";
        }
        if (method.instructions.size() == 0) {
            return "matches nothing: the method has no code (abstract or native)";
        }
        ControlFlow cfg;
        try {
            cfg = ControlFlow.of(method);
        } catch (ControlFlow.UnsupportedFlowException e) {
            return "the method uses " + e.getMessage() + ", which the timing analysis does not model";
        }
        switch (entry.kind()) {
            case LOOP -> {
                for (ControlFlow.Loop loop : cfg.loops) {
                    if (entry.byHeader() ? cfg.headerIndex(loop.header) == entry.at() : cfg.line(loop.header) == entry.at()) {
                        return null;
                    }
                }
                return "matches nothing: no loop of the method has its header "
                        + (entry.byHeader() ? "at instruction " : "on line ") + entry.at();
            }
            case BLOCK -> {
                return cfg.blocksOnLine(entry.at()).isEmpty() ? noCode(entry.at()) : null;
            }
            default -> {
                for (int line : new int[] {entry.at(), entry.secondLine()}) {
                    if (cfg.blocksOnLine(line).isEmpty()) {
                        return noCode(line);
                    }
                }
                return null;
            }
        }
    }

    private static String noCode(int line) {
        return "matches nothing: the method has no reachable code on line " + line;
    }
}
