package dev.headroom.core.model;

/** How much a finding matters. The ordinal order is from most to least severe. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    /** The name used in reports and options. */
    public String id() {
        return id;
    }

    public boolean isAtLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
