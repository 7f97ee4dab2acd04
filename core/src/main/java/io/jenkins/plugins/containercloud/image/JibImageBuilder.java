package io.jenkins.plugins.containercloud.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.http.ResponseException;
import io.jenkins.plugins.containercloud.events.ProgressListener;
import io.jenkins.plugins.containercloud.registry.CredentialSource;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.RegistryCredentials;
import io.jenkins.plugins.containercloud.registry.RegistryException;
import io.jenkins.plugins.containercloud.registry.RegistryFailures;
import io.jenkins.plugins.containercloud.registry.RetryPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds and pushes an image without a Docker daemon (Jib): base image layers are reused from the
 * registry, and only layers whose content changed are uploaded.
 */
public final class JibImageBuilder {

  private static final String TOOL_NAME = "container-cloud";
  private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*m");

  private final CredentialSource credentials;
  private final RetryPolicy retry;

  public JibImageBuilder(CredentialSource credentials, RetryPolicy retry) {
    this.credentials = credentials;
    this.retry = retry;
  }

  /** Builds the image and pushes it to every tag; returns it pinned by the confirmed digest. */
  public PushedImage buildAndPush(DaemonlessBuildRequest request, ProgressListener progress) {
    ImageReference main = request.tags().get(0);
    boolean insecure = request.allowInsecure() || request.onlyLoopbackRegistries();
    progress.progress("Building " + main + " on " + request.base() + " without a Docker daemon");
    try {
      JibContainer container =
          retry.call(
              () -> containerize(request, insecure, progress),
              JibImageBuilder::isTransient,
              notice ->
                  progress.progress(
                      "Push of "
                          + main
                          + ": "
                          + notice.describe(
                              describe(main, request.base(), notice.failure()).getMessage())));
      progress.progress("Jib pushed " + main + " as " + container.getDigest());
    } catch (RegistryException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("daemonless build of " + main + " interrupted", 0, false, e);
    } catch (Exception e) {
      throw describe(main, request.base(), e);
    }
    ImageReference pinned =
        new ManifestConfirmation(credentials, retry, insecure).confirm(main, progress);
    return new PushedImage(pinned, pinned.digest().orElseThrow(), request.tags());
  }

  private JibContainer containerize(
      DaemonlessBuildRequest request, boolean insecure, ProgressListener progress)
      throws Exception {
    JibContainerBuilder builder = Jib.from(registryImage(request.base()));
    int index = 0;
    for (LayerSpec layer : request.layers()) {
      builder.addFileEntriesLayer(fileLayer(layer, "layer-" + index++));
    }
    if (!request.entrypoint().isEmpty()) {
      builder.setEntrypoint(request.entrypoint());
    }
    if (!request.cmd().isEmpty()) {
      builder.setProgramArguments(request.cmd());
    }
    request.environment().forEach(builder::addEnvironmentVariable);
    Set<Port> ports = new LinkedHashSet<>();
    for (String port : request.exposedPorts()) {
      ports.add(parsePort(port));
    }
    if (!ports.isEmpty()) {
      builder.setExposedPorts(ports);
    }
    request.labels().forEach(builder::addLabel);
    if (request.user() != null) {
      builder.setUser(request.user());
    }
    if (request.workingDirectory() != null) {
      builder.setWorkingDirectory(AbsoluteUnixPath.get(request.workingDirectory()));
    }
    Containerizer containerizer =
        Containerizer.to(registryImage(request.tags().get(0)))
            .setAllowInsecureRegistries(insecure)
            .setBaseImageLayersCache(request.cacheDirectory().resolve("base"))
            .setApplicationLayersCache(request.cacheDirectory().resolve("application"))
            .setToolName(TOOL_NAME)
            .addEventHandler(LogEvent.class, event -> report(event, progress));
    request.tags().stream()
        .skip(1)
        .forEach(tag -> containerizer.withAdditionalTag(tag.tag().orElseThrow()));
    if (insecure && request.onlyLoopbackRegistries()) {
      // Jib refuses to send credentials over plain HTTP unless told; on loopback nothing leaves the
      // machine.
      System.setProperty("sendCredentialsOverHttp", "true");
    }
    return builder.containerize(containerizer);
  }

  private RegistryImage registryImage(ImageReference reference)
      throws InvalidImageReferenceException {
    RegistryImage image = RegistryImage.named(reference.toString());
    Optional<RegistryCredentials> found = credentials.find(reference.registry());
    found.ifPresent(c -> image.addCredentialRetriever(retriever(c)));
    return image;
  }

  private static CredentialRetriever retriever(RegistryCredentials credentials) {
    return () -> Optional.of(Credential.from(credentials.username(), credentials.secret()));
  }

  private static FileEntriesLayer fileLayer(LayerSpec layer, String name) throws IOException {
    FileEntriesLayer.Builder builder = FileEntriesLayer.builder().setName(name);
    AbsoluteUnixPath target = AbsoluteUnixPath.get(layer.target());
    if (Files.isDirectory(layer.source())) {
      if (layer.permissions() == null) {
        builder.addEntryRecursive(layer.source(), target);
      } else {
        FilePermissions mode = FilePermissions.fromOctalString(layer.permissions());
        builder.addEntryRecursive(
            layer.source(),
            target,
            (source, inImage) ->
                Files.isDirectory(source) ? FilePermissions.DEFAULT_FOLDER_PERMISSIONS : mode);
      }
    } else if (layer.permissions() == null) {
      builder.addEntry(layer.source(), target);
    } else {
      builder.addEntry(
          layer.source(), target, FilePermissions.fromOctalString(layer.permissions()));
    }
    return builder.build();
  }

  private static Port parsePort(String text) {
    String[] parts = text.split("/", -1);
    try {
      int number = Integer.parseInt(parts[0]);
      if (parts.length == 1 || parts[1].equals("tcp")) {
        return Port.tcp(number);
      }
      if (parts.length == 2 && parts[1].equals("udp")) {
        return Port.udp(number);
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "exposedPorts: \"" + text + "\" must be a port number, optionally with /tcp or /udp");
  }

  private static void report(LogEvent event, ProgressListener progress) {
    // Jib's ERROR events repeat the failure as raw exception text (in terminal colours); the
    // exception this builder throws says it in one sentence instead.
    LogEvent.Level level = event.getLevel();
    if (level == LogEvent.Level.INFO
        || level == LogEvent.Level.LIFECYCLE
        || level == LogEvent.Level.WARN) {
      progress.progress(ANSI_ESCAPE.matcher(event.getMessage()).replaceAll(""));
    }
  }

  /** Jib wraps registry failures; find the HTTP status or I/O failure underneath. */
  static boolean isTransient(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RegistryUnauthorizedException || t instanceof InsecureRegistryException) {
        return false;
      }
      if (t instanceof ResponseException response) {
        int status = response.getStatusCode();
        return status >= 500 || status == 429;
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private RegistryException describe(ImageReference main, ImageReference base, Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RegistryUnauthorizedException unauthorized) {
        // The base image's registry may be the one that refused; Jib names the image it was
        // reading.
        ImageReference refused = ImageReference.parse(unauthorized.getImageReference());
        return RegistryFailures.unauthorized(
            refused.registry(),
            refused.repository(),
            credentials.find(refused.registry()).map(RegistryCredentials::toString));
      }
    }
    String text = RegistryFailures.textOf(e);
    // Jib pulls the base image's manifest before it pushes anything.
    ImageReference at = text.contains("pull image manifest for " + base) ? base : main;
    String doing = at == base ? "pull of the base image " + base : "daemonless push of " + main;
    RegistryException described =
        RegistryFailures.describe(doing, at.registry(), at.repository(), Optional.empty(), text);
    return new RegistryException(
        described.getMessage(), described.status(), isTransient(e) || described.isTransient(), e);
  }
}
