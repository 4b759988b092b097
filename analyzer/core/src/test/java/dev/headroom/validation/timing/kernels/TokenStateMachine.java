package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.RealTime;

/**
 * A tokenizer as a state machine (a switch on the state inside a loop over the input), in the spirit of
 * TACLeBench {@code statemate} and Mälardalen {@code nsichneu} (written from scratch, far smaller). Shapes:
 * mutually exclusive branches (one case per state, and one character class per case), many paths through one
 * iteration of which few can follow each other.
 */
public final class TokenStateMachine {
    private static final int START = 0;
    private static final int NUMBER = 1;
    private static final int NAME = 2;
    private static final int ERROR = 3;
    private static final int LENGTH = 64;
    private static final byte[] TEXT = new byte[LENGTH];

    static {
        String s = "x1 = 42 + y * (17 - z9) ; q = 3$ 7 ; total = x1 + q * 256 ;     ";
        for (int i = 0; i < LENGTH; i++) {
            TEXT[i] = (byte) s.charAt(i);
        }
    }

    private TokenStateMachine() {
    }

    @RealTime
    public static int run() { // expect-wcet: 2777, measured: 2048
        int state = START;
        int tokens = 0;
        int numbers = 0;
        int value = 0;
        int errors = 0;
        for (int i = 0; i < LENGTH; i++) {
            int c = TEXT[i];
            boolean digit = c >= '0' && c <= '9';
            boolean letter = c >= 'a' && c <= 'z';
            switch (state) {
                case START:
                    if (digit) {
                        state = NUMBER;
                        value = c - '0';
                    } else if (letter) {
                        state = NAME;
                    } else if (c != ' ') {
                        if (c == '$') {
                            state = ERROR;
                            errors++;
                        } else {
                            tokens++;
                        }
                    }
                    break;
                case NUMBER:
                    if (digit) {
                        value = value * 10 + (c - '0');
                    } else {
                        numbers += value;
                        tokens++;
                        state = c == ' ' ? START : ERROR;
                    }
                    break;
                case NAME:
                    if (!digit && !letter) {
                        tokens++;
                        state = c == ' ' ? START : ERROR;
                    }
                    break;
                default:
                    if (c == ';') {
                        state = START;
                    }
                    break;
            }
        }
        return tokens * 10_000 + numbers * 10 + errors;
    }
}
