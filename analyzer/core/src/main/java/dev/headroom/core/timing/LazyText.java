package dev.headroom.core.timing;

import java.util.function.Supplier;

/**
 * A text made when it is first read: the reason a method has no bound is kept by every method that calls
 * it, and on a large program most are never shown, so the pieces are kept instead of the words.
 */
final class LazyText implements CharSequence {
    private Supplier<String> make;
    private String text;

    LazyText(Supplier<String> make) {
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
