package io.jenkins.plugins.containercloud.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A manifest as the registry served it: its descriptor and the exact bytes (the digest covers
 * them).
 */
public record Manifest(ManifestDescriptor descriptor, byte[] body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The digests this manifest points at: config and layers, or the manifests of an index. */
  public List<String> referencedDigests() {
    JsonNode root = json();
    List<String> digests = new ArrayList<>();
    if (descriptor.isIndex()) {
      root.path("manifests").forEach(m -> digests.add(m.path("digest").asText()));
    } else {
      digests.add(root.path("config").path("digest").asText());
      root.path("layers").forEach(l -> digests.add(l.path("digest").asText()));
    }
    return digests;
  }

  /** The layer digests of an image manifest, base layer first; empty for an index. */
  public List<String> layerDigests() {
    List<String> digests = new ArrayList<>();
    if (!descriptor.isIndex()) {
      json().path("layers").forEach(l -> digests.add(l.path("digest").asText()));
    }
    return digests;
  }

  /** The parsed JSON body. */
  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("manifest " + descriptor.digest() + " is not JSON", e);
    }
  }
}
