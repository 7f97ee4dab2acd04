package hudson.init;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jvnet.hudson.annotation_indexer.Indexed;

/**
 * Compile-only declaration of Jenkins' {@code Initializer}; see jenkins-api/README.md. Jenkins
 * finds the annotated methods through {@code
 * META-INF/services/annotations/hudson.init.Initializer}, which the plugin's build writes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Indexed
public @interface Initializer {

  InitMilestone after() default InitMilestone.STARTED;

  InitMilestone before() default InitMilestone.COMPLETED;

  String[] requires() default {};

  String[] attains() default {};

  String displayName() default "";

  boolean fatal() default true;
}
