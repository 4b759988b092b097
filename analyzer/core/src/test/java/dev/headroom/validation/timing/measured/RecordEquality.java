package dev.headroom.validation.timing.measured;

import dev.headroom.annotations.RealTime;

/**
 * A record's generated equals and hashCode call their components' own: the work done in the component
 * (counted here, unlike the generated code itself) must stay within the record method's bound.
 */
public class RecordEquality {
    /** A component whose equals and hashCode loop over a fixed number of digits. */
    static final class Code {
        private final int value;

        Code(int value) {
            this.value = value;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Code c)) {
                return false;
            }
            int same = 0;
            for (int shift = 0; shift < 32; shift += 4) {
                if (((value >>> shift) & 15) == ((c.value >>> shift) & 15)) {
                    same++;
                }
            }
            return same == 8;
        }

        @Override
        public int hashCode() {
            int h = 0;
            for (int shift = 0; shift < 32; shift += 4) {
                h = h * 17 + ((value >>> shift) & 15);
            }
            return h;
        }
    }

    record Tagged(int tag, Code code) {
    }

    private final Tagged fixed = new Tagged(7, new Code(0x1234));

    @RealTime
    public boolean sameAs(int tag, int code) {
        return fixed.equals(new Tagged(tag, new Code(code)));
    }

    @RealTime
    public int hash() {
        return fixed.hashCode();
    }
}
