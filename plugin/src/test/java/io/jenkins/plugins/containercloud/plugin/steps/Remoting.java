package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Jenkins' remoting does to an object between the controller and an agent: Java serialisation,
 * and on reading, the class filter Jenkins installs (JEP-200), which accepts only classes of
 * Jenkins and of plugins' own jars, throwables, enums, arrays, and the JDK classes on its list. A
 * library bundled in the {@code .hpi} (the engine, {@code container-cloud-core}) is not a plugin
 * jar, so none of its types may cross.
 */
final class Remoting {

  /** The JDK classes on Jenkins' list ({@code whitelisted-classes.txt}) that these objects use. */
  private static final Set<String> JDK_CLASSES =
      Set.of(
          "java.lang.Boolean",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Number",
          "java.lang.StackTraceElement",
          "java.lang.String",
          "java.util.ArrayList",
          "java.util.CollSer",
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.ImmutableCollections$List12",
          "java.util.ImmutableCollections$ListN",
          "java.util.Collections$EmptyList",
          "java.util.Collections$EmptyMap",
          "java.util.Collections$UnmodifiableMap",
          "java.util.Collections$UnmodifiableRandomAccessList");

  /** Jenkins' own packages, and the plugin's (its inner jar carries the plugin manifest). */
  private static final List<String> JENKINS_OR_PLUGIN =
      List.of("hudson.", "jenkins.", "org.jenkinsci.", "io.jenkins.plugins.containercloud.plugin.");

  private Remoting() {}

  /** {@code object} as the other side receives it. */
  @SuppressWarnings("unchecked") // the copy of a T is a T
  static <T> T roundTrip(T object) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot send " + object.getClass().getName(), e);
    }
    Set<String> rejected = new TreeSet<>();
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      in.setObjectInputFilter(
          info -> {
            Class<?> type = info.serialClass();
            if (type != null && !permitted(type)) {
              rejected.add(type.getName());
            }
            return ObjectInputFilter.Status.UNDECIDED;
          });
      T copy = (T) in.readObject();
      assertThat(rejected).as("classes Jenkins' class filter rejects").isEmpty();
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot receive " + object.getClass().getName(), e);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private static boolean permitted(Class<?> type) {
    return type.isArray()
        || type.isPrimitive()
        || Throwable.class.isAssignableFrom(type)
        || Enum.class.isAssignableFrom(type)
        || JDK_CLASSES.contains(type.getName())
        || JENKINS_OR_PLUGIN.stream().anyMatch(type.getName()::startsWith);
  }
}
