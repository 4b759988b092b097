package dev.headroom.core.model;

public enum Verdict {
    PASS("pass"),
    FAIL("fail");

    private final String id;

    Verdict(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
