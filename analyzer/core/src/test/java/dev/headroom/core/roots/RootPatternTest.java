package dev.headroom.core.roots;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RootPatternTest {
    @Test
    void exactClassAndMethodMatchEveryDescriptor() {
        RootPattern p = RootPattern.parse("--root", "com.acme.Motor#onTick");
        assertTrue(p.matchesClass("com.acme.Motor"));
        assertFalse(p.matchesClass("com.acme.MotorX"));
        assertTrue(p.matchesMethod("onTick", "()V"));
        assertTrue(p.matchesMethod("onTick", "(I)V"));
        assertFalse(p.matchesMethod("onTock", "()V"));
        assertFalse(p.methodWildcard());
    }

    @Test
    void descriptorNarrowsToOneOverload() {
        RootPattern p = RootPattern.parse("--root", "com.acme.Motor#onTick(I)V");
        assertTrue(p.matchesMethod("onTick", "(I)V"));
        assertFalse(p.matchesMethod("onTick", "()V"));
    }

    @Test
    void singleStarStaysInOnePackageDoubleStarCrossesPackages() {
        RootPattern one = RootPattern.parse("--root", "com.acme.*#*");
        assertTrue(one.matchesClass("com.acme.Motor"));
        assertTrue(one.matchesClass("com.acme.Motor$Inner"));
        assertFalse(one.matchesClass("com.acme.sub.Motor"));
        assertTrue(one.methodWildcard());
        RootPattern any = RootPattern.parse("--root", "com.**#on*");
        assertTrue(any.matchesClass("com.acme.sub.Motor"));
        assertTrue(any.matchesMethod("onTick", "()V"));
        assertFalse(any.matchesMethod("run", "()V"));
    }

    @Test
    void starsMatchLineBreaksInNamesToo() {
        // A JVM name may hold any character but . ; [ / (JVMS 4.2): '**#*' must still take every method.
        RootPattern all = RootPattern.parse("--root", "**#*");
        assertTrue(all.matchesClass("com.acme.Mo\rtor\n"));
        assertTrue(all.matchesMethod("on\u2028Tick", "()V"));
        RootPattern one = RootPattern.parse("--root", "com.acme.*#on*");
        assertTrue(one.matchesClass("com.acme.Mo\ntor"));
        assertFalse(one.matchesClass("com.acme.sub.Mo\ntor"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.acme.Motor", "#onTick", "com.acme.Motor#", "a#b#c", "com.acme.Motor#onTick(I",
            "com.acme.Motor#onTick(Q)V", "com acme#x"})
    void malformedPatternsAreConfigurationErrorsNamingThePattern(String text) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> RootPattern.parse("--root", text));
        assertTrue(e.getMessage().startsWith("--root '" + text + "'"), e.getMessage());
    }
}
