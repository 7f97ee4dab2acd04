package io.jenkins.plugins.containercloud.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.containercloud.api.ApplyReport;
import io.jenkins.plugins.containercloud.api.BuildResult;
import io.jenkins.plugins.containercloud.api.DeploymentReport;
import io.jenkins.plugins.containercloud.api.JsonViews;
import io.jenkins.plugins.containercloud.image.PushedImage;
import io.jenkins.plugins.containercloud.rollout.RolloutResult;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** How a command reports its result on standard output: one line of text, or JSON. */
final class OutputOptions {

  /**
   * Jackson's mapper, made on first use: picocli builds every command's options at start-up, and an
   * eager mapper would load Jackson for `--version` and every text result.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /** The result formats. */
  enum Format {
    text,
    json
  }

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default) or json.")
  Format format = Format.text;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print no progress, only the result.")
  boolean quiet;

  void print(PrintWriter out, BuildResult result) {
    if (format == Format.json) {
      out.println(json(result).toString());
    } else {
      out.println(
          result
              .pushed()
              .map(p -> p.pinned().toString())
              .orElseGet(() -> result.imageId().orElse("")));
    }
    out.flush();
  }

  void printRollout(PrintWriter out, DeploymentReport report) {
    RolloutResult result = report.result();
    if (format == Format.json) {
      out.println(JsonViews.deployment(report));
    } else {
      out.println(
          result.outcome()
              + " "
              + result.workload()
              + ": "
              + result.imageBefore()
              + " -> "
              + result.imageAfter()
              + String.format(" (%.1f s)", result.duration().toMillis() / 1000.0)
              + (result.reason() == null ? "" : ": " + result.reason())
              + " ["
              + report.deploymentId()
              + "]");
    }
    out.flush();
  }

  void printApply(PrintWriter out, ApplyReport report) {
    if (format == Format.json) {
      out.println(JsonViews.apply(report));
    } else {
      report.result().objects().forEach(o -> out.println(o.toString()));
      out.println(
          report.result().outcome()
              + (report.result().reason() == null ? "" : ": " + report.result().reason())
              + " ["
              + report.deploymentId()
              + "]");
    }
    out.flush();
  }

  private static ObjectNode json(BuildResult result) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("image", result.tags().get(0).toString());
    result.imageId().ifPresent(id -> node.put("imageId", id));
    result.tags().forEach(tag -> node.withArray("tags").add(tag.toString()));
    node.put("pushed", result.pushed().isPresent());
    result.pushed().ifPresent(pushed -> putPushed(node, pushed));
    return node;
  }

  private static void putPushed(ObjectNode node, PushedImage pushed) {
    node.put("reference", pushed.pinned().toString());
    node.put("digest", pushed.digest());
  }
}
