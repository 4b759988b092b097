package com.acme;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A user's own root annotation, named with {@code --root-annotation com.acme.HotPath} in tests. */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface HotPath {
}
