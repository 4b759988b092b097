package dev.headroom.core.model;

/**
 * One static field's share of the footprint: the objects it holds that nothing counted before it.
 *
 * @param field  {@code com.acme.Motor.samples}
 * @param type   the field's declared type, {@code int[]}
 * @param bytes  the bytes of every object first reached through this field
 * @param detail what was counted, e.g. {@code int[1024]} or {@code Ring + Object[128]}
 */
public record MemoryItem(String field, String type, long bytes, String detail) {
}
