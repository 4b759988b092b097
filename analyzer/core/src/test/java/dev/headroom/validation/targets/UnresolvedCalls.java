package dev.headroom.validation.targets;

import dev.headroom.annotations.AssumeCost;
import dev.headroom.annotations.RealTime;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * Calls the analyzer cannot follow: a native method without {@code @AssumeCost} (one with it is
 * trusted), reflection, a method handle, and an interface call with no instantiated implementation.
 */
public class UnresolvedCalls {
    private static final Object[] NO_ARGUMENTS = new Object[0];

    /** Implemented by no class of the program. */
    interface Sink {
        void put(int value);
    }

    private final Method hook;
    private final MethodHandle twice;
    private Sink sink;
    private int value;

    public UnresolvedCalls() throws ReflectiveOperationException {
        hook = UnresolvedCalls.class.getDeclaredMethod("hook");
        twice = MethodHandles.lookup().findStatic(UnresolvedCalls.class, "twice",
                MethodType.methodType(int.class, int.class));
    }

    @RealTime
    public void onTick(int address) throws Throwable {
        value = readRegister(address); // expect: unresolved-call
        value = readTrusted(address);
        hook.invoke(this, NO_ARGUMENTS); // expect: unresolved-call
        value = (int) twice.invokeExact(address); // expect: unresolved-call
        sink.put(value); // expect: unresolved-call
    }

    void hook() {
        value++;
    }

    static int twice(int x) {
        return 2 * x;
    }

    private static native int readRegister(int address);

    @AssumeCost(cycles = 10)
    private static native int readTrusted(int address);
}
