package dev.headroom.cli;

/** The exit codes of {@code headroom}; part of the command-line contract. */
public final class ExitCodes {
    /** The check passed (and {@code rules}, {@code --help}, {@code --version} succeeded). */
    public static final int PASS = 0;
    /** The check failed: a finding at or above {@code --fail-on}, a budget or a deadline exceeded. */
    public static final int FAIL = 1;
    /** A usage or configuration error: a bad option or option value, a missing rule pack. */
    public static final int USAGE = 2;
    /** An input that cannot be read: a missing class directory, jar or classpath entry. */
    public static final int INPUT = 3;
    /** A bug in Headroom: an unexpected exception. */
    public static final int INTERNAL = 4;

    private ExitCodes() {
    }
}
