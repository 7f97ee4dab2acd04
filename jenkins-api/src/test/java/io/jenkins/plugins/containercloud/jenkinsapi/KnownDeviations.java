package io.jenkins.plugins.containercloud.jenkinsapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the declarations must differ from the reference, each with its reason. A deviation that no
 * longer occurs is reported, so this list stays true.
 */
final class KnownDeviations {

  private final Map<String, String> reasons = new LinkedHashMap<>();
  private final Set<String> used = new TreeSet<>();

  KnownDeviations(Map<String, String> reasons) {
    this.reasons.putAll(reasons);
  }

  /** The deviations of this module from the shared reference. */
  static KnownDeviations ofJenkinsApi() {
    Map<String, String> reasons = new LinkedHashMap<>();
    reasons.put(
        "type hudson.model.Queue",
        "Queue.Item is listed and nested in Queue, which is not: Queue is declared with no members");
    reasons.put(
        "ctor hudson.model.AbstractCIBase protected ()V",
        "no constructor is listed, but jenkins.model.Jenkins (another package) must call one");
    reasons.put(
        "decl hudson.model.AbstractCIBase",
        "Jenkins implements ItemGroup<TopLevelItem>; TopLevelItem is not listed, so ItemGroup is raw");
    reasons.put(
        "decl jenkins.model.ModifiableTopLevelItemGroup",
        "Jenkins extends ModifiableItemGroup<TopLevelItem>; TopLevelItem is not listed, so it is raw");
    reasons.put(
        "decl jenkins.model.ParameterizedJobMixIn",
        "the bounds ParameterizedJob, Queue.Task and Queue.Executable are not listed; the first"
            + " bounds alone erase the same");
    return new KnownDeviations(reasons);
  }

  /** Whether {@code subject} is a known deviation; remembers that it occurred. */
  boolean allows(String subject) {
    if (reasons.containsKey(subject)) {
      used.add(subject);
      return true;
    }
    return false;
  }

  /** The deviations that did not occur, as differences to report. */
  List<String> stale() {
    return reasons.keySet().stream()
        .filter(subject -> !used.contains(subject))
        .map(
            subject ->
                "stale deviation: " + subject + " (" + reasons.get(subject) + ") no longer occurs")
        .toList();
  }
}
