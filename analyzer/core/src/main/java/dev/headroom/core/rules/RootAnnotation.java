package dev.headroom.core.rules;

import dev.headroom.core.model.RootKind;
import java.util.Map;
import java.util.Objects;

/**
 * A rule pack's {@code "roots"} entry: methods carrying {@code annotation} whose elements have the values
 * in {@code when} are roots of {@code kind}.
 *
 * @param annotation binary class name of the annotation, e.g. {@code javax.safetycritical.annotate.SCJRestricted}
 * @param when       element name to required value, in pack order: a {@link Boolean}, or a {@link String}
 *                   that matches a string element or an enum constant by name; empty: the annotation alone
 * @param kind       the kind of root
 * @param reason     why the annotation implies the kind
 * @param origin     the pack file and entry, e.g. {@code roots.json roots entry 1 (javax...SCJRestricted)}
 */
public record RootAnnotation(String annotation, Map<String, Object> when, RootKind kind, String reason, String origin) {
    public RootAnnotation {
        Objects.requireNonNull(annotation);
        when = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(when));
        Objects.requireNonNull(kind);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(origin);
    }

    /** The annotation's type descriptor, e.g. {@code Ljavax/safetycritical/annotate/SCJRestricted;}. */
    public String descriptor() {
        return "L" + annotation.replace('.', '/') + ";";
    }

    /** The simple name, after the last '.' and '$': {@code SCJRestricted}. */
    public String simpleName() {
        String s = annotation.substring(annotation.lastIndexOf('.') + 1);
        return s.substring(s.lastIndexOf('$') + 1);
    }
}
