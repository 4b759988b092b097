package dev.headroom.core.classpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The running JDK's image as a class source. */
class JrtClassSourceTest {
    @Test
    void aNameTheImageCannotHoldIsNotFound() throws IOException {
        JrtClassSource jdk = JrtClassSource.running();
        assertNotNull(jdk.read("java/lang/String"));
        assertNull(jdk.read("java/lang/Str\u0000ing"), "a NUL in the class name");
        assertNull(jdk.read("java/la\u0000ng/String"), "a NUL in the package");
        assertFalse(jdk.isSystemClass("java/la\u0000ng/String"));
    }

    /**
     * A class is java.base's exactly when the running JVM's boot layer puts its package in java.base: for every package
     * of every boot module (java.base's descriptor answers, read once), and for a package no module has.
     */
    @Test
    void systemClassesAreThoseOfJavaBasesPackages() {
        JrtClassSource jdk = JrtClassSource.running();
        List<String> wrong = new ArrayList<>();
        int javaBase = 0;
        for (Module module : ModuleLayer.boot().modules()) {
            for (String pkg : module.getPackages()) {
                boolean expected = module.getName().equals("java.base");
                javaBase += expected ? 1 : 0;
                if (jdk.isSystemClass(pkg.replace('.', '/') + "/Some") != expected) {
                    wrong.add(pkg + " of " + module.getName());
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertNotNull(jdk.javaBasePackages(), "answered by java.base's module descriptor, not the package table");
        assertFalse(jdk.isSystemClass("com/acme/Motor"));
        assertFalse(jdk.isSystemClass("Motor"), "the unnamed package");
        assertFalse(javaBase < 100, javaBase + " packages of java.base");
    }
}
