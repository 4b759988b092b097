package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/**
 * A JDK method the rule pack does not describe is followed through its bytecode:
 * {@code Character.toChars(int)} allocates its result array inside the JDK, reported at the user's call.
 */
public class LibraryChains {
    private char[] chars;

    @RealTime
    public void onKey(int codePoint) {
        chars = Character.toChars(codePoint); // expect: heap-allocation
    }
}
