package dev.headroom.cli;

/**
 * Stops a command with a message for the user and the exit code to return. The message is printed as
 * one line, {@code headroom: error: <message>}.
 */
final class ExitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    ExitException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static ExitException usage(String message) {
        return new ExitException(ExitCodes.USAGE, message);
    }

    static ExitException input(String message) {
        return new ExitException(ExitCodes.INPUT, message);
    }

    int exitCode() {
        return exitCode;
    }
}
