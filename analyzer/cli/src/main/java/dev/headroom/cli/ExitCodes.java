package dev.headroom.cli;

/** The exit codes of {@code headroom}; part of the command-line contract. */
public final class ExitCodes {
    /** The check passed (and {@code rules}, {@code --help}, {@code --version} succeeded). */
    public static final int PASS = 0;
    /**
     * The check failed: more than {@code --max-findings} findings at or above {@code --fail-on}. A budget or
     * deadline exceeded is such a finding ({@code ram-budget-exceeded}, {@code stack-budget-exceeded},
     * {@code deadline-exceeded}, errors unless {@code --rule} says otherwise).
     */
    public static final int FAIL = 1;
    /** A usage or configuration error: a bad option or option value, a missing rule pack. */
    public static final int USAGE = 2;
    /** An input that cannot be read: a missing class directory, jar or classpath entry, a file that is neither. */
    public static final int INPUT = 3;
    /** A bug in Headroom (an unexpected exception), or out of memory. */
    public static final int INTERNAL = 4;

    private ExitCodes() {
    }
}
