package org.kohsuke.stapler.export;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Compile-only declaration of Stapler's {@code Exported}; see jenkins-api/README.md. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Exported {

  int visibility() default 0;

  String name() default "";

  boolean inline() default false;

  boolean merge() default false;

  boolean skipNull() default false;

  String verboseMap() default "";
}
