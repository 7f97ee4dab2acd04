package hudson.model;

import java.io.Serializable;
import org.kohsuke.stapler.export.CustomExportedBean;

/**
 * Compile-only declaration of Jenkins' {@code Result}; see jenkins-api/README.md.
 *
 * <p>Test infrastructure: the results are distinct and named, as in Jenkins.
 */
public final class Result implements Serializable, CustomExportedBean {

  public static final Result SUCCESS = new Result("SUCCESS");

  public static final Result FAILURE = new Result("FAILURE");

  private final String name;

  private Result(String name) {
    this.name = name;
  }

  @Override
  public String toString() {
    return name;
  }
}
