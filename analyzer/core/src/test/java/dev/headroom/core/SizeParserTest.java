package dev.headroom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizeParserTest {
    @ParameterizedTest
    @CsvSource({"65536,65536", "64KiB,65536", "64k,65536", "2MiB,2097152", "2 MiB,2097152", "1GiB,1073741824",
            "64KB,64000", "3mb,3000000", "1GB,1000000000", "512B,512", "0,0"})
    void parsesBytesAndUnits(String text, long bytes) {
        assertEquals(bytes, SizeParser.parse("--ram-budget", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "", "-1", "1.5MiB", "12 parsecs", "KiB"})
    void rejectsWhatIsNotASizeNamingOptionAndValue(String text) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SizeParser.parse("--ram-budget", text));
        assertTrue(e.getMessage().startsWith("--ram-budget: '" + text + "'"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void rejectsOverflow() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> SizeParser.parse("--stack-budget", "99999999999999GiB"));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }
}
