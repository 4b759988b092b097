package dev.headroom.core.callgraph;

import dev.headroom.core.classpath.LoadedClass;

/**
 * What the code of an {@code assert} statement is in one class: the JVM decides per class loader.
 * {@code -ea} turns assertions on in every class except the system classes (those of the boot loader, such
 * as {@code java.base}), which only {@code -esa} turns on.
 */
public enum AssertCode {
    /** Assertions are on: ordinary code. */
    RUNS,
    /** Assertions are off (the JVM's default): the code is cold, its findings are reported as such. */
    COLD,
    /** A system class's assertions, which no Headroom setting turns on: the code is dead. */
    NEVER_RUNS;

    /** @param assertionsEnabled whether the program runs with {@code -ea} */
    public static AssertCode of(LoadedClass owner, boolean assertionsEnabled) {
        if (owner != null && owner.system()) {
            return NEVER_RUNS;
        }
        return assertionsEnabled ? RUNS : COLD;
    }
}
