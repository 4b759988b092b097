package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;

/**
 * Lambdas: a capturing one allocates where it is created, a non-capturing one does not, and the body of
 * a lambda called through an interface on the path is checked on its own lines, also when it is called
 * through a generic super-interface (javac's bridge is a default method of the lambda's interface).
 */
public class Lambdas {
    /** Only this class implements it, so calls of it dispatch to this class's lambdas alone. */
    interface Step {
        void apply();
    }

    /** A generic listener, and a specialisation of it that only lambdas implement. */
    interface Listener<T> {
        void on(T event);
    }

    interface TextListener extends Listener<String> {
        @Override
        void on(String text);
    }

    private static int ticks;
    private static int[] lengths;
    private final Listener<String> listener = (TextListener) text -> lengths = new int[text.length()]; // expect: heap-allocation
    private int base;
    private int[] scratch;
    private Step pending;
    private final Step grow = () -> scratch = new int[8]; // expect: heap-allocation

    @RealTime
    public void onTick(int n) {
        Step capturing = () -> base += n; // expect: heap-allocation
        Step quiet = () -> ticks++;
        quiet.apply();
        grow.apply();
        pending = capturing;
        listener.on("tick");
    }
}
