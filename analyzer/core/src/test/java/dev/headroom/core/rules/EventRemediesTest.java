package dev.headroom.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.ConfigurationException;
import dev.headroom.core.model.Rule;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class EventRemediesTest {

    @Test
    void bundledDataHasARemedyForEveryEventKind() {
        EventRemedies remedies = EventRemedies.bundled();
        for (EventKind kind : EventKind.values()) {
            String remedy = remedies.remedy(kind);
            assertNotNull(remedy, kind.id());
            assertTrue(remedy.length() >= 30, kind.id() + ": too short to say what to do: " + remedy);
            assertFalse(remedy.equals(kind.rule().remedy()), kind.id() + ": repeats the rule's general remedy");
        }
    }

    @Test
    void remediesAreGroupedByRule() {
        EventRemedies remedies = EventRemedies.bundled();
        assertTrue(remedies.forRule(Rule.HEAP_ALLOCATION).containsKey(EventKind.CONCATENATION));
        assertTrue(remedies.forRule(Rule.GROWABLE_COLLECTION).containsKey(EventKind.LIBRARY_GROWTH));
        assertTrue(remedies.forRule(Rule.DEADLINE_EXCEEDED).isEmpty());
        assertTrue(EventRemedies.bundledPackRemedies(Rule.GROWABLE_COLLECTION) > 0);
        assertEquals(0, EventRemedies.bundledPackRemedies(Rule.RECURSION));
    }

    private static String failure(String json) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> EventRemedies.read(new StringReader(json), "my-remedies.json"));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("event remedies my-remedies.json: "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void malformedFilesNameTheFileAndTheEntry() {
        assertEquals("event remedies my-remedies.json: entry 1 (\"concatenaton\"): unknown event kind; expected one of "
                        + String.join(", ", java.util.Arrays.stream(EventKind.values()).map(EventKind::id).toList()),
                failure("{\"events\": [{\"event\": \"new\", \"remedy\": \"reuse it\"},"
                        + " {\"event\": \"concatenaton\", \"remedy\": \"preformat\"}]}"));
        assertTrue(failure("{\"events\": [{\"event\": \"new\"}]}")
                .contains("entry 0 (\"new\"): missing \"remedy\""));
        assertTrue(failure("{\"events\": [{\"event\": \"new\", \"remedy\": \"a\"}, {\"event\": \"new\", \"remedy\": \"b\"}]}")
                .contains("entry 1 (\"new\"): duplicate event kind; entry 0 already declares it"));
        assertTrue(failure("{\"events\": [{\"event\": \"new\", \"remedy\": \"a\", \"rule\": \"x\"}]}")
                .contains("entry 0 (\"new\"): unknown key \"rule\""));
        assertTrue(failure("{\"events\": [42]}").contains("entry 0: expected an object"));
        assertTrue(failure("{\"events\": [{\"event\": \"new\", \"remedy\": \"a\"}]}")
                .contains("no entry for event kind array,"));
        assertTrue(failure("{\"events\": [").contains("not valid JSON"));
    }
}
