package dev.headroom.core.classpath;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
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
}
