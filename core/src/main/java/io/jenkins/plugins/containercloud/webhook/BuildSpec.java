package io.jenkins.plugins.containercloud.webhook;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The "build and deploy" section of a trigger rule for code pushes: where the source is, how the
 * image is built (a Dockerfile through the Docker daemon, or daemonless with Jib), where it is
 * pushed and how it is tagged. Registry credentials are not here: the host's registry logins are
 * used, by the target registry's name.
 *
 * @param gitUrl where to fetch from; null for the clone URL the delivery names
 * @param context the build context, a folder inside the repository ({@code .} for its root)
 * @param dockerfile the Dockerfile, relative to the context (Dockerfile builds)
 * @param daemonless whether to build without a daemon: the context becomes one layer at {@code
 *     /app} on {@code base}, run with {@code cmd}
 * @param base the base image of a daemonless build
 * @param cmd the command of a daemonless build's image (empty: the base image's)
 * @param image the repository to push to, e.g. {@code registry.internal:5000/team/web}
 * @param tag the tag to push, with {@code {commit}}, {@code {short}} (12 hex digits) and {@code
 *     {ref}} (the branch or tag name) replaced
 * @param gitCredentials the login to fetch a private repository with over HTTPS (null: none); not
 *     stored with triggers
 */
public record BuildSpec(
    String gitUrl,
    String context,
    String dockerfile,
    boolean daemonless,
    String base,
    List<String> cmd,
    String image,
    String tag,
    GitLogin gitCredentials) {

  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  /** A build without Git credentials. */
  public BuildSpec(
      String gitUrl,
      String context,
      String dockerfile,
      boolean daemonless,
      String base,
      List<String> cmd,
      String image,
      String tag) {
    this(gitUrl, context, dockerfile, daemonless, base, cmd, image, tag, null);
  }

  public BuildSpec {
    if (gitUrl != null) {
      checkGitUrl("build.gitUrl", gitUrl);
      if (gitCredentials != null) {
        GitLogin.checkUrl("build.gitUrl", gitUrl);
      }
    }
    context = context == null || context.isBlank() ? "." : context;
    Path inRepo = Path.of(context).normalize();
    if (inRepo.isAbsolute() || inRepo.startsWith("..")) {
      throw new IllegalArgumentException(
          "build.context: '" + context + "' must be a folder inside the repository, e.g. app");
    }
    dockerfile = dockerfile == null || dockerfile.isBlank() ? "Dockerfile" : dockerfile;
    if (Path.of(dockerfile).isAbsolute() || Path.of(dockerfile).normalize().startsWith("..")) {
      throw new IllegalArgumentException(
          "build.dockerfile: '" + dockerfile + "' must be a path inside the context");
    }
    if (daemonless && (base == null || base.isBlank())) {
      throw new IllegalArgumentException(
          "build.base: a daemonless build needs its base image, e.g. registry:5000/busybox");
    }
    cmd = List.copyOf(cmd == null ? List.of() : cmd);
    if (image == null || image.isBlank() || image.contains("@") || lastSegmentHasTag(image)) {
      throw new IllegalArgumentException(
          "build.image: give the repository to push to without tag or digest, e.g."
              + " registry.internal:5000/team/web");
    }
    tag = tag == null || tag.isBlank() ? "{commit}" : tag;
    String sample =
        tag.replace("{commit}", "0".repeat(40)).replace("{short}", "0").replace("{ref}", "main");
    if (!TAG.matcher(sample).matches()) {
      throw new IllegalArgumentException(
          "build.tag: '"
              + tag
              + "' does not make a valid image tag; use letters, digits, '.', '_', '-' and"
              + " {commit}, {short} or {ref}");
    }
  }

  /** The tag for a pushed commit; a ref name's characters that a tag cannot hold become '-'. */
  String tagFor(CodePushed push) {
    String ref = push.branch() != null ? push.branch() : push.tag();
    String refName = ref == null ? "ref" : ref.replaceAll("[^A-Za-z0-9_.-]", "-");
    String result =
        tag.replace("{commit}", push.commit())
            .replace("{short}", push.commit().substring(0, Math.min(12, push.commit().length())))
            .replace("{ref}", refName);
    return result.length() > 128 ? result.substring(0, 128) : result;
  }

  /**
   * Refuses what is not a network Git address: a {@code file:} URL or a local path in a delivery
   * would make the server read its own disk.
   */
  static void checkGitUrl(String field, String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": '" + redact(url) + "' is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!List.of("http", "https", "git").contains(scheme) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          field + ": '" + redact(url) + "' must be an http, https or git:// address of a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          field
              + ": '"
              + redact(url)
              + "' carries a user name or password; remove them from the address and give them as"
              + " the rule's build.gitCredentials");
    }
  }

  /** Text without the user information of the URLs in it (a token may be written there). */
  static String redact(String text) {
    return text == null ? null : text.replaceAll("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s]*@", "$1");
  }

  private static boolean lastSegmentHasTag(String image) {
    int slash = image.lastIndexOf('/');
    return image.substring(slash + 1).contains(":");
  }
}
