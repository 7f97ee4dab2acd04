package org.kohsuke.stapler;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Compile-only declaration of Jenkins' {@code QueryParameter}; see jenkins-api/README.md. */
// Stapler's also carries @InjectedParameter, which only matters at run time, on Stapler's class.
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface QueryParameter {

  String value() default "";

  boolean required() default false;

  boolean fixEmpty() default false;
}
