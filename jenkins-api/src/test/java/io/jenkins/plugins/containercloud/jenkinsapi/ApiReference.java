package io.jenkins.plugins.containercloud.jenkinsapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Jenkins API catalogue ({@code catalogue.txt}) parsed: its types, members and comments. */
final class ApiReference {

  /** Types whose jars are on the classpath: listed so their shape is checked, never declared. */
  static final String EXTERNAL = "external";

  private final Map<String, Type> types = new LinkedHashMap<>();

  private ApiReference() {}

  /** A {@code type} line, the comments after it, and the members listed under it. */
  record Type(
      String name,
      String section,
      String kind,
      String superName,
      String interfaces,
      String retention,
      String target,
      String meta,
      List<String> comments,
      List<Member> members) {

    /** The first comment starting with {@code prefix}, without it. */
    Optional<String> comment(String prefix) {
      return comments.stream()
          .filter(c -> c.startsWith(prefix))
          .map(c -> c.substring(prefix.length()).trim())
          .findFirst();
    }
  }

  /** A {@code ctor}, {@code method} or {@code field} line and the comments after it. */
  record Member(String line, String what, String name, String descriptor, List<String> comments) {

    /** Identifies the member whatever its modifiers: kind, name and descriptor. */
    String key() {
      return what + " " + name + " " + descriptor;
    }

    Optional<String> src() {
      return comments.stream()
          .filter(c -> c.startsWith("src:"))
          .map(c -> c.substring("src:".length()).trim())
          .findFirst();
    }
  }

  static ApiReference parse(List<String> lines) {
    ApiReference reference = new ApiReference();
    String section = null;
    List<String> lastComments = null;
    Type lastType = null;
    for (String line : lines) {
      if (line.startsWith("# ---- ")) {
        section =
            line.contains("non-Jenkins")
                ? EXTERNAL
                : line.contains("supertypes") ? "supertypes" : "listed";
        lastComments = null;
      } else if (section == null || line.isBlank()) {
        continue;
      } else if (line.startsWith("type ")) {
        lastType = parseType(line, section);
        reference.types.put(lastType.name(), lastType);
        lastComments = lastType.comments();
      } else if (line.startsWith("ctor ")
          || line.startsWith("method ")
          || line.startsWith("field ")) {
        Member member = parseMember(line);
        reference.types.get(line.split(" +")[1]).members().add(member);
        lastComments = member.comments();
      } else if (line.startsWith("#   ") && lastComments != null) {
        lastComments.add(line.substring(4).trim());
      }
    }
    return reference;
  }

  Map<String, Type> types() {
    return types;
  }

  private static Type parseType(String line, String section) {
    String[] parts = line.trim().split(" +");
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 3; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      attributes.put(kv[0], kv[1]);
    }
    return new Type(
        parts[1],
        section,
        parts[2],
        attributes.get("super"),
        attributes.get("interfaces"),
        attributes.get("retention"),
        attributes.get("target"),
        attributes.getOrDefault("meta", "-"),
        new ArrayList<>(),
        new ArrayList<>());
  }

  private static Member parseMember(String line) {
    String normalized = String.join(" ", line.trim().split(" +"));
    String[] parts = normalized.split(" ");
    return switch (parts[0]) {
      case "ctor" -> new Member(normalized, "ctor", "<init>", parts[3], new ArrayList<>());
      case "method" -> new Member(normalized, "method", parts[5], parts[6], new ArrayList<>());
      default -> new Member(normalized, "field", parts[5], parts[6], new ArrayList<>());
    };
  }
}
