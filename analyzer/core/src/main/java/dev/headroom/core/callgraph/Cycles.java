package dev.headroom.core.callgraph;

import java.util.Arrays;
import java.util.List;

/** Strongly connected components of a small graph given as successor arrays (iterative Tarjan). */
public final class Cycles {
    private Cycles() {
    }

    /** For each node, whether it lies on a cycle (an SCC of two or more nodes, or a self loop). */
    public static boolean[] onCycle(List<int[]> successors) {
        return onCycle(successors, components(successors));
    }

    /** The same, with the graph's {@link #components} already made. */
    public static boolean[] onCycle(List<int[]> successors, int[] component) {
        int n = successors.size();
        int[] size = new int[n];
        for (int c : component) {
            size[c]++;
        }
        boolean[] result = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (size[component[i]] > 1) {
                result[i] = true;
            } else {
                for (int s : successors.get(i)) {
                    if (s == i) {
                        result[i] = true;
                        break;
                    }
                }
            }
        }
        return result;
    }

    /** The number of components, given every node's ({@link #components}). */
    public static int count(int[] component) {
        int count = 0;
        for (int c : component) {
            count = Math.max(count, c + 1);
        }
        return count;
    }

    /** The nodes of each component, by component id, each in node order. */
    public static int[][] members(int[] component) {
        int count = count(component);
        int[] sizes = new int[count];
        for (int c : component) {
            sizes[c]++;
        }
        int[][] members = new int[count][];
        for (int c = 0; c < count; c++) {
            members[c] = new int[sizes[c]];
        }
        int[] filled = new int[count];
        for (int m = 0; m < component.length; m++) {
            members[component[m]][filled[component[m]]++] = m;
        }
        return members;
    }

    /**
     * The SCC id of every node. The two stacks are int arrays (a node is on each at most once): a whole program's
     * graph has hundreds of thousands of nodes, each boxed on a deque of Integers before.
     */
    public static int[] components(List<int[]> successors) {
        int n = successors.size();
        int[] index = new int[n];
        int[] low = new int[n];
        int[] comp = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        int[] stack = new int[n];
        int stackSize = 0;
        int[] edgePos = new int[n];
        int[] call = new int[n];
        int callSize = 0;
        int counter = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            call[callSize++] = root;
            index[root] = low[root] = counter++;
            stack[stackSize++] = root;
            onStack[root] = true;
            while (callSize > 0) {
                int v = call[callSize - 1];
                int[] succ = successors.get(v);
                if (edgePos[v] < succ.length) {
                    int w = succ[edgePos[v]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[stackSize++] = w;
                        onStack[w] = true;
                        call[callSize++] = w;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    callSize--;
                    if (callSize > 0) {
                        int parent = call[callSize - 1];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                    if (low[v] == index[v]) {
                        int w;
                        do {
                            w = stack[--stackSize];
                            onStack[w] = false;
                            comp[w] = components;
                        } while (w != v);
                        components++;
                    }
                }
            }
        }
        return comp;
    }
}
