package dev.headroom.core.memory;

/** Small call chains for the stack analysis. */
@SuppressWarnings("unused")
final class StackTargets {
    private StackTargets() {
    }

    static int root(int x) {
        return shallow(x) + deep(x, 2L);
    }

    static int shallow(int x) {
        return x + 1;
    }

    static int deep(int x, long y) {
        int a = x * 2;
        return leaf(a, y, a, y) + 1;
    }

    static int leaf(int a, long b, int c, long d) {
        return (int) (a + b + c + d);
    }

    static int recursiveRoot(int n) {
        return shallow(n) + countDown(n);
    }

    static int countDown(int n) {
        return n <= 0 ? 0 : ping(n - 1);
    }

    static int ping(int n) {
        return countDown(n) + leaf(n, n, n, n);
    }
}
