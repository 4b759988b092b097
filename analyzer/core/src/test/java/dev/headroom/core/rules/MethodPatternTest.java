package dev.headroom.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodPatternTest {

    @Test
    void parsesClassMethodAndDescriptor() {
        MethodPattern p = MethodPattern.parse("java.util.HashMap$Node#<init>(ILjava/lang/Object;Ljava/lang/Object;Ljava/util/HashMap$Node;)V");
        assertEquals("java.util.HashMap$Node", p.classPattern());
        assertEquals("<init>", p.methodName());
        assertEquals("(ILjava/lang/Object;Ljava/lang/Object;Ljava/util/HashMap$Node;)V", p.descriptor());

        MethodPattern any = MethodPattern.parse("java.nio.channels.*#*");
        assertEquals("*", any.methodName());
        assertNull(any.descriptor());
        assertEquals("java.nio.channels.", any.literalPrefix());
    }

    @Test
    void singleStarStopsAtDotsDoubleStarDoesNot() {
        List<String> mismatches = new ArrayList<>();
        check(mismatches, "java.nio.channels.*#read", "java.nio.channels.SocketChannel", true);
        check(mismatches, "java.nio.channels.*#read", "java.nio.channels.spi.AbstractSelector", false);
        check(mismatches, "java.nio.channels.*#read", "java.nio.channelsX.Foo", false);
        check(mismatches, "java.**#read", "java.nio.channels.spi.AbstractSelector", true);
        check(mismatches, "java.util.*Map#put", "java.util.HashMap", true);
        check(mismatches, "java.util.*Map#put", "java.util.HashMap$Node", false);
        check(mismatches, "java.util.Hash*#put", "java.util.HashMap$Node", true);
        check(mismatches, "java.util.HashMap#put", "java.util.HashMap", true);
        check(mismatches, "java.util.HashMap#put", "java.util.HashMapX", false);
        check(mismatches, "a.b$C*#m", "a.b$Cx", true);
        check(mismatches, "a.b$C*#m", "a.bxCx", false);
        assertEquals(List.of(), mismatches);
    }

    private static void check(List<String> mismatches, String pattern, String className, boolean expected) {
        if (MethodPattern.parse(pattern).matchesClass(className) != expected) {
            mismatches.add(pattern + (expected ? " should match " : " should not match ") + className);
        }
    }

    @Test
    void validatesDescriptors() {
        List<String> wrong = new ArrayList<>();
        for (String ok : List.of("()V", "(I)Z", "(Ljava/lang/Object;)Z", "([[I[Ljava/lang/String;JD)[B", "(BCDFIJSZ)Ljava/util/List;")) {
            if (!MethodPattern.isMethodDescriptor(ok)) {
                wrong.add("rejected " + ok);
            }
        }
        for (String bad : List.of("", "V", "()", "(I", "(V)V", "()VV", "(Ljava/lang/Object)Z", "(L;)V", "(Ljava.lang.Object;)V",
                "(Ljava//Object;)V", "()[V", "(I)Q", "(Ljava/lang/Object;", "I)V", "([)V")) {
            if (MethodPattern.isMethodDescriptor(bad)) {
                wrong.add("accepted " + bad);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void explainsMalformedPatterns() {
        List<String> mismatches = new ArrayList<>();
        String[][] cases = {
            {"java.util.ArrayList.add", "malformed pattern: no '#' between class and method; expected <class>#<method>[<descriptor>]"},
            {"a.B#c#d", "malformed pattern: more than one '#'; expected <class>#<method>[<descriptor>]"},
            {"#add", "malformed pattern: empty class name before '#'"},
            {"java/util/List#add", "malformed class name 'java/util/List': use a binary name with dots, e.g. java.util.HashMap$Node"},
            {"java..List#add", "malformed class name 'java..List': empty package or class segment"},
            {"java.util.***#add", "malformed class name 'java.util.***': use * or **, not ***"},
            {"java.util.Li-st#add", "malformed class name 'java.util.Li-st': unexpected character '-'"},
            {"java.util.List#", "malformed method name ''; expected a Java identifier, <init>, <clinit> or *"},
            {"java.util.List#a-b", "malformed method name 'a-b'; expected a Java identifier, <init>, <clinit> or *"},
            {"java.util.List#<foo>", "malformed method name '<foo>'; expected a Java identifier, <init>, <clinit> or *"},
            {"java.util.List#*(I)V", "a descriptor needs a method name, not '*'"},
            {"java.util.List#add(I", "malformed descriptor; expected a JVM method descriptor such as (Ljava/lang/Object;)Z"},
            {"java.util.ArrayList#<init>(I)Z", "malformed descriptor; <init> returns V"},
        };
        for (String[] c : cases) {
            String got;
            try {
                MethodPattern.parse(c[0]);
                got = "accepted";
            } catch (IllegalArgumentException e) {
                got = e.getMessage();
            }
            if (!got.equals(c[1])) {
                mismatches.add(c[0] + ": expected '" + c[1] + "', got '" + got + "'");
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
