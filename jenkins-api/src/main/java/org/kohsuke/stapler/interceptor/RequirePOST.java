package org.kohsuke.stapler.interceptor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Compile-only declaration of Jenkins' {@code RequirePOST}; see jenkins-api/README.md. */
// Stapler's also carries @InterceptorAnnotation, which only matters at run time, on Stapler's
// class.
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface RequirePOST {}
