package io.jenkins.plugins.containercloud.jenkinsapi;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The one general exception to "nothing beyond the reference": a concrete class must implement the
 * abstract methods it inherits, so it declares them, as the real class does, listed or not.
 */
final class RequiredImplementations {

  private RequiredImplementations() {}

  /**
   * Whether {@code method} only implements an abstract method that {@code c}, being concrete, must
   * implement: javac demands it, and the real class has it too, although the reference does not
   * list it.
   */
  static boolean implementsInheritedAbstract(Class<?> c, Method method) {
    if (c.isInterface()
        || Modifier.isAbstract(c.getModifiers())
        || Modifier.isStatic(method.getModifiers())) {
      return false;
    }
    return supertypes(c)
        .flatMap(s -> Arrays.stream(s.getDeclaredMethods()))
        .filter(a -> Modifier.isAbstract(a.getModifiers()))
        .filter(a -> a.getName().equals(method.getName()))
        .filter(a -> a.getParameterCount() == method.getParameterCount())
        .anyMatch(a -> declaresWithParameters(c, a) && !implementedAbove(c, a));
  }

  private static boolean declaresWithParameters(Class<?> c, Method abstractMethod) {
    return Arrays.stream(c.getDeclaredMethods())
        .anyMatch(
            m ->
                m.getName().equals(abstractMethod.getName())
                    && Arrays.equals(m.getParameterTypes(), abstractMethod.getParameterTypes()));
  }

  private static boolean implementedAbove(Class<?> c, Method abstractMethod) {
    for (Class<?> k = c.getSuperclass(); k != null; k = k.getSuperclass()) {
      try {
        Method m =
            k.getDeclaredMethod(abstractMethod.getName(), abstractMethod.getParameterTypes());
        if (!Modifier.isAbstract(m.getModifiers())) {
          return true;
        }
      } catch (NoSuchMethodException notHere) {
        // look further up
      }
    }
    return false;
  }

  private static Stream<Class<?>> supertypes(Class<?> c) {
    Stream<Class<?>> direct =
        Stream.concat(Stream.ofNullable(c.getSuperclass()), Arrays.stream(c.getInterfaces()));
    return direct.flatMap(s -> Stream.concat(Stream.of(s), supertypes(s))).distinct();
  }
}
