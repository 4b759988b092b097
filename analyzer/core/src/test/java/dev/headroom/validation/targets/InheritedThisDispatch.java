package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;
import java.util.Arrays;

/**
 * A method inherited by two buffer classes (Agrona's {@code UnsafeBuffer.putLong} through
 * {@code AbstractMutableDirectBuffer}) calls {@code ensureCapacity} on {@code this}: reached with a fixed
 * buffer it checks bounds; reached with an expandable one, which is also created and written here, it
 * grows. The root that writes to the fixed buffer reaches only the bounds check.
 */
public class InheritedThisDispatch {
    abstract static class Buffer {
        long[] words = new long[8];
        int overruns;

        void ensureCapacity(int index) {
            if (index >= words.length) {
                overruns++;
            }
        }

        final void putLongChecked(int index, long value) {
            ensureCapacity(index);
            words[index] = value;
        }

        void putLong(int index, long value) {
            ensureCapacity(index);
            words[index] = value;
        }
    }

    static final class FixedBuffer extends Buffer {
    }

    static final class ExpandableBuffer extends Buffer {
        @Override
        void ensureCapacity(int index) {
            if (index >= words.length) {
                words = Arrays.copyOf(words, index * 2); // expect: heap-allocation
            }
        }
    }

    private final Buffer fixed = new FixedBuffer();
    private final Buffer expandable = new ExpandableBuffer();

    @RealTime
    public void onTick(long value) {
        fixed.putLong(3, value);
        fixed.putLongChecked(4, value);
    }

    @RealTime
    public void onGrow(long value) {
        expandable.putLong(64, value);
    }
}
