package dev.headroom.core.callgraph;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.objectweb.asm.Handle;

/**
 * The pieces a cache entry of a method is written with ({@link FlowLog}, {@link MethodFactsCodec}): names that may
 * be absent, lambda shapes, number and flag arrays. Names read back go through the run's pool, as if read from a class file.
 */
final class CacheCodec {
    private CacheCodec() {
    }

    static void writeName(DataOutput out, String name) throws IOException {
        out.writeBoolean(name != null);
        if (name != null) {
            out.writeUTF(name);
        }
    }

    static String readName(DataInput in, UnaryOperator<String> pool) throws IOException {
        return in.readBoolean() ? pool.apply(in.readUTF()) : null;
    }

    static void writeLambda(DataOutput out, Site.LambdaShape lambda) throws IOException {
        out.writeUTF(lambda.functionalInterface());
        out.writeUTF(lambda.methodName());
        out.writeInt(lambda.descriptors().size());
        for (String descriptor : lambda.descriptors()) {
            out.writeUTF(descriptor);
        }
        Handle h = lambda.implementation();
        out.writeInt(h.getTag());
        out.writeUTF(h.getOwner());
        out.writeUTF(h.getName());
        out.writeUTF(h.getDesc());
        out.writeBoolean(h.isInterface());
    }

    static Site.LambdaShape readLambda(DataInput in, UnaryOperator<String> pool) throws IOException {
        String functionalInterface = pool.apply(in.readUTF());
        String methodName = pool.apply(in.readUTF());
        List<String> descriptors = new ArrayList<>();
        for (int k = in.readInt(); k > 0; k--) {
            descriptors.add(pool.apply(in.readUTF()));
        }
        Handle implementation = new Handle(in.readInt(), pool.apply(in.readUTF()), pool.apply(in.readUTF()),
                pool.apply(in.readUTF()), in.readBoolean());
        return new Site.LambdaShape(functionalInterface, methodName, List.copyOf(descriptors), implementation);
    }

    /** Numbers, or null. */
    static void writeInts(DataOutput out, int[] values) throws IOException {
        out.writeInt(values == null ? -1 : values.length);
        if (values != null) {
            for (int value : values) {
                out.writeInt(value);
            }
        }
    }

    static int[] readInts(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        int[] values = new int[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    /** Flags, or null. */
    static void writeFlags(DataOutput out, boolean[] flags) throws IOException {
        out.writeInt(flags == null ? -1 : flags.length);
        if (flags != null) {
            for (boolean flag : flags) {
                out.writeBoolean(flag);
            }
        }
    }

    static boolean[] readFlags(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        boolean[] flags = new boolean[length];
        for (int i = 0; i < length; i++) {
            flags[i] = in.readBoolean();
        }
        return flags;
    }
}
