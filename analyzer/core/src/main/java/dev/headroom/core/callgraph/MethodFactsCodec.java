package dev.headroom.core.callgraph;

import dev.headroom.core.rules.EventKind;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A method's {@link MethodFacts} written out and read back, for the cache of the JDK's methods (issue 15): each
 * site by its kind and fields, the first line, the cold-code map. What is read back equals what was written.
 */
final class MethodFactsCodec {
    private static final int ALLOCATION = 0;
    private static final int MONITOR = 1;
    private static final int INVOKE = 2;
    private static final int LAMBDA = 3;
    private static final int UNKNOWN_DYNAMIC = 4;

    private MethodFactsCodec() {
    }

    static void write(DataOutput out, MethodFacts facts) throws IOException {
        out.writeInt(facts.sites().size());
        for (Site site : facts.sites()) {
            out.writeInt(site.index());
            out.writeInt(site.line());
            out.writeBoolean(site.cold());
            if (site instanceof Site.Allocation a) {
                out.writeByte(ALLOCATION);
                out.writeUTF(a.message());
                CacheCodec.writeName(out, a.newType());
                out.writeUTF(a.kind().name());
            } else if (site instanceof Site.Monitor) {
                out.writeByte(MONITOR);
            } else if (site instanceof Site.Invoke i) {
                out.writeByte(INVOKE);
                out.writeInt(i.opcode());
                out.writeUTF(i.owner());
                out.writeUTF(i.name());
                out.writeUTF(i.descriptor());
                out.writeBoolean(i.isInterface());
                out.writeBoolean(i.resultIgnored());
            } else if (site instanceof Site.Lambda l) {
                out.writeByte(LAMBDA);
                CacheCodec.writeLambda(out, l.shape());
                out.writeInt(l.captured());
            } else {
                Site.UnknownDynamic u = (Site.UnknownDynamic) site;
                out.writeByte(UNKNOWN_DYNAMIC);
                out.writeUTF(u.bootstrap());
                out.writeUTF(u.name());
            }
        }
        out.writeInt(facts.firstLine());
        out.writeBoolean(facts.coldCode() != null);
        if (facts.coldCode() != null) {
            CacheCodec.writeFlags(out, facts.coldCode().reachableFlags());
            CacheCodec.writeFlags(out, facts.coldCode().coldFlags());
        }
    }

    /** @param pool the run's pool of names (see {@link CacheCodec}) */
    static MethodFacts read(DataInput in, UnaryOperator<String> pool) throws IOException {
        int count = in.readInt();
        List<Site> sites = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int index = in.readInt();
            int line = in.readInt();
            boolean cold = in.readBoolean();
            int kind = in.readByte();
            sites.add(switch (kind) {
                case ALLOCATION -> new Site.Allocation(index, line, cold, in.readUTF(), CacheCodec.readName(in, pool),
                        EventKind.valueOf(in.readUTF()));
                case MONITOR -> new Site.Monitor(index, line, cold);
                case INVOKE -> new Site.Invoke(index, line, cold, in.readInt(), pool.apply(in.readUTF()),
                        pool.apply(in.readUTF()), pool.apply(in.readUTF()), in.readBoolean(), in.readBoolean());
                case LAMBDA -> new Site.Lambda(index, line, cold, CacheCodec.readLambda(in, pool), in.readInt());
                case UNKNOWN_DYNAMIC -> new Site.UnknownDynamic(index, line, cold, pool.apply(in.readUTF()),
                        pool.apply(in.readUTF()));
                default -> throw new IOException("not method facts: a site of kind " + kind);
            });
        }
        int firstLine = in.readInt();
        ColdCode coldCode = in.readBoolean() ? ColdCode.of(CacheCodec.readFlags(in), CacheCodec.readFlags(in)) : null;
        return new MethodFacts(sites, firstLine, coldCode);
    }
}
