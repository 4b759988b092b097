package dev.headroom.core.model;

/** What kind of entry point a root is; interrupt roots forbid blocking outright. */
public enum RootKind {
    REAL_TIME("real-time"),
    INTERRUPT("interrupt");

    private final String id;

    RootKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
