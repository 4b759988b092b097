package dev.headroom.core.callgraph;

import dev.headroom.core.rules.EventKind;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/** Reads one method's instructions into {@link MethodFacts}. */
public final class MethodScanner {
    /** The no-op loop-bound marker: not a call the analyses follow. */
    static final String LOOPS_MARKER_OWNER = "dev/headroom/annotations/Loops";
    private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final String STRING_CONCAT_FACTORY = "java/lang/invoke/StringConcatFactory";
    private static final int FLAG_MARKERS = 2;
    private static final int FLAG_BRIDGES = 4;

    private MethodScanner() {
    }

    /** @param asserted what the code of assert statements is in the method's class (see {@link ColdCode}) */
    public static MethodFacts scan(MethodNode method, AssertCode asserted) {
        InsnList insns = method.instructions;
        if (insns.size() == 0) {
            return MethodFacts.NO_CODE;
        }
        ColdCode coldCode = ColdCode.of(method, asserted);
        List<Site> sites = new ArrayList<>();
        int line = 0;
        int firstLine = 0;
        for (int i = 0; i < insns.size(); i++) {
            AbstractInsnNode insn = insns.get(i);
            if (insn instanceof LineNumberNode ln) {
                line = ln.line;
                if (firstLine == 0) {
                    firstLine = line;
                }
                continue;
            }
            if (!coldCode.isReachable(i)) {
                continue;
            }
            if (insn instanceof InvokeDynamicInsnNode indy && RecordMethods.isRecordMethod(indy)) {
                sites.addAll(RecordMethods.sites(indy, i, line, coldCode.isCold(i)));
                continue;
            }
            Site site = siteOf(insns, insn, i, line, coldCode.isCold(i));
            if (site != null) {
                sites.add(site);
            }
        }
        return new MethodFacts(nameArgumentArrays(sites), firstLine, coldCode);
    }

    private static Site siteOf(InsnList insns, AbstractInsnNode insn, int i, int line, boolean cold) {
        switch (insn.getOpcode()) {
            case Opcodes.NEW:
                return new Site.Allocation(i, line, cold, "new " + binary(((TypeInsnNode) insn).desc), ((TypeInsnNode) insn).desc,
                        EventKind.NEW);
            case Opcodes.NEWARRAY:
                return new Site.Allocation(i, line, cold, "new " + primitiveArray(((IntInsnNode) insn).operand), null,
                        EventKind.ARRAY);
            case Opcodes.ANEWARRAY:
                return new Site.Allocation(i, line, cold, "new " + Type.getObjectType(((TypeInsnNode) insn).desc).getClassName() + "[]", null,
                        EventKind.ARRAY);
            case Opcodes.MULTIANEWARRAY:
                return new Site.Allocation(i, line, cold, "new " + Type.getType(((MultiANewArrayInsnNode) insn).desc).getClassName(), null,
                        EventKind.ARRAY);
            case Opcodes.MONITORENTER:
                return new Site.Monitor(i, line, cold);
            case Opcodes.INVOKEVIRTUAL:
            case Opcodes.INVOKESPECIAL:
            case Opcodes.INVOKESTATIC:
            case Opcodes.INVOKEINTERFACE:
                return invokeSite(insns, (MethodInsnNode) insn, i, line, cold);
            case Opcodes.INVOKEDYNAMIC:
                return dynamicSite((InvokeDynamicInsnNode) insn, i, line, cold);
            default:
                return null;
        }
    }

    private static Site invokeSite(InsnList insns, MethodInsnNode mi, int i, int line, boolean cold) {
        if (mi.owner.equals(LOOPS_MARKER_OWNER)) {
            return null;
        }
        if (mi.owner.startsWith("[") && mi.name.equals("clone")) {
            return new Site.Allocation(i, line, cold, "array clone (new " + Type.getType(mi.owner).getClassName() + ")", null,
                    EventKind.ARRAY_CLONE);
        }
        return new Site.Invoke(i, line, cold, mi.getOpcode(), mi.owner, mi.name, mi.desc, mi.itf,
                statusResultIgnored(insns, mi));
    }

    /**
     * Whether the status a call returns (a boolean "was there room", or an int status code such as a
     * fixed-capacity map's {@code put}) is certainly discarded: the next instruction pops it, or stores
     * it to a local that no later instruction reads before storing it again. The scan is linear and
     * conservative: a label between the call and its pop or store means unsure, and once a jump, a switch
     * or a {@code ret} is met the local must not be read anywhere in the method. Unsure is not a finding.
     */
    static boolean statusResultIgnored(InsnList insns, MethodInsnNode mi) {
        int sort = Type.getReturnType(mi.desc).getSort();
        if (sort != Type.BOOLEAN && sort != Type.INT) {
            return false;
        }
        AbstractInsnNode next = nextInstruction(mi.getNext());
        if (next == null) {
            return false;
        }
        if (next.getOpcode() == Opcodes.POP) {
            return true;
        }
        if (next.getOpcode() != Opcodes.ISTORE) {
            return false;
        }
        int local = ((VarInsnNode) next).var;
        for (AbstractInsnNode insn = next.getNext(); insn != null; insn = insn.getNext()) {
            if (insn instanceof VarInsnNode v && v.var == local) {
                if (v.getOpcode() == Opcodes.ISTORE) {
                    return true;
                }
                return false;
            }
            if (insn instanceof IincInsnNode inc && inc.var == local) {
                return false;
            }
            if (insn instanceof JumpInsnNode || insn instanceof TableSwitchInsnNode
                    || insn instanceof LookupSwitchInsnNode || insn.getOpcode() == Opcodes.RET) {
                // Control flow: a later read on another path (a loop back edge) cannot be ruled out here
                return !readsLater(insns, local);
            }
        }
        return true;
    }

    /** Whether any instruction of the method reads the local (as an int) at all. */
    private static boolean readsLater(InsnList insns, int local) {
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext()) {
            if ((insn instanceof VarInsnNode v && v.var == local && v.getOpcode() == Opcodes.ILOAD)
                    || (insn instanceof IincInsnNode inc && inc.var == local)) {
                return true;
            }
        }
        return false;
    }

    private static AbstractInsnNode nextInstruction(AbstractInsnNode insn) {
        AbstractInsnNode at = insn;
        while (at != null && at.getOpcode() < 0) {
            if (at instanceof LabelNode) {
                return null; // a jump target: the value may meet other paths here
            }
            at = at.getNext();
        }
        return at;
    }

    private static Site dynamicSite(InvokeDynamicInsnNode indy, int i, int line, boolean cold) {
        String bsmOwner = indy.bsm.getOwner();
        if (bsmOwner.equals(STRING_CONCAT_FACTORY)) {
            return new Site.Allocation(i, line, cold, "string concatenation (new String)", null,
                    EventKind.CONCATENATION);
        }
        if (bsmOwner.equals(LAMBDA_METAFACTORY) && indy.bsmArgs.length >= 3
                && indy.bsmArgs[0] instanceof Type sam && indy.bsmArgs[1] instanceof Handle impl) {
            Type indyType = Type.getMethodType(indy.desc);
            List<String> descriptors = new ArrayList<>();
            descriptors.add(sam.getDescriptor());
            if (indy.bsm.getName().equals("altMetafactory") && indy.bsmArgs.length > 3
                    && indy.bsmArgs[3] instanceof Integer flags) {
                addBridges(indy.bsmArgs, flags, descriptors);
            }
            Site.LambdaShape shape = new Site.LambdaShape(indyType.getReturnType().getInternalName(), indy.name,
                    List.copyOf(descriptors), impl);
            return new Site.Lambda(i, line, cold, shape, indyType.getArgumentTypes().length);
        }
        return new Site.UnknownDynamic(i, line, cold, bsmOwner.replace('/', '.') + "#" + indy.bsm.getName(), indy.name);
    }

    /** altMetafactory's optional arguments: [flags, markerCount, markers..., bridgeCount, bridges...]. */
    private static void addBridges(Object[] args, int flags, List<String> descriptors) {
        int pos = 4;
        if ((flags & FLAG_MARKERS) != 0 && pos < args.length && args[pos] instanceof Integer markers) {
            pos += 1 + markers;
        }
        if ((flags & FLAG_BRIDGES) != 0 && pos < args.length && args[pos] instanceof Integer bridges) {
            for (int k = 1; k <= bridges && pos + k < args.length; k++) {
                if (args[pos + k] instanceof Type bridge) {
                    descriptors.add(bridge.getDescriptor());
                }
            }
        }
    }

    /**
     * Names the array an allocation creates when it only carries arguments (varargs): the next call
     * on the same line whose last parameter has the array's type receives it.
     */
    private static List<Site> nameArgumentArrays(List<Site> sites) {
        List<Site> result = new ArrayList<>(sites);
        for (int k = 0; k < result.size(); k++) {
            if (!(result.get(k) instanceof Site.Allocation alloc) || !alloc.message().endsWith("[]")) {
                continue;
            }
            String arrayType = alloc.message().substring("new ".length());
            for (int j = k + 1; j < result.size() && result.get(j).line() == alloc.line(); j++) {
                if (result.get(j) instanceof Site.Invoke call && lastParameterIs(call.descriptor(), arrayType)) {
                    result.set(k, new Site.Allocation(alloc.index(), alloc.line(), alloc.cold(),
                            alloc.message() + " (argument array for " + binary(call.owner()) + "." + call.name() + ")", null,
                            EventKind.VARARGS));
                    break;
                }
            }
        }
        return result;
    }

    private static boolean lastParameterIs(String descriptor, String javaTypeName) {
        Type[] args = Type.getArgumentTypes(descriptor);
        return args.length > 0 && args[args.length - 1].getClassName().equals(javaTypeName);
    }

    private static String binary(String internalName) {
        return internalName.replace('/', '.');
    }

    private static String primitiveArray(int operand) {
        return switch (operand) {
            case Opcodes.T_BOOLEAN -> "boolean[]";
            case Opcodes.T_CHAR -> "char[]";
            case Opcodes.T_FLOAT -> "float[]";
            case Opcodes.T_DOUBLE -> "double[]";
            case Opcodes.T_BYTE -> "byte[]";
            case Opcodes.T_SHORT -> "short[]";
            case Opcodes.T_INT -> "int[]";
            case Opcodes.T_LONG -> "long[]";
            default -> "array";
        };
    }
}
