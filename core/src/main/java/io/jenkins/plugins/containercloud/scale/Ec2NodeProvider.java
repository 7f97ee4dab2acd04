package io.jenkins.plugins.containercloud.scale;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * Machines on AWS EC2 through the AWS SDK v2. RunInstances carries the request's idempotency key as
 * {@code ClientToken} and tags the instances (and their volumes) with pool, owner and key; before
 * ordering, the key's instances are looked up, so a retry after a crash finds what the first call
 * made even where the token is not honoured. User data is sent Base64-encoded after a check of
 * EC2's 16 KB limit on its raw form. Throttling is retried with backoff; capacity and limit errors
 * are reported as {@link ProviderException.Kind#CAPACITY} for the autoscaler to try another pool.
 *
 * <p>Settings: {@code region} (default us-east-1), {@code endpoint} (optional, e.g. an emulator),
 * {@code accessKeyIdRef} and {@code secretAccessKeyRef} (secret references; else the SDK's default
 * credential chain), {@code subnetId} (else the template's network), {@code securityGroupIds}
 * (comma-separated), {@code keyName}, {@code socketTimeout} and {@code throttleBackoff} (ISO-8601
 * durations, default PT30S and PT0.5S).
 */
public final class Ec2NodeProvider implements NodeProvider {

  /** EC2's limit on user data before Base64 encoding. */
  static final int USER_DATA_LIMIT = 16 * 1024;

  private static final Set<String> CAPACITY_CODES =
      Set.of(
          "InsufficientInstanceCapacity",
          "InstanceLimitExceeded",
          "VcpuLimitExceeded",
          "MaxSpotInstanceCountExceeded",
          "InsufficientFreeAddressesInSubnet",
          "UnfulfillableCapacity",
          "Unsupported");
  private static final List<String> LIVE_STATES = List.of("pending", "running");

  private final Ec2Client ec2;
  private final String owner;
  private final ProviderSettings settings;
  private final Backoff backoff;

  Ec2NodeProvider(Ec2Client ec2, String owner, ProviderSettings settings, Backoff backoff) {
    this.ec2 = ec2;
    this.owner = owner;
    this.settings = settings;
    this.backoff = backoff;
  }

  /** A provider for {@code settings}, owning machines as {@code owner}. */
  public static Ec2NodeProvider connect(ProviderSettings settings, String owner) {
    Ec2ClientBuilder builder =
        Ec2Client.builder()
            .region(Region.of(settings.optional("region", "us-east-1")))
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.parse(settings.optional("socketTimeout", "PT30S"))))
            // Our own backoff decides about retries, so that a throttled call waits visibly.
            .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)));
    String endpoint = settings.optional("endpoint", null);
    if (endpoint != null) {
      builder.endpointOverride(URI.create(endpoint));
    }
    SecretRef keyId = settings.secret("accessKeyIdRef");
    SecretRef secret = settings.secret("secretAccessKeyRef");
    if (keyId != null && secret != null) {
      builder.credentialsProvider(
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(keyId.resolve(), secret.resolve())));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    Duration base = Duration.parse(settings.optional("throttleBackoff", "PT0.5S"));
    return new Ec2NodeProvider(
        builder.build(), owner, settings, new Backoff(6, base, base.multipliedBy(32)));
  }

  @Override
  public List<Machine> create(CreateRequest request) {
    String encoded = encodeUserData(request.userData());
    List<Machine> made = byTag(REQUEST_TAG, request.idempotencyKey(), request.pool().name());
    if (made.size() >= request.count()) {
      return made;
    }
    NodeTemplate template = request.pool().template();
    List<Tag> tags =
        List.of(
            tag(POOL_TAG, request.pool().name()),
            tag(OWNER_TAG, owner),
            tag(REQUEST_TAG, request.idempotencyKey()),
            tag("Name", request.pool().name()));
    RunInstancesRequest.Builder run =
        RunInstancesRequest.builder()
            .imageId(template.image())
            .instanceType(template.instanceType())
            .minCount(request.count())
            .maxCount(request.count())
            .clientToken(request.idempotencyKey())
            .userData(encoded)
            .tagSpecifications(
                TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(tags).build(),
                TagSpecification.builder().resourceType(ResourceType.VOLUME).tags(tags).build());
    String subnet = settings.optional("subnetId", template.network());
    if (subnet != null) {
      run.subnetId(subnet);
    }
    String groups = settings.optional("securityGroupIds", null);
    if (groups != null) {
      run.securityGroupIds(groups.split(","));
    }
    String keyName = settings.optional("keyName", null);
    if (keyName != null) {
      run.keyName(keyName);
    }
    RunInstancesRequest call = run.build();
    List<Machine> created =
        backoff.call(
            () ->
                guarded(
                    "RunInstances",
                    () ->
                        ec2.runInstances(call).instances().stream()
                            .map(i -> machine(i, request.pool().name()))
                            .toList()));
    if (created.size() < request.count()) {
      throw new ProviderException(
          "IncompleteLaunch",
          ProviderException.Kind.OTHER,
          "EC2 RunInstances answered with "
              + created.size()
              + " of the "
              + request.count()
              + " instances asked for (check the endpoint and credentials)",
          null);
    }
    return created;
  }

  /** Base64 of the user data, after EC2's 16 KB check on the raw bytes. */
  static String encodeUserData(String userData) {
    byte[] raw = userData.getBytes(StandardCharsets.UTF_8);
    if (raw.length > USER_DATA_LIMIT) {
      throw new ProviderException(
          "UserDataTooLarge",
          ProviderException.Kind.INVALID,
          "bootstrap.userData: the rendered user data is "
              + raw.length
              + " bytes; EC2 accepts at most 16384 before Base64: shorten the template or fetch"
              + " the rest from the machine",
          null);
    }
    return Base64.getEncoder().encodeToString(raw);
  }

  @Override
  public List<Machine> listOwned(String pool) {
    return byTag(POOL_TAG, pool, pool);
  }

  private List<Machine> byTag(String key, String value, String pool) {
    DescribeInstancesRequest request =
        DescribeInstancesRequest.builder()
            .filters(
                filter("tag:" + OWNER_TAG, owner),
                filter("tag:" + POOL_TAG, pool),
                filter("tag:" + key, value),
                Filter.builder().name("instance-state-name").values(LIVE_STATES).build())
            .build();
    return backoff.call(
        () ->
            guarded(
                "DescribeInstances",
                () -> {
                  List<Machine> machines = new ArrayList<>();
                  ec2.describeInstancesPaginator(request)
                      .reservations()
                      .forEach(r -> r.instances().forEach(i -> machines.add(machine(i, pool))));
                  return machines;
                }));
  }

  @Override
  public void delete(String id) {
    backoff.call(
        () ->
            guarded(
                "TerminateInstances",
                () -> {
                  try {
                    ec2.terminateInstances(b -> b.instanceIds(id));
                  } catch (AwsServiceException e) {
                    if (!"InvalidInstanceID.NotFound".equals(code(e))) {
                      throw e;
                    }
                  }
                  return null;
                }));
  }

  private static Machine machine(Instance i, String pool) {
    String zone = i.placement() == null ? "" : i.placement().availabilityZone();
    String key =
        i.tags().stream()
            .filter(t -> REQUEST_TAG.equals(t.key()))
            .map(Tag::value)
            .findFirst()
            .orElse(null);
    return new Machine(
        i.instanceId(),
        pool,
        i.state() == null ? "unknown" : i.state().nameAsString(),
        i.launchTime(),
        "aws:///" + zone + "/" + i.instanceId(),
        key);
  }

  private static <T> T guarded(String action, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (AwsServiceException e) {
      String code = code(e);
      ProviderException.Kind kind;
      if ("RequestLimitExceeded".equals(code) || e.isThrottlingException()) {
        kind = ProviderException.Kind.THROTTLED;
      } else if (CAPACITY_CODES.contains(code)) {
        kind = ProviderException.Kind.CAPACITY;
      } else if (e.statusCode() >= 500) {
        kind = ProviderException.Kind.TRANSIENT;
      } else {
        kind = ProviderException.Kind.INVALID;
      }
      String message =
          e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
      throw new ProviderException(code, kind, "EC2 " + action + ": " + code + ": " + message, e);
    } catch (SdkClientException e) {
      throw new ProviderException(
          "ClientError",
          ProviderException.Kind.TRANSIENT,
          "EC2 " + action + ": " + e.getMessage(),
          e);
    } catch (SdkException e) {
      throw new ProviderException(
          "SdkError", ProviderException.Kind.OTHER, "EC2 " + action + ": " + e.getMessage(), e);
    }
  }

  private static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
        ? "Unknown"
        : e.awsErrorDetails().errorCode();
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  private static Filter filter(String name, String value) {
    return Filter.builder().name(name).values(value).build();
  }

  @Override
  public void close() {
    ec2.close();
  }
}
