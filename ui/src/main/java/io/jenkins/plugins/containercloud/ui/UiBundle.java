package io.jenkins.plugins.containercloud.ui;

/**
 * Where the dashboard's static bundle lies on the classpath, so both hosts name it from one place.
 */
public final class UiBundle {

  /**
   * The classpath folder holding {@code index.html}, {@code login.html}, {@code app.js}, {@code
   * app.css}, {@code login.js} and {@code favicon.svg}; hosts serve it at any URL prefix, since the
   * pages refer to each other by relative URLs.
   */
  public static final String RESOURCE_PATH = "io/jenkins/plugins/containercloud/ui/";

  private UiBundle() {}
}
