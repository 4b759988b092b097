package dev.headroom.collections;

/**
 * The status a fixed-capacity map's {@code put} returns: plain {@code int} constants, so returning one
 * allocates nothing. A put that would exceed the map's capacity returns {@link #FULL} and changes
 * nothing, so the caller must check the result.
 */
public final class PutResult {

    /** The key was absent and has been added. */
    public static final int INSERTED = 0;
    /** The key was present and its value has been replaced. */
    public static final int REPLACED = 1;
    /** The key was absent and the map already holds its capacity of entries: nothing changed. */
    public static final int FULL = 2;

    private PutResult() {
    }
}
