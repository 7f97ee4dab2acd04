package io.jenkins.plugins.containercloud.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Machines on OpenStack: Keystone v3 password authentication ({@link KeystoneSession}) and Nova's
 * servers API over plain HTTP. A server is booted with the pool's flavour, image and network, the
 * user data Base64-encoded, and metadata naming its pool, owner and request key.
 *
 * <p>Nova has no client token, so idempotency is ours: every server of a request is named {@code
 * <pool>-<key hash>-<index>} and carries the key in its metadata; {@link #create} first lists the
 * key's servers and boots only the indexes that are missing, one server per call. Nova has no
 * metadata filter either: ownership is checked on {@code /servers/detail}'s metadata.
 *
 * <p>After booting, {@link #create} polls the new servers until they leave BUILD, for at most
 * {@code buildTimeout}: servers that end in ERROR are deleted and reported (Nova's "No valid host"
 * as {@link ProviderException.Kind#CAPACITY}); servers still building are returned as booting. A
 * quota refusal (403 or 413 "Quota exceeded") is {@code CAPACITY}; 429 or a 413 rate limit is
 * retried with backoff; a 401 makes the session authenticate again once.
 *
 * <p>Settings: {@code authUrl} (Keystone v3), {@code username}, {@code passwordRef}, {@code
 * projectName} or {@code projectId}, {@code userDomainName}/{@code userDomainId} and {@code
 * projectDomainName}/{@code projectDomainId} (default id {@code default}), {@code region}, {@code
 * interface} (default public), {@code flavorRef}, {@code imageRef}, {@code networkId} (else the
 * template's instance type, image and network), {@code keyName}, {@code securityGroups}
 * (comma-separated names), {@code availabilityZone}, {@code buildTimeout}, {@code pollInterval},
 * {@code requestTimeout} and {@code throttleBackoff} (ISO-8601, default PT30S, PT1S, PT30S,
 * PT0.5S).
 */
public final class OpenStackNodeProvider implements NodeProvider {

  /** Nova's limit on the Base64-encoded user data. */
  static final int USER_DATA_LIMIT = 65535;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A bound on the pages of one listing (a million servers at Nova's default page size). */
  private static final int MAX_PAGES = 1000;

  private static final Set<String> REQUIRED = Set.of("authUrl", "username", "passwordRef");

  private final HttpClient http;
  private final KeystoneSession session;
  private final ProviderSettings settings;
  private final String owner;
  private final Backoff backoff;
  private final Duration timeout;

  private OpenStackNodeProvider(ProviderSettings settings, String owner) {
    this.settings = settings;
    this.owner = owner;
    this.timeout = duration("requestTimeout", "PT30S");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.session = new KeystoneSession(http, timeout, settings);
    Duration base = duration("throttleBackoff", "PT0.5S");
    this.backoff = new Backoff(6, base, base.multipliedBy(32));
  }

  /** A provider for {@code settings} (checked first), owning machines as {@code owner}. */
  public static OpenStackNodeProvider connect(ProviderSettings settings, String owner) {
    check(settings);
    return new OpenStackNodeProvider(settings, owner);
  }

  /** Fails naming the first setting that is missing or malformed; connects to nothing. */
  public static void check(ProviderSettings settings) {
    for (String key : REQUIRED.stream().sorted().toList()) {
      if (settings.optional(key, null) == null) {
        throw new IllegalArgumentException(
            "provider openstack: the setting "
                + key.replaceAll("Ref$", "")
                + " is required ("
                + example(key)
                + ")");
      }
    }
    settings.secret("passwordRef");
    if (settings.optional("projectName", null) == null
        && settings.optional("projectId", null) == null) {
      throw new IllegalArgumentException(
          "provider openstack: the setting projectName (or projectId) is required");
    }
    String authUrl = settings.required("authUrl");
    if (!authUrl.startsWith("http://") && !authUrl.startsWith("https://")) {
      throw new IllegalArgumentException(
          "provider openstack: authUrl must be an http(s) URL of Keystone v3, e.g."
              + " https://keystone.example.com:5000/v3");
    }
    for (String key :
        List.of("buildTimeout", "pollInterval", "requestTimeout", "throttleBackoff")) {
      String value = settings.optional(key, null);
      if (value != null) {
        try {
          Duration.parse(value);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(
              "provider openstack: " + key + " must be an ISO-8601 duration such as PT30S");
        }
      }
    }
  }

  private static String example(String key) {
    return switch (key) {
      case "authUrl" -> "Keystone v3, e.g. https://keystone.example.com:5000/v3";
      case "passwordRef" -> "a reference: {env: OS_PASSWORD} or {file: PATH}";
      default -> "the Keystone user";
    };
  }

  @Override
  public List<Machine> create(CreateRequest request) {
    NodePool pool = request.pool();
    String flavor = setting("flavorRef", pool.template().instanceType(), "template.instanceType");
    String image = setting("imageRef", pool.template().image(), "template.image");
    String userData = encodeUserData(request.userData());
    String prefix = serverPrefix(pool.name(), request.idempotencyKey());
    List<Named> existing = byMetadata(pool.name(), REQUEST_TAG, request.idempotencyKey());
    Set<String> names = new HashSet<>();
    existing.forEach(m -> names.add(m.name()));
    List<String> booted = new ArrayList<>();
    for (int i = 0; i < request.count(); i++) {
      String name = prefix + "-" + i;
      if (!names.contains(name)) {
        ObjectNode body = bootBody(request, name, flavor, image, userData);
        JsonNode answer = backoff.call(() -> call("POST", "/servers", body, 202));
        booted.add(answer.path("server").path("id").asText());
      }
    }
    List<Machine> all = new ArrayList<>(existing.stream().map(Named::machine).toList());
    all.addAll(awaitBuilt(pool.name(), booted));
    return all;
  }

  private ObjectNode bootBody(
      CreateRequest request, String name, String flavor, String image, String userData) {
    ObjectNode server = JSON.createObjectNode();
    server.put("name", name);
    server.put("flavorRef", flavor);
    server.put("imageRef", image);
    server.put("user_data", userData);
    ObjectNode metadata = server.putObject("metadata");
    metadata.put(POOL_TAG, request.pool().name());
    metadata.put(OWNER_TAG, owner);
    metadata.put(REQUEST_TAG, request.idempotencyKey());
    String network = settings.optional("networkId", request.pool().template().network());
    if (network != null) {
      server.putArray("networks").addObject().put("uuid", network);
    }
    String keyName = settings.optional("keyName", null);
    if (keyName != null) {
      server.put("key_name", keyName);
    }
    String groups = settings.optional("securityGroups", null);
    if (groups != null) {
      var list = server.putArray("security_groups");
      for (String g : groups.split(",")) {
        list.addObject().put("name", g.trim());
      }
    }
    String zone = settings.optional("availabilityZone", null);
    if (zone != null) {
      server.put("availability_zone", zone);
    }
    ObjectNode root = JSON.createObjectNode();
    root.set("server", server);
    return root;
  }

  /**
   * Polls the booted servers until none is in BUILD or the build timeout passes; deletes the ones
   * that went ERROR and reports them.
   */
  private List<Machine> awaitBuilt(String pool, List<String> ids) {
    Duration poll = duration("pollInterval", "PT1S");
    Instant deadline = Instant.now().plus(duration("buildTimeout", "PT30S"));
    List<Machine> machines = new ArrayList<>();
    List<String> waiting = new ArrayList<>(ids);
    List<String> faults = new ArrayList<>();
    while (!waiting.isEmpty()) {
      for (String id : List.copyOf(waiting)) {
        JsonNode server =
            backoff.call(() -> call("GET", "/servers/" + id, null, 200)).path("server");
        String status = server.path("status").asText();
        if ("ERROR".equals(status)) {
          waiting.remove(id);
          faults.add(server.path("fault").path("message").asText("no fault given"));
          delete(id);
        } else if (!"BUILD".equals(status) || !Instant.now().isBefore(deadline)) {
          waiting.remove(id);
          machines.add(machine(server, pool).machine());
        }
      }
      if (!waiting.isEmpty()) {
        sleep(poll);
      }
    }
    if (!faults.isEmpty()) {
      boolean capacity =
          faults.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).contains("no valid host"));
      throw new ProviderException(
          capacity ? "NoValidHost" : "ServerError",
          capacity ? ProviderException.Kind.CAPACITY : ProviderException.Kind.OTHER,
          "Nova: "
              + faults.size()
              + " of "
              + ids.size()
              + " servers went ERROR and were deleted ("
              + faults.get(0)
              + ")"
              + (machines.isEmpty() ? "" : "; " + machines.size() + " booted"),
          null);
    }
    return machines;
  }

  /** Base64 of the user data, after Nova's limit on the encoded form is checked. */
  static String encodeUserData(String userData) {
    return UserDataEncoding.base64Within(
        userData, USER_DATA_LIMIT, "Nova accepts at most 65535", "shorten the template");
  }

  /** {@code <pool>-<first 8 hex of the key's SHA-256>}, a DNS label for the node name. */
  static String serverPrefix(String pool, String key) {
    String hash;
    try {
      hash =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)))
              .substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    String base = pool.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    base = base.substring(0, Math.min(base.length(), 40)).replaceAll("^-+|-+$", "");
    return (base.isEmpty() ? "node" : base) + "-" + hash;
  }

  @Override
  public List<Machine> listOwned(String pool) {
    return byMetadata(pool, POOL_TAG, pool).stream().map(Named::machine).toList();
  }

  /** A machine and its server's name. */
  private record Named(Machine machine, String name) {}

  private List<Named> byMetadata(String pool, String key, String value) {
    List<Named> found = new ArrayList<>();
    for (JsonNode s : allServers()) {
      JsonNode metadata = s.path("metadata");
      boolean ours =
          owner.equals(metadata.path(OWNER_TAG).asText(null))
              && pool.equals(metadata.path(POOL_TAG).asText(null))
              && value.equals(metadata.path(key).asText(null));
      String status = s.path("status").asText();
      if (ours && !"DELETED".equals(status) && !"SOFT_DELETED".equals(status)) {
        found.add(machine(s, pool));
      }
    }
    return found;
  }

  /**
   * Every server of the project, page after page: Nova returns at most its {@code osapi_max_limit}
   * (1000 by default) per answer and a {@code servers_links} "next" link, whose query (the marker)
   * is followed on our own endpoint.
   */
  private List<JsonNode> allServers() {
    List<JsonNode> servers = new ArrayList<>();
    String path = "/servers/detail";
    for (int page = 0; path != null && page < MAX_PAGES; page++) {
      String current = path;
      JsonNode answer = backoff.call(() -> call("GET", current, null, 200));
      answer.path("servers").forEach(servers::add);
      path = null;
      for (JsonNode link : answer.path("servers_links")) {
        String href = link.path("href").asText("");
        if ("next".equals(link.path("rel").asText()) && href.contains("?")) {
          path = "/servers/detail" + href.substring(href.indexOf('?'));
        }
      }
    }
    return servers;
  }

  @Override
  public void delete(String id) {
    backoff.call(
        () -> {
          try {
            call("DELETE", "/servers/" + URLEncoder.encode(id, StandardCharsets.UTF_8), null, 204);
          } catch (ProviderException e) {
            if (!"itemNotFound".equals(e.code()) && !"http404".equals(e.code())) {
              throw e;
            }
          }
          return null;
        });
  }

  private static Named machine(JsonNode s, String pool) {
    String id = s.path("id").asText();
    Instant created = null;
    try {
      created = Instant.parse(s.path("created").asText());
    } catch (DateTimeParseException e) {
      // left unknown: the garbage collector then never times it out, listOwned still shows it
    }
    return new Named(
        new Machine(
            id,
            pool,
            s.path("status").asText("UNKNOWN").toLowerCase(Locale.ROOT),
            created,
            "openstack:///" + id,
            s.path("metadata").path(REQUEST_TAG).asText(null)),
        s.path("name").asText());
  }

  /** One Nova call with the session's token; authenticates again once on a 401. */
  private JsonNode call(String method, String path, JsonNode body, int expected) {
    String token = session.token();
    HttpResponse<String> response = send(method, path, body, token);
    if (response.statusCode() == 401) {
      session.invalidate(token);
      response = send(method, path, body, session.token());
    }
    int status = response.statusCode();
    if (status == expected || (status >= 200 && status < 300)) {
      try {
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
      } catch (IOException e) {
        throw new ProviderException(
            "BadResponse", ProviderException.Kind.OTHER, "Nova " + method + " " + path, e);
      }
    }
    throw NovaFaults.of(method, path, response);
  }

  private HttpResponse<String> send(String method, String path, JsonNode body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(session.computeEndpoint() + path))
            .timeout(timeout)
            .header("X-Auth-Token", token)
            .header("Accept", "application/json");
    try {
      if (body != null) {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ProviderException(
          "Unreachable",
          ProviderException.Kind.TRANSIENT,
          "Nova " + method + " " + path + ": " + e,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException("Interrupted", ProviderException.Kind.OTHER, "interrupted", e);
    }
  }

  private String setting(String key, String fromTemplate, String templateField) {
    String value = settings.optional(key, fromTemplate);
    if (value == null) {
      throw new ProviderException(
          "MissingSetting",
          ProviderException.Kind.INVALID,
          "provider openstack: set provider." + key + " or " + templateField,
          null);
    }
    return value;
  }

  private Duration duration(String key, String fallback) {
    return Duration.parse(settings.optional(key, fallback));
  }

  @Override
  public void close() {
    http.close();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException("Interrupted", ProviderException.Kind.OTHER, "interrupted", e);
    }
  }
}
