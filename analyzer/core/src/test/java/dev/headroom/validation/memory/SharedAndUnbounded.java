package dev.headroom.validation.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Objects reached through two fields are counted once; growable and unsized state is unbounded-static. */
public final class SharedAndUnbounded {
    static final int[] FIRST = new int[10]; // expect-bytes: 56
    static final int[] SECOND = FIRST;
    static final List<String> NAMES = new ArrayList<>(); // expect: unbounded-static
    static final Map<Integer, String> BY_ID = new HashMap<>(64); // expect: unbounded-static
    static final StringBuilder LOG = new StringBuilder(); // expect: unbounded-static
    static final int[] FROM_CLOCK = new int[(int) (System.nanoTime() & 7)]; // expect: unbounded-static
    static final Node CHAIN = chain((int) (System.nanoTime() & 15)); // expect: unbounded-static
    static final Holder HOLDER = new Holder(new ArrayList<>()); // expect: unbounded-static

    private SharedAndUnbounded() {
    }

    static Node chain(int length) {
        Node head = null;
        for (int i = 0; i < length; i++) {
            head = new Node(head);
        }
        return head;
    }

    static final class Node {
        final Node next;

        Node(Node next) {
            this.next = next;
        }
    }

    static final class Holder {
        final List<Object> items;

        Holder(List<Object> items) {
            this.items = items;
        }
    }
}
