package dev.headroom.core.model;

/**
 * One share of the footprint: the objects a static field, or an initialisation root's allocation, keeps that
 * nothing counted before it.
 *
 * @param field  where the objects are kept: the static field ({@code com.acme.Motor.samples}), or, for what an
 *               initialisation root allocated and no field counted holds, the root and the line of its own code
 *               that allocated the first of them ({@code com.acme.Main.start line 12})
 * @param type   the field's declared type, {@code int[]}; for an allocation, the type of the object allocated
 * @param bytes  the bytes of every object first reached through this item
 * @param detail what was counted, e.g. {@code int[1024]} or {@code Ring + Object[128]}
 * @param initRoot the initialisation root ({@code @Initializer}, {@code --init-root}) that allocated the
 *                 objects, or null for static state (built by the static initialisers)
 */
public record MemoryItem(String field, String type, long bytes, String detail, MethodId initRoot) {
    /** An item of static state. */
    public MemoryItem(String field, String type, long bytes, String detail) {
        this(field, type, bytes, detail, null);
    }

    /** Whether the objects were built by the static initialisers (not by an initialisation root). */
    public boolean isStatic() {
        return initRoot == null;
    }
}
