package dev.headroom.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JavaSignaturesTest {
    private static final MethodId ON_SAMPLE =
            new MethodId("com.example.telemetry.TelemetryHandler", "onSample", "(Ljava/lang/String;J)V");

    @Test
    void methodsAreNamedWithSimpleParameterTypes() {
        assertEquals("com.example.telemetry.TelemetryHandler.onSample(String, long)", JavaSignatures.qualified(ON_SAMPLE));
        assertEquals("TelemetryHandler.onSample(String, long)", JavaSignatures.simple(ON_SAMPLE));
        assertEquals("onSample(String, long)", JavaSignatures.method(ON_SAMPLE));
        assertEquals("publishSummary()", JavaSignatures.method(new MethodId("a.B", "publishSummary", "()V")));
    }

    @Test
    void everyPrimitiveAndArraysOfThem() {
        assertEquals("(byte, char, double, float, int, long, short, boolean)", JavaSignatures.parameters("(BCDFIJSZ)V"));
        assertEquals("(int[], String[][], long[])", JavaSignatures.parameters("([I[[Ljava/lang/String;[J)I"));
    }

    @Test
    void varargsAreTheArrayTheyAre() {
        MethodId format = new MethodId("java.lang.String", "format", "(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;");
        assertEquals("java.lang.String.format(String, Object[])", JavaSignatures.qualified(format));
    }

    @Test
    void nestedClassesAreDottedAnonymousOnesKeepTheirBinaryName() {
        MethodId apply = new MethodId("com.acme.Motor$Filter", "apply", "(Ljava/util/Map$Entry;[Lcom/acme/Motor$Filter;)D");
        assertEquals("com.acme.Motor.Filter.apply(Map.Entry, Motor.Filter[])", JavaSignatures.qualified(apply));
        assertEquals("Motor.Filter.apply(Map.Entry, Motor.Filter[])", JavaSignatures.simple(apply));
        assertEquals("com.acme.Motor$1.run()", JavaSignatures.qualified(new MethodId("com.acme.Motor$1", "run", "()V")));
        assertEquals("com.acme.Motor$1Local", JavaSignatures.className("com.acme.Motor$1Local"));
        assertEquals("Foo$$Lambda$12", JavaSignatures.className("Foo$$Lambda$12"));
        assertEquals("Outer.Inner$", JavaSignatures.className("Outer$Inner$"));
        assertEquals("lambda$onSample$0(int)", JavaSignatures.method(new MethodId("a.B", "lambda$onSample$0", "(I)V")));
    }

    @Test
    void constructorsAreNamedByTheirClass() {
        MethodId ring = new MethodId("com.acme.Ring", "<init>", "(I)V");
        assertEquals("com.acme.Ring(int)", JavaSignatures.qualified(ring));
        assertEquals("Ring(int)", JavaSignatures.simple(ring));
        assertEquals("Ring(int)", JavaSignatures.method(ring));
        MethodId inner = new MethodId("com.acme.Outer$Inner", "<init>", "(Lcom/acme/Outer;)V");
        assertEquals("com.acme.Outer.Inner(Outer)", JavaSignatures.qualified(inner));
        assertEquals("Inner(Outer)", JavaSignatures.method(inner));
    }

    @Test
    void staticInitializersAreNamedSo() {
        MethodId clinit = new MethodId("com.acme.Motor", "<clinit>", "()V");
        assertEquals("com.acme.Motor static initializer", JavaSignatures.qualified(clinit));
        assertEquals("Motor static initializer", JavaSignatures.simple(clinit));
        assertEquals("static initializer", JavaSignatures.method(clinit));
    }

    @Test
    void methodsWrittenAsIdsAsBaselineFilesHoldThem() {
        assertEquals("com.acme.Motor.publish(int)", JavaSignatures.qualified("com.acme.Motor#publish(I)V"));
        assertEquals("not a method", JavaSignatures.qualified("not a method"));
        assertEquals("a#b", JavaSignatures.qualified("a#b"));
    }

    @Test
    void typesOutsideAMethod() {
        assertEquals("int[]", JavaSignatures.simpleTypeName("[I"));
        assertEquals("Map.Entry[]", JavaSignatures.simpleTypeName("[Ljava/util/Map$Entry;"));
        assertEquals("Motor", JavaSignatures.simpleClassName("com.acme.Motor"));
        assertEquals("Motor.Filter", JavaSignatures.simpleClassName("com.acme.Motor$Filter"));
        assertEquals("Motor", JavaSignatures.simpleClassName("Motor"));
    }
}
