package dev.headroom.validation.timing.kernels;

import dev.headroom.annotations.RealTime;

/**
 * CRC-16/CCITT computed bit by bit over a 40-byte message, after Mälardalen {@code crc}. Shapes: exclusive
 * branches in the inner loop (shift with or without the polynomial), counted loops only. The two branches
 * differ by a few bytecodes; the bound takes the longer in every one of the 320 bit steps.
 */
public final class Crc16 {
    private static final int LENGTH = 40;
    private static final byte[] MESSAGE = new byte[LENGTH];

    static {
        String text = "headroom: worst-case bounds for the JVM!";
        for (int i = 0; i < LENGTH; i++) {
            MESSAGE[i] = (byte) text.charAt(i);
        }
    }

    private Crc16() {
    }

    @RealTime
    public static int run() { // expect-wcet: 6569, measured: 6137
        int crc = 0xFFFF;
        for (int i = 0; i < LENGTH; i++) {
            crc ^= (MESSAGE[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                if ((crc & 0x8000) != 0) {
                    crc = ((crc << 1) ^ 0x1021) & 0xFFFF;
                } else {
                    crc = (crc << 1) & 0xFFFF;
                }
            }
        }
        return crc;
    }
}
