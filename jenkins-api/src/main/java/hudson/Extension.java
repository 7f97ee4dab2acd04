package hudson;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jenkins.YesNoMaybe;
import net.java.sezpoz.Indexable;

/** Compile-only declaration of Jenkins' {@code Extension}; see jenkins-api/README.md. */
@Indexable
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface Extension {

  double ordinal() default 0.0;

  @Deprecated
  boolean optional() default false;

  YesNoMaybe dynamicLoadable() default YesNoMaybe.MAYBE;
}
