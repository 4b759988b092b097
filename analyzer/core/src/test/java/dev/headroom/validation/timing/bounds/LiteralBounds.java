package dev.headroom.validation.timing.bounds;

import dev.headroom.annotations.RealTime;

/**
 * A loop that stops at the length of the text it is given: bounded at a call with a string literal (its
 * length is known), or with a final field that holds a literal in an object the static initialisers built;
 * not with a field that can be reassigned, nor with a text the caller passes in.
 */
public class LiteralBounds {
    static final class Holder {
        final String name;

        Holder(String name) {
            this.name = name;
        }
    }

    private static final Holder HOLDER = new Holder("imu");
    private static String reassignable = "x";

    static int sum(CharSequence text) {
        int sum = 0;
        final int n = text.length();
        for (int i = 0; i < n; i++) { // expect: unbounded-loop
            sum += i;
        }
        return sum;
    }

    @RealTime
    public int literal() {
        return sum("tick"); // expect-root: bounded
    }

    @RealTime
    public int literalInAFinalFieldOfAStaticObject() {
        return sum(HOLDER.name); // expect-root: bounded
    }

    @RealTime
    public int reassignableField() {
        return sum(reassignable); // expect-root: unbounded loop
    }

    @RealTime
    public int argument(String text) {
        return sum(text); // expect-root: unbounded loop
    }
}
