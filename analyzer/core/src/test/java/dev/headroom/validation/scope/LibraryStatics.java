package dev.headroom.validation.scope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A library-like class with much static state, of which its hot path uses a little: without a RAM budget
 * only the static state the roots read or write is judged; with one, all of it.
 */
public class LibraryStatics {
    static final List<String> TOUCHED = new ArrayList<>();
    static final Map<String, String> UNTOUCHED = new HashMap<>();
    static final int[] LOOKUP = new int[16];
    static int calls;

    /** The root: reads TOUCHED itself, LOOKUP through a callee and INHERITED named through a subclass. */
    public static int onTick(int i) {
        calls++;
        return TOUCHED.size() + lookup(i) + Sub.INHERITED.length;
    }

    private static int lookup(int i) {
        return LOOKUP[i & 15];
    }

    /** Not on the root's path. */
    public static void configure(String key) {
        UNTOUCHED.put(key, key);
    }

    static class Base {
        static final long[] INHERITED = new long[4];
    }

    static final class Sub extends Base {
    }
}
