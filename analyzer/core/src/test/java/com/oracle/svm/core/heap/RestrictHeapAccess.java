package com.oracle.svm.core.heap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Test stand-in for GraalVM Native Image's annotation of the same name, with its real package name and
 * the element Headroom's bundled {@code roots.json} maps: {@code access}, of the nested enum {@code Access}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface RestrictHeapAccess {
    enum Access {
        UNRESTRICTED,
        NO_ALLOCATION
    }

    Access access();

    String reason() default "";
}
