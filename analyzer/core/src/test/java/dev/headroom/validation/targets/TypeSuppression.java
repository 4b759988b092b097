package dev.headroom.validation.targets;

import dev.headroom.annotations.RealTime;
import dev.headroom.annotations.Suppress;

/** A type-level {@code @Suppress} covers the type's methods and those of its nested classes. */
public class TypeSuppression {
    private final Startup startup = new Startup();
    private final Startup.Tables tables = new Startup.Tables();

    @RealTime
    public void onStart(int n) {
        startup.prepare(n);
        tables.fill(n);
    }

    @Suppress(value = "heap-allocation", reason = "runs once, before the control loop starts")
    static final class Startup {
        private int[] table;

        void prepare(int n) {
            table = new int[n]; // expect: suppressed heap-allocation
        }

        static final class Tables {
            private long[][] rows;

            void fill(int n) {
                rows = new long[n][n]; // expect: suppressed heap-allocation
            }
        }
    }
}
