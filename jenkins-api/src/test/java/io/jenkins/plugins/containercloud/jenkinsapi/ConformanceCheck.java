package io.jenkins.plugins.containercloud.jenkinsapi;

import io.jenkins.plugins.containercloud.jenkinsapi.ApiReference.Member;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Holds compiled classes against the {@link ApiReference} (the catalogue): every type and member
 * declared here must be in the catalogue and match it exactly, nothing else public or protected may
 * be declared here, and the types that come from jars must have what the catalogue lists. A
 * catalogue entry that is not declared here is not a difference: the catalogue lists more than the
 * plugin uses.
 */
final class ConformanceCheck {

  /** The meta-annotations the reference records ({@code meta=}); others are not compared. */
  private static final Set<String> INDEXING_ANNOTATIONS =
      Set.of("net.java.sezpoz.Indexable", "org.jvnet.hudson.annotation_indexer.Indexed");

  private final ApiReference reference;
  private final ClassLoader loader;
  private final Set<String> declaredHere;
  private final Set<String> fromJars;
  private final KnownDeviations deviations;
  private final List<String> differences = new ArrayList<>();

  /**
   * @param declaredHere the binary names of the classes declared here (see {@link #classesUnder}):
   *     they must declare nothing beyond the reference
   * @param fromJars listed types that come from real jars although not in the reference's external
   *     section (they must not be declared here)
   */
  ConformanceCheck(
      ApiReference reference,
      ClassLoader loader,
      Set<String> declaredHere,
      Set<String> fromJars,
      KnownDeviations deviations) {
    this.reference = reference;
    this.loader = loader;
    this.declaredHere = declaredHere;
    this.fromJars = fromJars;
    this.deviations = deviations;
  }

  /** Every difference, one readable line each; empty when the classes conform. */
  List<String> differences() {
    differences.clear();
    for (ApiReference.Type type : reference.types().values()) {
      boolean here = declaredHere.contains(type.name());
      if (!here && !comesFromJar(type)) {
        continue; // a catalogue entry the plugin does not use need not be declared
      }
      load(type.name())
          .ifPresentOrElse(
              c -> checkType(type, c, here),
              () -> report("missing", "type " + type.name() + " " + type.kind() + " (from a jar)"));
    }
    for (String name : declaredHere) {
      if (!reference.types().containsKey(name)) {
        load(name).filter(ConformanceCheck::isListableType).ifPresent(this::checkUnlistedType);
      }
    }
    differences.addAll(deviations.stale());
    return List.copyOf(differences);
  }

  /** An unlisted public type may only be a known deviation, and then declares nothing. */
  private void checkUnlistedType(Class<?> c) {
    if (!deviations.allows("type " + c.getName())) {
      report("unexpected", "type " + c.getName());
      return;
    }
    listableMembers(c).values().forEach(member -> report("unexpected", line(member)));
  }

  private void checkType(ApiReference.Type type, Class<?> c, boolean declaredHere) {
    if (comesFromJar(type) && declaredHere) {
      report("declared here", "type " + type.name() + " must come from its jar");
    }
    if (!Modifier.isPublic(c.getModifiers())) {
      report("differs", "type " + type.name() + " is not public");
    }
    compare("type " + type.name() + " kind", type.kind(), Signatures.kind(c));
    compare("type " + type.name() + " super", type.superName(), Signatures.superName(c));
    compare("type " + type.name() + " interfaces", type.interfaces(), Signatures.interfaces(c));
    if (c.isAnnotation()) {
      checkAnnotation(type, c.asSubclass(Annotation.class));
    } else {
      String listed = type.comment("decl:").map(d -> d.split(";")[0].trim()).orElse("");
      String declared = Signatures.declaration(c);
      if (!listed.equals(declared) && !deviations.allows("decl " + type.name())) {
        report(
            "differs",
            "type "
                + type.name()
                + " generic declaration: reference "
                + listed
                + ", declared "
                + declared);
      }
    }
    boolean deprecated = type.comment("decl:").map(d -> d.contains("@Deprecated")).orElse(false);
    compare(
        "type " + type.name() + " @Deprecated",
        deprecated,
        c.isAnnotationPresent(Deprecated.class));
    checkNesting(type, c);
    checkMembers(type, c, declaredHere);
  }

  /** Whether the type is real: taken from its jar, never declared here. */
  private boolean comesFromJar(ApiReference.Type type) {
    return type.section().equals(ApiReference.EXTERNAL) || fromJars.contains(type.name());
  }

  private void checkAnnotation(ApiReference.Type type, Class<? extends Annotation> c) {
    compare("type " + type.name() + " retention", type.retention(), Signatures.retention(c));
    compare("type " + type.name() + " target", type.target(), Signatures.target(c));
    String meta =
        Arrays.stream(c.getAnnotations())
            .map(a -> a.annotationType().getName())
            .filter(INDEXING_ANNOTATIONS::contains)
            .sorted()
            .collect(Collectors.joining(","));
    compare("type " + type.name() + " meta", type.meta(), meta.isEmpty() ? "-" : meta);
  }

  private void checkNesting(ApiReference.Type type, Class<?> c) {
    boolean staticNested = type.comments().stream().anyMatch(s -> s.contains("static nested"));
    boolean inner = type.comments().stream().anyMatch(s -> s.contains("non-static inner"));
    if (staticNested || inner) {
      String expected = inner ? "inner (non-static)" : "static nested";
      String actual =
          c.getEnclosingClass() == null
              ? "top-level"
              : Modifier.isStatic(c.getModifiers()) ? "static nested" : "inner (non-static)";
      compare("type " + type.name() + " nesting", expected, actual);
    }
  }

  private void checkMembers(ApiReference.Type type, Class<?> c, boolean declaredHere) {
    Map<String, AccessibleObject> declared = listableMembers(c);
    for (Member member : type.members()) {
      AccessibleObject actual = declared.remove(member.key());
      if (actual == null) {
        if (!declaredHere) {
          // A jar's type must have what the catalogue lists (else the jar is the wrong version);
          // a type declared here need declare only the listed members the plugin uses.
          report("missing", member.line());
        }
        continue;
      }
      if (!member.line().equals(line(actual))) {
        report("differs", member.line() + "  <- declared as: " + line(actual));
      }
      member.src().ifPresent(src -> checkSource(member, src, actual));
    }
    if (!declaredHere) {
      return;
    }
    for (AccessibleObject extra : declared.values()) {
      String line = line(extra);
      boolean required =
          extra instanceof Method m && RequiredImplementations.implementsInheritedAbstract(c, m);
      if (!required && !deviations.allows(line)) {
        report("unexpected", line);
      }
    }
  }

  /** Compares the {@code src:} comment: generic form, throws, varargs, @Deprecated, default. */
  private void checkSource(Member member, String src, AccessibleObject actual) {
    SourceForm expected = SourceForm.parse(src);
    String subject =
        member.what()
            + " "
            + member.line().split(" ")[1]
            + "."
            + member.name()
            + member.descriptor();
    String form =
        switch (actual) {
          case Method m -> Signatures.sourceForm(m);
          case Constructor<?> k -> Signatures.sourceForm(k);
          case Field f -> Signatures.sourceForm(f);
          default -> throw new IllegalArgumentException(actual.toString());
        };
    compare(subject + " generic form", expected.head(), form);
    compare(
        subject + " @Deprecated",
        expected.deprecated(),
        actual.isAnnotationPresent(Deprecated.class));
    if (actual instanceof Executable e) {
      compare(subject + " throws", expected.exceptions(), Signatures.exceptions(e));
      compare(subject + " varargs", expected.varargs(), e.isVarArgs());
    }
    if (actual instanceof Method m && m.getDeclaringClass().isAnnotation()) {
      compare(subject + " default", expected.defaultValue(), defaultValue(m));
    }
  }

  private static Map<String, AccessibleObject> listableMembers(Class<?> c) {
    Map<String, AccessibleObject> members = new LinkedHashMap<>();
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (Signatures.isListable(k.getModifiers()) && !k.isSynthetic()) {
        members.put("ctor <init> " + Signatures.descriptor(k), k);
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      if (Signatures.isListable(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        members.put("method " + m.getName() + " " + Signatures.descriptor(m), m);
      }
    }
    for (Field f : c.getDeclaredFields()) {
      if (Signatures.isListable(f.getModifiers()) && !f.isSynthetic()) {
        members.put("field " + f.getName() + " " + Signatures.descriptor(f.getType()), f);
      }
    }
    return members;
  }

  private static String line(AccessibleObject member) {
    return switch (member) {
      case Method m -> Signatures.line(m);
      case Constructor<?> k -> Signatures.line(k);
      case Field f -> Signatures.line(f);
      default -> throw new IllegalArgumentException(member.toString());
    };
  }

  private static String defaultValue(Method element) {
    return sourceText(element.getDefaultValue());
  }

  /** A default value as the source writes it: {@code "text"}, {@code NAME}, {@code {}}. */
  private static String sourceText(Object value) {
    return switch (value) {
      case null -> null;
      case String s -> "\"" + s + "\"";
      case Enum<?> e -> e.name();
      case Object[] array ->
          Arrays.stream(array)
              .map(ConformanceCheck::sourceText)
              .collect(Collectors.joining(", ", "{", "}"));
      default -> value.toString();
    };
  }

  private static boolean isListableType(Class<?> c) {
    return Signatures.isListable(c.getModifiers())
        && !c.isAnonymousClass()
        && !c.isLocalClass()
        && !c.isSynthetic();
  }

  private Optional<Class<?>> load(String name) {
    try {
      return Optional.of(Class.forName(name, false, loader));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** The binary names of the classes compiled into {@code root}. */
  static Set<String> classesUnder(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".class"))
          .map(f -> root.relativize(f).toString())
          .map(
              f ->
                  f.substring(0, f.length() - ".class".length())
                      .replace('/', '.')
                      .replace('\\', '.'))
          .filter(name -> !name.endsWith("package-info") && !name.endsWith("module-info"))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void compare(String subject, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      report("differs", subject + ": reference " + expected + ", declared " + actual);
    }
  }

  private void report(String what, String detail) {
    differences.add("%-13s %s".formatted(what, detail));
  }
}
