package dev.headroom.core.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headroom.core.ConfigurationException;
import dev.headroom.core.callgraph.MethodRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Opcodes;

class CostModelsTest {
    @TempDir
    Path dir;

    @Test
    void everyBundledModelLoads() {
        for (String name : CostModels.BUNDLED) {
            CostModel model = CostModels.load(name);
            assertEquals(name, model.name());
            assertTrue(model.description() != null && !model.description().isBlank(), name + " says what it models");
        }
    }

    @Test
    void unitCostsOnePerInstructionAndNoMethod() {
        CostModel unit = CostModels.load(CostModels.DEFAULT);
        for (int op = 0; op < OpcodeNames.COUNT; op++) {
            assertEquals(1, unit.opcodeCost(op), OpcodeNames.name(op));
        }
        assertEquals(0, unit.methodCostCount());
    }

    @Test
    void interpreterMakesInvokesAllocationMonitorsAndArraysHeavier() {
        CostModel m = CostModels.load("interpreter");
        long simple = m.opcodeCost(Opcodes.IADD);
        assertEquals(1, simple);
        for (int op : new int[] {Opcodes.INVOKEVIRTUAL, Opcodes.INVOKEINTERFACE, Opcodes.INVOKESTATIC, Opcodes.NEW,
                Opcodes.NEWARRAY, Opcodes.MONITORENTER, Opcodes.IALOAD, Opcodes.AASTORE, Opcodes.ATHROW}) {
            assertTrue(m.opcodeCost(op) > simple, OpcodeNames.name(op));
        }
        assertTrue(m.opcodeCost(Opcodes.INVOKEINTERFACE) > m.opcodeCost(Opcodes.INVOKESTATIC));
        assertEquals(60, m.methodCost(new MethodRef("java/lang/System", "nanoTime", "()J")).orElseThrow());
    }

    @Test
    void aModelFileIsLoadedByPath() throws IOException {
        Path file = write("mine.json", "{\"name\": \"mine\", \"default\": 2, \"opcodes\": {\"invokevirtual\": 9},"
                + " \"methods\": [{\"method\": \"com.acme.Hw#read\", \"cycles\": 7, \"reason\": \"register read\"}]}");
        CostModel m = CostModels.load(file.toString());
        assertEquals("mine", m.name());
        assertEquals(2, m.opcodeCost(Opcodes.NOP));
        assertEquals(9, m.opcodeCost(Opcodes.INVOKEVIRTUAL));
        assertEquals(7, m.methodCost(new MethodRef("com/acme/Hw", "read", "(I)I")).orElseThrow());
    }

    @Test
    void malformedModelsFailNamingTheFileAndTheEntry() throws IOException {
        assertFails("bad-opcode.json", "{\"name\": \"x\", \"default\": 1, \"opcodes\": {\"invokevirtal\": 3}}",
                "opcode \"invokevirtal\"");
        assertFails("negative.json", "{\"name\": \"x\", \"default\": 1, \"opcodes\": {\"new\": -3}}", "opcode \"new\"");
        assertFails("no-default.json", "{\"name\": \"x\"}", "missing \"default\"");
        assertFails("unknown-key.json", "{\"name\": \"x\", \"default\": 1, \"costs\": {}}", "unknown key \"costs\"");
        assertFails("bad-method.json", "{\"name\": \"x\", \"default\": 1, \"methods\": [{\"method\": \"a.B#c\", \"cycles\": 1,"
                + " \"reason\": \"r\"}, {\"method\": \"java/lang/System#nanoTime\", \"cycles\": 1, \"reason\": \"r\"}]}",
                "methods entry 2 (java/lang/System#nanoTime)");
        assertFails("no-reason.json", "{\"name\": \"x\", \"default\": 1, \"methods\": [{\"method\": \"a.B#c\", \"cycles\": 1}]}",
                "methods entry 1 (a.B#c): missing \"reason\"");
        assertFails("fraction.json", "{\"name\": \"x\", \"default\": 1.5}", "\"default\" must be a whole number");
        assertFails("comment.json", "{\"name\": \"x\", // no\n \"default\": 1}", "not valid JSON");
        assertFails("duplicate.json", "{\"name\": \"x\", \"default\": 1, \"default\": 2}", "duplicate key \"default\"");
    }

    @Test
    void anUnknownNameIsNeitherBundledNorAFile() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> CostModels.load("cortex-m0"));
        assertTrue(e.getMessage().contains("cortex-m0") && e.getMessage().contains("unit"), e.getMessage());
    }

    private void assertFails(String name, String json, String expected) throws IOException {
        Path file = write(name, json);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> CostModels.load(file.toString()), name);
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), "names the entry (" + expected + "): " + e.getMessage());
    }

    private Path write(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }
}
