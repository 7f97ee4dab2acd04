package io.jenkins.plugins.containercloud.registry;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed, validated and normalised image reference: {@code registry/repository[:tag][@digest]}.
 *
 * <p>Follows the grammar of the distribution project's reference package and Docker's
 * normalisation: no registry means {@code docker.io}, a one-component repository on Docker Hub is
 * under {@code library/}, and a reference with neither tag nor digest means {@code :latest}.
 */
public final class ImageReference {

  /** Docker Hub, as Docker names it in normalised references. */
  public static final String DOCKER_HUB = "docker.io";

  private static final String DEFAULT_TAG = "latest";
  private static final int MAX_NAME_LENGTH = 255;
  private static final Pattern DOMAIN_COMPONENT =
      Pattern.compile("[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+]");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
  private static final Pattern PATH_COMPONENT =
      Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern SHA256_HEX = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern ALGORITHM = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*");
  private static final Pattern ENCODED = Pattern.compile("[a-zA-Z0-9=_-]{32,}");

  private final String registry;
  private final String repository;
  private final String tag;
  private final String digest;

  private ImageReference(String registry, String repository, String tag, String digest) {
    this.registry = registry;
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
  }

  /**
   * Parses and normalises a reference such as {@code nginx}, {@code 127.0.0.1:5000/team/app:1.2} or
   * {@code ghcr.io/org/app@sha256:…}.
   *
   * @throws InvalidReferenceException naming the part that is wrong and how to fix it
   */
  public static ImageReference parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidReferenceException(String.valueOf(text), "it is empty");
    }
    if (!text.equals(text.strip())) {
      throw new InvalidReferenceException(text, "it has leading or trailing whitespace");
    }
    String rest = text;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      validateDigest(text, digest);
    }
    String tag = null;
    int lastColon = rest.lastIndexOf(':');
    if (lastColon > rest.lastIndexOf('/')) {
      tag = rest.substring(lastColon + 1);
      rest = rest.substring(0, lastColon);
      validateTag(text, tag);
    }
    String name = rest;
    if (name.isEmpty()) {
      throw new InvalidReferenceException(text, "the repository name is missing");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new InvalidReferenceException(
          text, "the name is longer than " + MAX_NAME_LENGTH + " characters");
    }
    String registry = DOCKER_HUB;
    String repository = name;
    int slash = name.indexOf('/');
    if (slash >= 0 && looksLikeRegistry(name.substring(0, slash))) {
      registry = name.substring(0, slash);
      repository = name.substring(slash + 1);
      validateRegistry(text, registry);
    }
    if (registry.equals("index.docker.io")) {
      registry = DOCKER_HUB;
    }
    validateRepository(text, repository);
    if (registry.equals(DOCKER_HUB) && repository.indexOf('/') < 0) {
      repository = "library/" + repository;
    }
    if (tag == null && digest == null) {
      tag = DEFAULT_TAG;
    }
    return new ImageReference(registry, repository, tag, digest);
  }

  /**
   * Docker's rule: the first component names a registry if it has a dot, a port or is localhost.
   */
  private static boolean looksLikeRegistry(String first) {
    return first.contains(".")
        || first.contains(":")
        || first.equals("localhost")
        || !first.toLowerCase(Locale.ROOT).equals(first);
  }

  private static void validateRegistry(String text, String registry) {
    String host = registry;
    String port = null;
    if (registry.startsWith("[")) {
      int close = registry.indexOf(']');
      host = close < 0 ? registry : registry.substring(0, close + 1);
      String after = close < 0 ? "" : registry.substring(close + 1);
      if (after.startsWith(":")) {
        port = after.substring(1);
      } else if (!after.isEmpty()) {
        host = registry;
      }
      if (!IPV6.matcher(host).matches()) {
        throw new InvalidReferenceException(
            text, "registry host \"" + host + "\" is not a valid IPv6 address in brackets");
      }
    } else {
      int colon = registry.indexOf(':');
      if (colon >= 0) {
        host = registry.substring(0, colon);
        port = registry.substring(colon + 1);
      }
      for (String component : host.split("\\.", -1)) {
        if (!DOMAIN_COMPONENT.matcher(component).matches()) {
          throw new InvalidReferenceException(
              text,
              "registry host \""
                  + host
                  + "\" is not a valid host name (letters, digits and inner hyphens,"
                  + " separated by dots)");
        }
      }
    }
    if (port != null
        && (!PORT.matcher(port).matches()
            || Integer.parseInt(port) == 0
            || Integer.parseInt(port) > 65535)) {
      throw new InvalidReferenceException(
          text, "registry port \"" + port + "\" is not a number between 1 and 65535");
    }
  }

  private static void validateRepository(String text, String repository) {
    if (!repository.toLowerCase(Locale.ROOT).equals(repository)) {
      throw new InvalidReferenceException(
          text,
          "repository \""
              + repository
              + "\" must be lowercase (try \""
              + repository.toLowerCase(Locale.ROOT)
              + "\")");
    }
    for (String component : repository.split("/", -1)) {
      if (!PATH_COMPONENT.matcher(component).matches()) {
        throw new InvalidReferenceException(
            text,
            "repository path component \""
                + component
                + "\" is invalid: use lowercase letters and digits, separated by '.', '_', '__' or"
                + " '-'");
      }
    }
  }

  private static void validateTag(String text, String tag) {
    if (!TAG.matcher(tag).matches()) {
      throw new InvalidReferenceException(
          text,
          "tag \""
              + tag
              + "\" is invalid: at most 128 letters, digits, '_', '.' or '-', not starting with '.'"
              + " or '-'");
    }
  }

  private static void validateDigest(String text, String digest) {
    int colon = digest.indexOf(':');
    if (colon <= 0) {
      throw new InvalidReferenceException(
          text,
          "digest \"" + digest + "\" must be written algorithm:hex, e.g. sha256:<64 hex digits>");
    }
    String algorithm = digest.substring(0, colon);
    String encoded = digest.substring(colon + 1);
    if (algorithm.equals("sha256")) {
      if (!SHA256_HEX.matcher(encoded).matches()) {
        throw new InvalidReferenceException(
            text,
            "digest \""
                + digest
                + "\" must have exactly 64 lowercase hex digits after sha256: (it has "
                + encoded.length()
                + " characters)");
      }
    } else if (!ALGORITHM.matcher(algorithm).matches() || !ENCODED.matcher(encoded).matches()) {
      throw new InvalidReferenceException(
          text, "digest \"" + digest + "\" is not algorithm:encoded, e.g. sha256:<64 hex digits>");
    }
  }

  /** The registry host, with its port if any, e.g. {@code docker.io} or {@code 127.0.0.1:5000}. */
  public String registry() {
    return registry;
  }

  /** The repository path inside the registry, e.g. {@code library/nginx}. */
  public String repository() {
    return repository;
  }

  /** The tag, if the reference has one. */
  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }

  /** The manifest digest, if the reference is pinned. */
  public Optional<String> digest() {
    return Optional.ofNullable(digest);
  }

  /** The tag or digest that addresses the manifest: the digest when pinned, else the tag. */
  public String manifestReference() {
    return digest != null ? digest : tag;
  }

  /** {@code registry/repository}, without tag or digest. */
  public String name() {
    return registry + "/" + repository;
  }

  /** This reference with another tag and no digest. */
  public ImageReference withTag(String newTag) {
    validateTag(name() + ":" + newTag, newTag);
    return new ImageReference(registry, repository, newTag, null);
  }

  /** This reference pinned by a manifest digest; the tag is kept for readability. */
  public ImageReference withDigest(String newDigest) {
    validateDigest(name() + "@" + newDigest, newDigest);
    return new ImageReference(registry, repository, tag, newDigest);
  }

  /** {@code registry/repository@digest}: the pinned form, without the tag. */
  public ImageReference pinned() {
    if (digest == null) {
      throw new IllegalStateException(this + " is not pinned by a digest");
    }
    return new ImageReference(registry, repository, null, digest);
  }

  /**
   * Whether the registry is on this machine's loopback interface, which Docker (and this project)
   * allow over plain HTTP without configuration.
   */
  public boolean isLoopbackRegistry() {
    return RegistryAddress.isLoopback(registry);
  }

  /** The full normalised form, e.g. {@code docker.io/library/nginx:latest}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(name());
    if (tag != null) {
      text.append(':').append(tag);
    }
    if (digest != null) {
      text.append('@').append(digest);
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ImageReference that && toString().equals(that.toString());
  }

  @Override
  public int hashCode() {
    return Objects.hash(toString());
  }
}
