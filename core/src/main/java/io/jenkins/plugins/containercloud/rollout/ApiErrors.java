package io.jenkins.plugins.containercloud.rollout;

import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sentence for a failed Kubernetes API request, naming the object, the cause and the fix, for
 * users (terminal, history, JSON, build log); fabric8's full text goes to the debug log only.
 */
final class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {}

  /** E.g. "updating rc/web in namespace shop failed: it no longer exists …". */
  static String describe(String doing, WorkloadTarget target, KubernetesClientException e) {
    LOG.debug("{} {} failed", doing, target, e);
    return doing + " " + target + " failed: " + cause(target, e);
  }

  /**
   * E.g. "applying Deployment/web in namespace shop failed: the cluster refused it as invalid (…):
   * fix the manifest". A server-side apply creates what is missing, so a 404 means the namespace.
   */
  static String describeApply(
      String kind, String name, String namespace, KubernetesClientException e) {
    String object = kind + "/" + name + " in namespace " + namespace;
    LOG.debug("applying {} failed", object, e);
    String cause =
        switch (e.getCode()) {
          case 404 ->
              "namespace "
                  + namespace
                  + " does not exist, or the cluster does not know kind "
                  + kind
                  + ": create the namespace or install the kind's definition first";
          case 403 ->
              "the cluster's user may not change it: grant that user the right to apply "
                  + kind
                  + "s in namespace "
                  + namespace;
          default -> common(e);
        };
    return "applying " + object + " failed: " + cause;
  }

  private static String cause(WorkloadTarget target, KubernetesClientException e) {
    return switch (e.getCode()) {
      case 404 ->
          "it, or the namespace "
              + target.namespace()
              + ", no longer exists (deleted during the update): recreate it and deploy again";
      case 403 ->
          "the cluster's user may not change it: grant that user the right to update "
              + target.kind().apiKind()
              + "s in namespace "
              + target.namespace();
      default -> common(e);
    };
  }

  /** The causes that read the same whatever the object. */
  private static String common(KubernetesClientException e) {
    return switch (e.getCode()) {
      case 409 ->
          "someone else changed it at the same moment: run the command again once they are done";
      case 401 -> "the cluster refused the credentials: check the kubeconfig's user or token";
      case 422 ->
          "the cluster refused it as invalid"
              + (statusMessage(e) == null ? "" : " (" + statusMessage(e) + ")")
              + ": fix the manifest";
      case 0 ->
          "the API server could not be reached: check the cluster's address and that it is up";
      default ->
          "the API server answered "
              + e.getCode()
              + (statusMessage(e) == null ? "" : " (" + statusMessage(e) + ")");
    };
  }

  /** The server's own one-line message (fabric8's text around it adds the URL and the dump). */
  private static String statusMessage(KubernetesClientException e) {
    return e.getStatus() == null ? null : e.getStatus().getMessage();
  }
}
