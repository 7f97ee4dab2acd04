package io.jenkins.plugins.containercloud.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of one registry's OCI distribution API: ping, manifests, digests, tags and blobs, with
 * Basic and Bearer authentication and bounded retries on transient failures.
 */
public final class RegistryClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
  private static final int MAX_TAG_PAGES = 10_000;

  private final RegistryAddress address;
  private final HttpClient http;
  private final Duration timeout;
  private final RetryPolicy retry;
  private final RegistryAuthenticator authenticator;
  private final Consumer<RetryPolicy.RetryNotice> onRetry;
  private final int tagPageSize;

  private RegistryClient(Builder builder) {
    this.tagPageSize = builder.tagPageSize;
    this.address = builder.address;
    this.timeout = builder.timeout;
    this.retry = builder.retry;
    this.onRetry = builder.onRetry;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(builder.timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.authenticator =
        new RegistryAuthenticator(
            address.host(), builder.credentials.find(address.host()), http, builder.timeout);
  }

  /**
   * Stops the HTTP client's selector thread. Until then it waits in a native call, which holds a
   * command's JVM exit for 0.3 s and, in a server, keeps one idle thread per client ever made.
   */
  @Override
  public void close() {
    http.shutdownNow();
  }

  /** A builder for a client of the registry at {@code address}. */
  public static Builder builder(RegistryAddress address) {
    return new Builder(address);
  }

  /** The registry this client talks to. */
  public RegistryAddress address() {
    return address;
  }

  /** Checks that the registry speaks the v2 API and accepts the credentials (GET /v2/). */
  public void ping() {
    send("GET", "/v2/", "", null, "the registry API");
  }

  /** The manifest's descriptor, from a HEAD: no body is transferred. */
  public ManifestDescriptor headManifest(String repository, String reference) {
    Response response =
        send(
            "HEAD",
            manifestPath(repository, reference),
            pullScope(repository),
            MediaTypes.ACCEPT_ANY,
            repository);
    String digest = response.header("Docker-Content-Digest");
    if (digest.isEmpty()) {
      // Not every registry sends the digest on HEAD; the body's hash is the digest by definition.
      return getManifest(repository, reference).descriptor();
    }
    return new ManifestDescriptor(
        response.header("Content-Type"), digest, parseLong(response.header("Content-Length")));
  }

  /** The manifest with its exact bytes; its digest is checked against them. */
  public Manifest getManifest(String repository, String reference) {
    Response response =
        send(
            "GET",
            manifestPath(repository, reference),
            pullScope(repository),
            MediaTypes.ACCEPT_ANY,
            repository);
    String computed = sha256(response.body);
    String announced = response.header("Docker-Content-Digest");
    if (!announced.isEmpty() && !announced.equals(computed)) {
      throw RegistryException.forStatus(
          "registry "
              + address.host()
              + " served manifest "
              + announced
              + " with content hashing to "
              + computed,
          502);
    }
    if (reference.startsWith("sha256:") && !reference.equals(computed)) {
      throw RegistryException.forStatus(
          "registry "
              + address.host()
              + " served content hashing to "
              + computed
              + " for "
              + reference,
          502);
    }
    String mediaType = response.header("Content-Type");
    if (mediaType.isEmpty()) {
      mediaType = mediaTypeFromBody(response.body);
    }
    return new Manifest(
        new ManifestDescriptor(mediaType, computed, response.body.length), response.body);
  }

  /** The reference pinned by the digest of the manifest its tag (or digest) names today. */
  public ImageReference resolve(ImageReference reference) {
    ManifestDescriptor descriptor =
        headManifest(reference.repository(), reference.manifestReference());
    return reference.withDigest(descriptor.digest());
  }

  /** Every tag of a repository, following the registry's pagination. */
  public List<String> listTags(String repository) {
    List<String> tags = new ArrayList<>();
    String path = "/v2/" + repository + "/tags/list?n=" + tagPageSize;
    for (int page = 0; path != null && page < MAX_TAG_PAGES; page++) {
      Response response = send("GET", path, pullScope(repository), "application/json", repository);
      JsonNode body = readJson(response.body);
      body.path("tags").forEach(tag -> tags.add(tag.asText()));
      path = nextPage(response.header("Link"));
    }
    return tags;
  }

  /** Whether the repository holds a blob with this digest (HEAD, following redirects). */
  public boolean blobExists(String repository, String digest) {
    try {
      send(
          "HEAD",
          "/v2/" + repository + "/blobs/" + digest,
          pullScope(repository),
          null,
          repository);
      return true;
    } catch (RegistryException e) {
      if (e.status() == 404) {
        return false;
      }
      throw e;
    }
  }

  private static String manifestPath(String repository, String reference) {
    return "/v2/" + repository + "/manifests/" + reference;
  }

  private static String pullScope(String repository) {
    return "repository:" + repository + ":pull";
  }

  private Response send(String method, String path, String scope, String accept, String what) {
    try {
      return retry.call(
          () -> sendOnce(method, path, scope, accept, what), RegistryClient::isTransient, onRetry);
    } catch (RegistryException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("interrupted talking to registry " + address.host(), 0, false, e);
    } catch (Exception e) {
      throw connectionFailure(e);
    }
  }

  private Response sendOnce(String method, String path, String scope, String accept, String what)
      throws IOException, InterruptedException {
    Optional<String> authorization = authenticator.cachedHeader(scope);
    HttpResponse<byte[]> response = exchange(method, path, accept, authorization);
    if (response.statusCode() == 401) {
      String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
      response =
          exchange(method, path, accept, Optional.of(authenticator.answer(challenge, scope)));
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw authenticator.refused(status, describe(what));
    }
    if (status >= 300) {
      throw RegistryException.forStatus(
          "registry "
              + address.host()
              + " answered "
              + status
              + " to "
              + method
              + " "
              + path
              + errorDetail(response.body()),
          status);
    }
    return new Response(response);
  }

  private HttpResponse<byte[]> exchange(
      String method, String path, String accept, Optional<String> authorization)
      throws IOException, InterruptedException {
    URI uri = URI.create(address.baseUri() + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (accept != null) {
      request.header("Accept", accept);
    }
    authorization.ifPresent(value -> request.header("Authorization", value));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private String describe(String what) {
    return what.startsWith("the ") ? what : "repository " + what;
  }

  private RegistryException connectionFailure(Exception e) {
    RegistryException described =
        RegistryFailures.describe(
            "a request to " + address.baseUri(),
            address.host(),
            "",
            Optional.empty(),
            RegistryFailures.textOf(e));
    return new RegistryException(described.getMessage(), 0, isTransient(e), e);
  }

  /** 5xx, 429 and I/O failures (reset, timeout, refused) may pass; other answers will not. */
  static boolean isTransient(Exception e) {
    if (e instanceof RegistryException registryException) {
      return registryException.isTransient();
    }
    return e instanceof IOException;
  }

  private static String errorDetail(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    try {
      JsonNode errors = JSON.readTree(body).path("errors");
      if (errors.isArray() && !errors.isEmpty()) {
        JsonNode first = errors.get(0);
        return ": " + first.path("code").asText() + " " + first.path("message").asText();
      }
    } catch (IOException notJson) {
      // Fall through: a proxy's HTML error page is not worth quoting.
    }
    return "";
  }

  private static String nextPage(String link) {
    if (link.isEmpty()) {
      return null;
    }
    Matcher matcher = NEXT_LINK.matcher(link);
    if (!matcher.find()) {
      return null;
    }
    String target = matcher.group(1);
    if (target.startsWith("http://") || target.startsWith("https://")) {
      URI uri = URI.create(target);
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
    return target;
  }

  private static JsonNode readJson(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw RegistryException.forStatus("registry answered with something that is not JSON", 502);
    }
  }

  private static String mediaTypeFromBody(byte[] body) {
    JsonNode json = readJson(body);
    String mediaType = json.path("mediaType").asText("");
    if (!mediaType.isEmpty()) {
      return mediaType;
    }
    return json.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
  }

  /** {@code sha256:<hex>} of the bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static long parseLong(String value) {
    try {
      return value.isEmpty() ? -1 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A successful response, read whole. */
  private static final class Response {
    private final HttpResponse<byte[]> response;
    private final byte[] body;

    Response(HttpResponse<byte[]> response) {
      this.response = response;
      this.body = response.body() == null ? new byte[0] : response.body();
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse("");
    }
  }

  /** Builds a {@link RegistryClient}. */
  public static final class Builder {
    private final RegistryAddress address;
    private CredentialSource credentials = CredentialSource.ANONYMOUS;
    private Duration timeout = Duration.ofSeconds(30);
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private Consumer<RetryPolicy.RetryNotice> onRetry = notice -> {};
    private int tagPageSize = 100;

    private Builder(RegistryAddress address) {
      this.address = address;
    }

    /** Where credentials come from; anonymous by default. */
    public Builder credentials(CredentialSource source) {
      this.credentials = source;
      return this;
    }

    /** Connect and request timeout; 30 s by default. */
    public Builder timeout(Duration value) {
      this.timeout = value;
      return this;
    }

    /** Retries of transient failures; {@link RetryPolicy#DEFAULT} by default. */
    public Builder retry(RetryPolicy policy, Consumer<RetryPolicy.RetryNotice> listener) {
      this.retry = policy;
      this.onRetry = listener;
      return this;
    }

    /** How many tags to ask for per page of the tag list. */
    Builder tagPageSize(int value) {
      this.tagPageSize = value;
      return this;
    }

    public RegistryClient build() {
      return new RegistryClient(this);
    }
  }
}
