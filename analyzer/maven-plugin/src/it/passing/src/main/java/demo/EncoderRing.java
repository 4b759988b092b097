package demo;

/** A fixed-capacity ring of encoder deltas: storage allocated once, inserts say when it is full. */
public final class EncoderRing {
    private final int[] deltas = new int[64];
    private int head;
    private int tail;

    public boolean offer(int delta) {
        if (tail - head == deltas.length) {
            return false;
        }
        deltas[tail & 63] = delta;
        tail++;
        return true;
    }

    public int poll() {
        if (head == tail) {
            return 0;
        }
        int delta = deltas[head & 63];
        head++;
        return delta;
    }
}
