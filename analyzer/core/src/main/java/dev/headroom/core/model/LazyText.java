package dev.headroom.core.model;

import java.util.function.Supplier;

/**
 * A text made when it is first read. The analyses keep a message for many more candidates than they report
 * (every method's reason to have no bound, every call's effect inside library code, every recursive call),
 * and on a large program most are never shown: the pieces are kept instead of the words.
 */
public final class LazyText implements CharSequence {
    private Supplier<String> make;
    private String text;

    public LazyText(Supplier<String> make) {
        this.make = make;
    }

    @Override
    public String toString() {
        if (text == null) {
            text = make.get();
            make = null;
        }
        return text;
    }

    @Override
    public int length() {
        return toString().length();
    }

    @Override
    public char charAt(int index) {
        return toString().charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }
}
