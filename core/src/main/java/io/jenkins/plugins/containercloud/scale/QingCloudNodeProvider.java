package io.jenkins.plugins.containercloud.scale;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Machines on QingCloud through its signed IaaS API (plain HTTP, {@link QingCloudClient}):
 * RunInstances with the join script as user data, DescribeJobs to follow the launch,
 * DescribeInstances to list, TerminateInstances to end, tags to mark pool and owner.
 *
 * <p>QingCloud has no client token, so duplicates are avoided by name: every instance of a request
 * is named {@code <mark>.<idempotency key>}, where the mark ({@code cc-} and 11 hex digits of
 * SHA-256 of owner and pool; QingCloud's tag names must stay under 15 characters) stands for the
 * pool and the owner. Before RunInstances, and again before every retry of it, the instances of
 * that name are looked up and only the missing ones are ordered; a name is set atomically with the
 * instance, so a crash between the launch and the tagging leaves nothing unfound. The tag named
 * after the mark (its description spells pool and owner out) is attached right after the launch and
 * again by {@link #listOwned} where it is missing; listing takes the union of the tag's instances
 * and the mark's names.
 *
 * <p>Errors are QingCloud's {@code ret_code}s: 5100 (server busy) is retried with backoff, 2400,
 * 2500 and 5200 (balance, quota, capacity) make the pool unavailable for a while, 1200 (key or
 * signature) and 1300 (clock) are reported as invalid settings. Instances still {@code pending}
 * cannot be terminated (QingCloud refuses with 1400): {@link #delete} then fails as transient and
 * the autoscaler's next run tries again.
 *
 * <p>Settings: {@code zone} (required), {@code endpoint} (default https://api.qingcloud.com/iaas/),
 * {@code accessKeyId} (or {@code accessKeyIdRef}), {@code secretAccessKeyRef} (required; a secret
 * reference), {@code loginMode} ({@code keypair}, the default, with {@code loginKeypair}; or {@code
 * passwd} with {@code loginPasswdRef}), {@code vxnet} (else the template's network), {@code
 * securityGroup}, {@code userdataType} ({@code exec}, the default: the script runs at boot; or
 * {@code plain}), {@code requestTimeout} (PT30S), {@code jobWait} (how long a create follows its
 * job, PT30S), {@code pollInterval} (PT2S) and {@code throttleBackoff} (PT1S).
 */
public final class QingCloudNodeProvider implements NodeProvider {

  /** QingCloud's limit on {@code userdata_value}, the Base64 text (4K). */
  static final int USER_DATA_LIMIT = 4096;

  private static final Logger LOG = LoggerFactory.getLogger(QingCloudNodeProvider.class);
  private static final List<String> LIVE = List.of("pending", "running", "stopped", "suspended");
  private static final Set<String> JOB_DONE = Set.of("successful", "failed", "done with failure");
  private static final Pattern ZONE = Pattern.compile("[a-z0-9-]+");

  private final QingCloudClient client;
  private final String owner;
  private final ProviderSettings settings;
  private final Backoff backoff;
  private final Duration jobWait;
  private final Duration pollInterval;
  private final Map<String, String> tagIds = new ConcurrentHashMap<>();

  QingCloudNodeProvider(
      QingCloudClient client,
      String owner,
      ProviderSettings settings,
      Backoff backoff,
      Duration jobWait,
      Duration pollInterval) {
    this.client = client;
    this.owner = owner;
    this.settings = settings;
    this.backoff = backoff;
    this.jobWait = jobWait;
    this.pollInterval = pollInterval;
  }

  /** A provider for {@code settings}, owning machines as {@code owner}; checks the settings. */
  public static QingCloudNodeProvider connect(ProviderSettings settings, String owner) {
    return connect(settings, owner, Clock.systemUTC());
  }

  static QingCloudNodeProvider connect(ProviderSettings settings, String owner, Clock clock) {
    validate(settings);
    SecretRef keyIdRef = settings.secret("accessKeyIdRef");
    String keyId = keyIdRef == null ? settings.required("accessKeyId") : keyIdRef.resolve();
    QingCloudClient client =
        new QingCloudClient(
            URI.create(settings.optional("endpoint", "https://api.qingcloud.com/iaas/")),
            settings.required("zone"),
            keyId,
            settings.secret("secretAccessKeyRef"),
            duration(settings, "requestTimeout", "PT30S"),
            clock);
    Duration base = duration(settings, "throttleBackoff", "PT1S");
    return new QingCloudNodeProvider(
        client,
        owner,
        settings,
        new Backoff(5, base, base.multipliedBy(16)),
        duration(settings, "jobWait", "PT30S"),
        duration(settings, "pollInterval", "PT2S"));
  }

  /** Checks the settings without calling QingCloud; each error names the setting and the fix. */
  public static void validate(ProviderSettings settings) {
    String zone = settings.required("zone");
    if (!ZONE.matcher(zone).matches()) {
      throw invalid("zone", "is a lower-case QingCloud zone id such as pek3a or sh1a");
    }
    String endpoint = settings.optional("endpoint", "https://api.qingcloud.com/iaas/");
    URI uri;
    try {
      uri = URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      throw invalid("endpoint", "is not a URL: " + e.getMessage());
    }
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
        || uri.getRawAuthority() == null) {
      throw invalid("endpoint", "must be an http(s) URL such as https://api.qingcloud.com/iaas/");
    }
    for (String secret : List.of("secretAccessKey", "loginPasswd")) {
      if (settings.settings().containsKey(secret)) {
        throw invalid(
            secret,
            "must be a reference, {env: VARIABLE} or {file: PATH}, never the secret itself");
      }
    }
    if (settings.secret("secretAccessKeyRef") == null) {
      throw invalid("secretAccessKey", "is required, e.g. {file: /etc/container-cloud/qingcloud}");
    }
    if (settings.optional("accessKeyId", null) == null
        && settings.secret("accessKeyIdRef") == null) {
      throw invalid("accessKeyId", "is required: the API key id, e.g. QYACCESSKEYIDEXAMPLE");
    }
    String loginMode = settings.optional("loginMode", "keypair");
    if (loginMode.equals("keypair")) {
      if (settings.optional("loginKeypair", null) == null) {
        throw invalid("loginKeypair", "is required with loginMode keypair: a key pair id (kp-...)");
      }
    } else if (loginMode.equals("passwd")) {
      if (settings.secret("loginPasswdRef") == null) {
        throw invalid(
            "loginPasswd", "is required with loginMode passwd: {env: ...} or {file: ...}");
      }
    } else {
      throw invalid("loginMode", "is keypair or passwd, not " + loginMode);
    }
    String type = settings.optional("userdataType", "exec");
    if (!type.equals("exec") && !type.equals("plain")) {
      throw invalid("userdataType", "is exec (run at boot) or plain, not " + type);
    }
    for (String key : List.of("requestTimeout", "jobWait", "pollInterval", "throttleBackoff")) {
      duration(settings, key, "PT1S");
    }
  }

  private static IllegalArgumentException invalid(String setting, String fix) {
    return new IllegalArgumentException("provider qingcloud: the setting " + setting + " " + fix);
  }

  private static Duration duration(ProviderSettings settings, String key, String fallback) {
    String value = settings.optional(key, fallback);
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(key, "is an ISO-8601 duration such as PT30S, not " + value);
    }
  }

  @Override
  public List<Machine> create(CreateRequest request) {
    NodePool pool = request.pool();
    NodeTemplate template = pool.template();
    if (template.instanceType() == null || template.image() == null) {
      throw new ProviderException(
          "TemplateIncomplete",
          ProviderException.Kind.INVALID,
          "pool "
              + pool.name()
              + ": template.instanceType (e.g. c4m16) and template.image (e.g. img-...) are"
              + " required for QingCloud",
          null);
    }
    String userData = encodeUserData(request.userData());
    String name = mark(pool.name()) + "." + request.idempotencyKey();
    String tagId = tag(pool.name());
    List<String> launched = new ArrayList<>();
    String[] job = new String[1];
    // Listed again before every attempt: a RunInstances that timed out may have launched.
    List<Machine> made =
        backoff.call(
            () -> {
              List<Machine> have = named(request.idempotencyKey(), pool.name());
              if (have.size() >= request.count()) {
                return have;
              }
              JsonNode answer =
                  client.call(
                      "RunInstances",
                      runParameters(template, name, request.count() - have.size(), userData));
              answer.path("instances").forEach(id -> launched.add(id.asText()));
              job[0] = answer.path("job_id").asText(null);
              return have;
            });
    if (launched.isEmpty()) {
      return made;
    }
    try {
      attach(tagId, launched);
    } catch (ProviderException e) {
      // Their names mark them already: listOwned finds them and tags them then.
      LOG.warn("cannot tag instances {} of pool {}: {}", launched, pool.name(), e.getMessage());
    }
    follow(job[0], launched);
    List<Machine> all = named(request.idempotencyKey(), pool.name());
    if (all.size() < request.count()) {
      throw new ProviderException(
          "IncompleteLaunch",
          ProviderException.Kind.OTHER,
          "QingCloud RunInstances: "
              + all.size()
              + " of the "
              + request.count()
              + " instances named "
              + name
              + " are listed",
          null);
    }
    return all;
  }

  private Map<String, String> runParameters(
      NodeTemplate template, String name, int count, String userData) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("image_id", template.image());
    p.put("instance_type", template.instanceType());
    p.put("count", Integer.toString(count));
    p.put("instance_name", name);
    String loginMode = settings.optional("loginMode", "keypair");
    p.put("login_mode", loginMode);
    if (loginMode.equals("keypair")) {
      p.put("login_keypair", settings.required("loginKeypair"));
    } else {
      p.put("login_passwd", settings.secret("loginPasswdRef").resolve());
    }
    String vxnet = settings.optional("vxnet", template.network());
    if (vxnet != null) {
      p.put("vxnets.1", vxnet);
    }
    String group = settings.optional("securityGroup", null);
    if (group != null) {
      p.put("security_group", group);
    }
    p.put("need_userdata", "1");
    p.put("userdata_type", settings.optional("userdataType", "exec"));
    p.put("userdata_value", userData);
    return p;
  }

  /** Base64 of the user data, after QingCloud's 4K check on the Base64 text. */
  static String encodeUserData(String userData) {
    return UserDataEncoding.base64Within(
        userData,
        USER_DATA_LIMIT,
        "QingCloud's userdata_value takes at most 4096 (about 3 KB of script)",
        "shorten the template or fetch the rest from the machine");
  }

  /** Follows the launch job until it ends or {@code jobWait} passed; a failed job is an error. */
  private void follow(String jobId, List<String> instances) {
    if (jobId == null) {
      return;
    }
    long deadline = System.nanoTime() + jobWait.toNanos();
    while (true) {
      JsonNode jobs = backoff.call(() -> client.call("DescribeJobs", Map.of("jobs.1", jobId)));
      JsonNode job = jobs.path("job_set").path(0);
      String status = job.path("status").asText("");
      if (JOB_DONE.contains(status)) {
        if (!status.equals("successful")) {
          // Its instances carry the name: listOwned finds them and the autoscaler ends them.
          throw new ProviderException(
              "JobFailed",
              ProviderException.Kind.OTHER,
              "QingCloud RunInstances job "
                  + jobId
                  + " for "
                  + instances
                  + " ended "
                  + status
                  + " "
                  + job.path("error_codes").asText(""),
              null);
        }
        return;
      }
      if (System.nanoTime() >= deadline) {
        return; // still launching: the autoscaler follows the instances from here
      }
      sleep(pollInterval);
    }
  }

  @Override
  public List<Machine> listOwned(String pool) {
    Map<String, Machine> found = new LinkedHashMap<>();
    String tagId = tagIds.get(pool);
    if (tagId == null) {
      tagId = findTag(mark(pool));
      if (tagId != null) {
        tagIds.put(pool, tagId);
      }
    }
    List<String> untagged = new ArrayList<>();
    if (tagId != null) {
      describe(Map.of("tags.1", tagId), pool, null).forEach(m -> found.put(m.id(), m));
    }
    for (Machine m : describe(Map.of("search_word", mark(pool) + "."), pool, untagged)) {
      found.putIfAbsent(m.id(), m);
    }
    if (!untagged.isEmpty()) {
      try {
        attach(tag(pool), untagged);
      } catch (ProviderException e) {
        LOG.warn("cannot tag instances {} of pool {}: {}", untagged, pool, e.getMessage());
      }
    }
    return List.copyOf(found.values());
  }

  /** The live instances of the pool named with {@code key} exactly. */
  private List<Machine> named(String key, String pool) {
    return describe(Map.of("search_word", mark(pool) + "." + key), pool, null).stream()
        .filter(m -> key.equals(m.idempotencyKey()))
        .toList();
  }

  /**
   * DescribeInstances with {@code filter}, every page, live instances named with the pool's mark;
   * those without the pool's tag are added to {@code untagged} when it is given.
   */
  private List<Machine> describe(Map<String, String> filter, String pool, List<String> untagged) {
    String prefix = mark(pool) + ".";
    String tagId = tagIds.get(pool);
    List<Machine> machines = new ArrayList<>();
    for (int offset = 0; ; offset += 100) {
      Map<String, String> p = new LinkedHashMap<>(filter);
      for (int i = 0; i < LIVE.size(); i++) {
        p.put("status." + (i + 1), LIVE.get(i));
      }
      p.put("offset", Integer.toString(offset));
      p.put("limit", "100");
      JsonNode page = backoff.call(() -> client.call("DescribeInstances", p));
      for (JsonNode i : page.path("instance_set")) {
        String name = i.path("instance_name").asText("");
        boolean tagged = false;
        for (JsonNode t : i.path("tags")) {
          tagged |= t.path("tag_id").asText("").equals(tagId);
        }
        if (!name.startsWith(prefix) && !tagged) {
          continue; // a search_word hit on someone else's instance
        }
        if (untagged != null && !tagged) {
          untagged.add(i.path("instance_id").asText());
        }
        machines.add(
            machine(i, pool, name.startsWith(prefix) ? name.substring(prefix.length()) : null));
      }
      if (offset + 100 >= page.path("total_count").asInt(0)) {
        return machines;
      }
    }
  }

  private Machine machine(JsonNode i, String pool, String key) {
    String id = i.path("instance_id").asText();
    String state =
        "terminating".equals(i.path("transition_status").asText(""))
            ? "shutting-down"
            : i.path("status").asText("unknown");
    Instant created = null;
    try {
      created = Instant.parse(i.path("create_time").asText(""));
    } catch (DateTimeParseException e) {
      // no time given: the maximum provision time cannot apply to it
    }
    return new Machine(id, pool, state, created, providerId(client.zone(), id), key);
  }

  /** The {@code spec.providerID} of an instance's node. */
  static String providerId(String zone, String instanceId) {
    return "qingcloud://" + zone + "/" + instanceId;
  }

  @Override
  public void delete(String id) {
    try {
      backoff.call(() -> client.call("TerminateInstances", Map.of("instances.1", id)));
    } catch (ProviderException e) {
      if ("QingCloud2100".equals(e.code())) {
        return; // already gone
      }
      if ("QingCloud1400".equals(e.code())) {
        throw new ProviderException(
            e.code(),
            ProviderException.Kind.TRANSIENT,
            e.getMessage() + " (QingCloud terminates no pending instance: tried again later)",
            null);
      }
      throw e;
    }
  }

  /** The mark of this owner's pool: a tag name (under 15 characters) and the instances' prefix. */
  String mark(String pool) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((owner + "\n" + pool).getBytes(StandardCharsets.UTF_8));
      return "cc-" + HexFormat.of().formatHex(hash).substring(0, 11);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The id of the pool's tag, made (with pool and owner in its description) when missing. */
  private String tag(String pool) {
    String known = tagIds.get(pool);
    if (known != null) {
      return known;
    }
    String name = mark(pool);
    String id = findTag(name);
    if (id == null) {
      try {
        id =
            backoff
                .call(() -> client.call("CreateTag", Map.of("tag_name", name)))
                .path("tag_id")
                .asText();
        String tagId = id;
        backoff.call(
            () ->
                client.call(
                    "ModifyTagAttributes",
                    Map.of(
                        "tag",
                        tagId,
                        "description",
                        POOL_TAG + "=" + pool + " " + OWNER_TAG + "=" + owner)));
      } catch (ProviderException e) {
        if (!"QingCloud2110".equals(e.code())) {
          throw e;
        }
        id = findTag(name); // another replica made it first
      }
    }
    tagIds.put(pool, id);
    return id;
  }

  private String findTag(String name) {
    JsonNode tags = backoff.call(() -> client.call("DescribeTags", Map.of("search_word", name)));
    for (JsonNode t : tags.path("tag_set")) {
      if (name.equals(t.path("tag_name").asText())) {
        return t.path("tag_id").asText();
      }
    }
    return null;
  }

  private void attach(String tagId, List<String> instances) {
    Map<String, String> p = new LinkedHashMap<>();
    for (int i = 0; i < instances.size(); i++) {
      String prefix = "resource_tag_pairs." + (i + 1) + ".";
      p.put(prefix + "tag_id", tagId);
      p.put(prefix + "resource_type", "instance");
      p.put(prefix + "resource_id", instances.get(i));
    }
    backoff.call(() -> client.call("AttachTags", p));
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
