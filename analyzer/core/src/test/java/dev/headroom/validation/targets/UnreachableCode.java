package dev.headroom.validation.targets;

import java.util.ArrayList;
import java.util.List;

/** Methods no root reaches: their allocations and collection growth are not findings. */
public class UnreachableCode {
    private final List<String> log = new ArrayList<>();
    private int[] data;

    public void record(int v) {
        log.add("value " + v);
        data = new int[v];
    }

    static String describe(long v) {
        return Long.toString(v) + "!";
    }
}
