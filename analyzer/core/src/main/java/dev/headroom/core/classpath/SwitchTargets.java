package dev.headroom.core.classpath;

import java.util.List;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;

/** Where a switch goes, as instruction indexes: the default first, then each case's target. */
public final class SwitchTargets {
    private SwitchTargets() {
    }

    public static int[] of(InsnList insns, LabelNode dflt, List<LabelNode> labels) {
        int[] t = new int[labels.size() + 1];
        t[0] = insns.indexOf(dflt);
        for (int k = 0; k < labels.size(); k++) {
            t[k + 1] = insns.indexOf(labels.get(k));
        }
        return t;
    }
}
