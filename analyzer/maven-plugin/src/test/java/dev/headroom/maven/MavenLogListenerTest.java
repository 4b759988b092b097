package dev.headroom.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MavenLogListenerTest {
    @Test
    void aNameFromAClassFileCannotActOnTheTerminalShowingTheLog() {
        RecordingLog log = new RecordingLog();
        MavenLogListener listener = new MavenLogListener(log);
        listener.warning("Evil\u001b[2J\r.class: not a class file");
        listener.progress("reading \u009b31m\ud800");
        assertEquals(List.of("warn: Evil\\u001b[2J\\u000d.class: not a class file", "debug: reading \\u009b31m\\ud800"),
                log.lines());
    }
}
