package dev.headroom.core.callgraph;

import dev.headroom.core.rules.EventKind;
import java.util.List;
import java.util.Objects;
import org.objectweb.asm.Handle;

/**
 * Something at one instruction of a method that the analyses care about.
 *
 * <p>{@code cold} is true when every path from the instruction leaves the method by a throw (building an
 * exception and throwing it, a handler that ends by throwing), or it is the code of an {@code assert}
 * while assertions are disabled (see {@link ColdCode}).
 */
public sealed interface Site {
    int index();

    int line();

    boolean cold();

    /**
     * An allocation the instruction itself makes: {@code new}, an array, a string concatenation, an
     * array clone. {@code newType} is the internal name of the class for {@code new}, else null;
     * {@code kind} says which of these it is (it selects the finding's remedy).
     */
    record Allocation(int index, int line, boolean cold, String message, String newType, EventKind kind) implements Site {
        public Allocation {
            // A program's allocation sites repeat a few texts ("new java.lang.StringBuilder"): kept once each.
            message = message.intern();
        }
    }

    /** {@code monitorenter}: a synchronized block. */
    record Monitor(int index, int line, boolean cold) implements Site {
    }

    /**
     * invokestatic, invokespecial, invokevirtual or invokeinterface. {@code resultIgnored}: the call
     * returns a boolean or int status that is certainly discarded (popped at once, or stored to a local that is not read
     * before it is stored again or the method ends); false when unsure.
     */
    record Invoke(int index, int line, boolean cold, int opcode, String owner, String name, String descriptor,
                  boolean isInterface, boolean resultIgnored) implements Site {
    }

    /**
     * A lambda or method reference created by LambdaMetafactory. Capturing ones allocate an object each
     * time the expression is evaluated; non-capturing ones are created once.
     */
    record Lambda(int index, int line, boolean cold, LambdaShape shape, int captured) implements Site {
        public boolean capturing() {
            return captured > 0;
        }
    }

    /** An invokedynamic with a bootstrap the analyzer does not model. */
    record UnknownDynamic(int index, int line, boolean cold, String bootstrap, String name) implements Site {
    }

    /**
     * What a lambda object is: which functional interface it implements, the method name and erased
     * descriptors it answers to, and the method that does the work.
     */
    record LambdaShape(String functionalInterface, String methodName, List<String> descriptors, Handle implementation) {
        public boolean answers(String name, String descriptor) {
            return methodName.equals(name) && descriptors.contains(descriptor);
        }

        // Written out, with the generated methods' hash (maps keep their order): those run through method handles
        // the JVM makes on their first call in a run, and are slow in the launcher's C1-compiled code.
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof LambdaShape l
                    && Objects.equals(functionalInterface, l.functionalInterface) && Objects.equals(methodName, l.methodName)
                    && Objects.equals(descriptors, l.descriptors) && Objects.equals(implementation, l.implementation);
        }

        @Override
        public int hashCode() {
            return ((Objects.hashCode(functionalInterface) * 31 + Objects.hashCode(methodName)) * 31
                    + Objects.hashCode(descriptors)) * 31 + Objects.hashCode(implementation);
        }
    }
}
