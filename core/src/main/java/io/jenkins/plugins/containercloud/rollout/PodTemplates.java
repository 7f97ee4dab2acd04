package io.jenkins.plugins.containercloud.rollout;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.InvalidReferenceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Finds the containers of a pod template that a rollout changes, and changes their image. */
public final class PodTemplates {

  private PodTemplates() {}

  /**
   * The indexes of the containers to update: the named one; else the only one; else every container
   * running {@code image}'s repository.
   *
   * @throws InvalidRolloutException naming the containers there are
   */
  static List<Integer> targetContainers(
      PodTemplateSpec template, String container, ImageReference image, String workload) {
    List<Container> containers = template.getSpec().getContainers();
    if (container != null) {
      for (int i = 0; i < containers.size(); i++) {
        if (container.equals(containers.get(i).getName())) {
          return List.of(i);
        }
      }
      throw new InvalidRolloutException(
          "container: "
              + workload
              + " has no container '"
              + container
              + "'; its containers are "
              + names(containers));
    }
    if (containers.size() == 1) {
      return List.of(0);
    }
    List<Integer> matching = new ArrayList<>();
    for (int i = 0; i < containers.size(); i++) {
      if (sameRepository(containers.get(i).getImage(), image)) {
        matching.add(i);
      }
    }
    if (matching.isEmpty()) {
      throw new InvalidRolloutException(
          "container: "
              + workload
              + " has several containers ("
              + names(containers)
              + ") and none runs "
              + image.repository()
              + "; name the container to update");
    }
    return matching;
  }

  /** {@code container=image} of the given containers. */
  static Map<String, String> images(PodTemplateSpec template, List<Integer> indexes) {
    Map<String, String> images = new LinkedHashMap<>();
    for (int i : indexes) {
      Container c = template.getSpec().getContainers().get(i);
      images.put(c.getName(), c.getImage());
    }
    return images;
  }

  /** {@code container=image} of every container. */
  public static Map<String, String> allImages(PodTemplateSpec template) {
    return images(
        template, IntStream.range(0, template.getSpec().getContainers().size()).boxed().toList());
  }

  /** Writes {@code container=image} pairs for an annotation; {@link #parse} reads them back. */
  static String encode(Map<String, String> images) {
    return images.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  static void setImage(PodTemplateSpec template, List<Integer> indexes, String image) {
    for (int i : indexes) {
      template.getSpec().getContainers().get(i).setImage(image);
    }
  }

  static String describe(Map<String, String> images) {
    if (images.size() == 1) {
      return images.values().iterator().next();
    }
    return encode(images);
  }

  static Map<String, String> parse(String described) {
    Map<String, String> images = new LinkedHashMap<>();
    for (String pair : described.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        images.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return images;
  }

  static boolean sameRepository(String running, ImageReference image) {
    try {
      ImageReference current = ImageReference.parse(running);
      return current.registry().equals(image.registry())
          && current.repository().equals(image.repository());
    } catch (InvalidReferenceException e) {
      return false;
    }
  }

  private static String names(List<Container> containers) {
    return containers.stream().map(Container::getName).collect(Collectors.joining(", "));
  }
}
