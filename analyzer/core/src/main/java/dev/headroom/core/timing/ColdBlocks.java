package dev.headroom.core.timing;

import dev.headroom.core.callgraph.ColdCode;
import dev.headroom.core.callgraph.MethodRef;
import dev.headroom.core.model.JavaSignatures;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;

/**
 * The cold blocks of one method's control-flow graph, by the definition every rule shares
 * ({@link ColdCode}): a block is cold when all its instructions are. Also which blocks sit in a try range
 * whose handler recovers, and the throw sites a bound of normal runs leaves out. A block that the control
 * flow reaches but that never runs (the assert code of a system class) is dead: no run counts it, and it
 * is cold too for what only asks whether normal runs pass there.
 */
final class ColdBlocks {
    private final ControlFlow cfg;
    private final boolean[] cold;
    private final boolean[] dead;

    private ColdBlocks(ControlFlow cfg, boolean[] cold, boolean[] dead) {
        this.cfg = cfg;
        this.cold = cold;
        this.dead = dead;
    }

    /** @param code the method's cold map, as the call graph's scan computed it */
    static ColdBlocks of(ControlFlow cfg, ColdCode code) {
        boolean[] cold = new boolean[cfg.blockCount];
        boolean[] dead = new boolean[cfg.blockCount];
        for (int b = 0; b < cfg.blockCount; b++) {
            boolean allCold = cfg.reachable[b];
            boolean allDead = cfg.reachable[b] && cfg.firstInsn(b) >= 0;
            for (int i = cfg.blockStart[b]; i < cfg.blockEnd[b] && (allCold || allDead); i++) {
                boolean runs = code.isReachable(i);
                allDead &= !runs;
                allCold &= code.isCold(i) || !runs;
            }
            cold[b] = allCold;
            dead[b] = allDead;
        }
        return new ColdBlocks(cfg, cold, dead);
    }

    boolean isCold(int block) {
        return cold[block];
    }

    boolean isDead(int block) {
        return dead[block];
    }

    /** The dead blocks, to leave out of every longest path. */
    boolean[] deadBlocks() {
        return dead.clone();
    }

    /** Whether the loop whose header is this real instruction is in dead code. */
    boolean isDeadHeader(int headerIndex) {
        return isHeaderIn(dead, headerIndex);
    }

    /** Whether any block is cold. */
    boolean any() {
        for (boolean c : cold) {
            if (c) {
                return true;
            }
        }
        return false;
    }

    /** The cold blocks, to leave out of a longest path. */
    boolean[] blocks() {
        return cold.clone();
    }

    /** Whether an exception in the block can go to a handler of the method that recovers. */
    boolean inRecoveringTry(int block) {
        for (int h : cfg.handlers[block]) {
            if (!cold[h]) {
                return true;
            }
        }
        return false;
    }

    /** Whether the loop whose header is this real instruction (as {@link LoopBound#header()} counts) is cold. */
    boolean isColdHeader(int headerIndex) {
        return isHeaderIn(cold, headerIndex);
    }

    private boolean isHeaderIn(boolean[] blocks, int headerIndex) {
        for (int b = 0; b < cfg.blockCount; b++) {
            if (blocks[b] && cfg.firstInsn(b) >= 0 && cfg.headerIndex(b) == headerIndex) {
                return true;
            }
        }
        return false;
    }

    /** The {@code athrow} instructions in cold blocks, as {@code File.java:42 com.acme.Motor#onTick}. */
    List<String> throwSites(String file, MethodRef method) {
        List<String> sites = new ArrayList<>();
        for (int b = 0; b < cfg.blockCount; b++) {
            int last = cfg.lastInsn(b);
            if (cold[b] && last >= 0 && cfg.insns.get(last).getOpcode() == Opcodes.ATHROW) {
                String site = file + ":" + cfg.lineAt[last] + " in " + JavaSignatures.qualified(method.toId());
                if (!sites.contains(site)) {
                    sites.add(site);
                }
            }
        }
        return sites;
    }
}
