package org.kohsuke.stapler.export;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jvnet.hudson.annotation_indexer.Indexed;

/** Compile-only declaration of Stapler's {@code ExportedBean}; see jenkins-api/README.md. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Indexed
public @interface ExportedBean {

  int defaultVisibility() default 1;
}
