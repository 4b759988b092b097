package dev.headroom.core.memory;

/** Classes whose instance sizes are compared with JOL: field mixes of every kind, inheritance with gaps. */
@SuppressWarnings("unused")
final class JolFixtures {
    private JolFixtures() {
    }

    static final class Empty {
    }

    static final class OneBoolean {
        boolean z;
    }

    static final class OneByte {
        byte b;
    }

    static final class OneChar {
        char c;
    }

    static final class OneShort {
        short s;
    }

    static final class OneInt {
        int i;
    }

    static final class OneFloat {
        float f;
    }

    static final class OneLong {
        long j;
    }

    static final class OneDouble {
        double d;
    }

    static final class OneReference {
        Object o;
    }

    static final class ByteThenLong {
        byte b;
        long j;
    }

    static final class EveryPrimitive {
        boolean z;
        byte b;
        char c;
        short s;
        int i;
        float f;
        long j;
        double d;
    }

    static final class EveryKindTwice {
        Object o1;
        boolean z1;
        long j1;
        byte b1;
        Object o2;
        char c1;
        double d1;
        short s1;
        int i1;
        boolean z2;
        float f1;
        byte b2;
        long j2;
        char c2;
        short s2;
        int i2;
        float f2;
        double d2;
    }

    static final class References {
        Object a;
        String b;
        int[] c;
        Object d;
        Object e;
    }

    static final class ShortsAndLong {
        short a;
        short b;
        short c;
        long d;
    }

    static class Base {
        byte b;
    }

    static class Middle extends Base {
        long j;
    }

    static final class Leaf extends Middle {
        int i;
        short s;
        byte b2;
    }

    static class LongBase {
        long j;
        boolean z;
    }

    static final class FillsSuperGap extends LongBase {
        byte a;
        short b;
        int c;
        Object o;
    }

    static class RefBase {
        Object o;
    }

    static final class RefThenPrimitives extends RefBase {
        long j;
        int i;
        boolean z;
    }

    static class EmptyBase {
    }

    static final class AfterEmptyBase extends EmptyBase {
        double d;
        char c;
    }

    static class IntAndByte {
        int i;
        byte b;
    }

    static class ThreeLevels1 extends IntAndByte {
        byte c;
        double d;
    }

    static final class ThreeLevels2 extends ThreeLevels1 {
        boolean z;
        Object o;
        long j;
        short s;
    }

    static final class ManyBytes {
        byte b1;
        byte b2;
        byte b3;
        byte b4;
        byte b5;
        byte b6;
        byte b7;
        byte b8;
        byte b9;
    }

    static final class Node {
        int value;
        Node next;
    }

    static final class Ring {
        final Object[] items;
        int head;
        int tail;

        Ring(int capacity) {
            items = new Object[capacity];
        }
    }

    enum Color {
        RED, GREEN, BLUE
    }

    enum Planet {
        MERCURY(3.303e+23, 2.4397e6), EARTH(5.976e+24, 6.37814e6);

        final double mass;
        final double radius;
        final int[] moons = new int[4];

        Planet(double mass, double radius) {
            this.mass = mass;
            this.radius = radius;
        }
    }

    /** Every class above, for the forked JVMs. */
    static final Class<?>[] ALL = {Empty.class, OneBoolean.class, OneByte.class, OneChar.class, OneShort.class,
        OneInt.class, OneFloat.class, OneLong.class, OneDouble.class, OneReference.class, ByteThenLong.class,
        EveryPrimitive.class, EveryKindTwice.class, References.class, ShortsAndLong.class, Base.class, Middle.class,
        Leaf.class, LongBase.class, FillsSuperGap.class, RefBase.class, RefThenPrimitives.class, EmptyBase.class,
        AfterEmptyBase.class, IntAndByte.class, ThreeLevels1.class, ThreeLevels2.class, ManyBytes.class, Node.class,
        Ring.class, Color.class, Planet.class, Object.class, Integer.class, Long.class, java.util.ArrayList.class,
        java.util.HashMap.class, java.util.concurrent.ArrayBlockingQueue.class, Thread.State.class};
}
