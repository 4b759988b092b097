package dev.headroom.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class CharacterEscapesTest {
    @Test
    void aTerminalGetsNoControlCharacterButKeepsOtherText() {
        assertEquals("a\\u001b[2Jb\\u0000\\u000a\\u0009\\u009b31m\\u007f", CharacterEscapes.terminal("a\u001b[2Jb\u0000\n\t\u009b31m\u007f"));
        assertEquals("temp\u00e9rature \ud83d\ude00 <&>\"'\\", CharacterEscapes.terminal("temp\u00e9rature \ud83d\ude00 <&>\"'\\"));
        assertEquals("\\u202ex\\u2066\\u2028\\u061c", CharacterEscapes.terminal("\u202ex\u2066\u2028\u061c"),
                "bidi overrides and line separators reorder or break the line");
        assertEquals("\\ud800x\\udc00\\ufffe\\uffff", CharacterEscapes.terminal("\ud800x\udc00\ufffe\uffff"));
        String plain = "com.acme.Motor#onTick()V";
        assertSame(plain, CharacterEscapes.terminal(plain), "plain text is not copied");
    }

    @Test
    void asciiKeepsOnlyPrintableAscii() {
        assertEquals("a\\u00e9\\ud83d\\ude00\\u000a\\ud800", CharacterEscapes.ascii("a\u00e9\ud83d\ude00\n\ud800"));
    }

    @Test
    void xmlKeepsLineBreaksAndEscapesWhatATerminalWould() {
        assertEquals("a\tb\r\nc\\u0000d\\u001be\\ud800f\ud83d\ude00g\\ufffe\\u009b\u00e9",
                CharacterEscapes.xml("a\tb\r\nc\u0000d\u001be\ud800f\ud83d\ude00g\ufffe\u009b\u00e9"));
    }
}
