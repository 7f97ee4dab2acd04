package hudson.init;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jvnet.hudson.annotation_indexer.Indexed;

/**
 * Compile-only declaration of Jenkins' {@code Terminator}; see jenkins-api/README.md. Jenkins finds
 * the annotated methods through {@code META-INF/services/annotations/hudson.init.Terminator}, which
 * the plugin's build writes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Indexed
public @interface Terminator {

  TermMilestone after() default TermMilestone.STARTED;

  TermMilestone before() default TermMilestone.COMPLETED;

  String[] requires() default {};

  String[] attains() default {};

  String displayName() default "";
}
