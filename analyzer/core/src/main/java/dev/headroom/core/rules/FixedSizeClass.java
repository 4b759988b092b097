package dev.headroom.core.rules;

import java.util.Objects;

/**
 * A rule pack's {@code "fixedSize"} entry: a collection class whose instances never change size (every
 * inserting method throws), so static state holding one is not growable.
 *
 * @param className binary class name, e.g. {@code java.util.Collections$SingletonList}
 * @param view      the object is an unmodifiable view of another collection it holds: that one may be held
 *                  and grown elsewhere, and is judged where it is held, not through the view
 * @param reason    why its size is fixed
 * @param origin    the pack file and entry, for messages
 */
public record FixedSizeClass(String className, boolean view, String reason, String origin) {
    public FixedSizeClass {
        Objects.requireNonNull(className);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(origin);
    }
}
