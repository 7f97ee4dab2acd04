package io.jenkins.plugins.containercloud.jenkinsapi;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiled declarations written in the reference's notation: its {@code type}, {@code ctor}, {@code
 * method} and {@code field} lines, and the generic source form of its comments.
 */
final class Signatures {

  private Signatures() {}

  static String kind(Class<?> type) {
    if (type.isAnnotation()) {
      return "annotation";
    }
    if (type.isEnum()) {
      return "enum";
    }
    if (type.isInterface()) {
      return "interface";
    }
    int modifiers = type.getModifiers();
    return Modifier.isAbstract(modifiers)
        ? "abstract-class"
        : Modifier.isFinal(modifiers) ? "final-class" : "class";
  }

  static String superName(Class<?> type) {
    return type.getSuperclass() == null ? "-" : type.getSuperclass().getName();
  }

  static String interfaces(Class<?> type) {
    return names(type.getInterfaces());
  }

  static String retention(Class<? extends Annotation> type) {
    Retention retention = type.getAnnotation(Retention.class);
    return (retention == null ? RetentionPolicy.CLASS : retention.value()).name();
  }

  static String target(Class<? extends Annotation> type) {
    Target target = type.getAnnotation(Target.class);
    return target == null
        ? "-"
        : Arrays.stream(target.value()).map(ElementType::name).collect(Collectors.joining(","));
  }

  static boolean isListable(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  static String line(Constructor<?> constructor) {
    return "ctor %s %s %s"
        .formatted(
            constructor.getDeclaringClass().getName(),
            access(constructor.getModifiers()),
            descriptor(constructor.getParameterTypes(), void.class));
  }

  static String line(Method method) {
    int modifiers = method.getModifiers();
    String kind =
        Modifier.isAbstract(modifiers)
            ? "abstract"
            : method.isDefault() ? "default" : Modifier.isFinal(modifiers) ? "final" : "concrete";
    return "method %s %s %s %s %s %s"
        .formatted(
            method.getDeclaringClass().getName(),
            access(modifiers),
            Modifier.isStatic(modifiers) ? "static" : "instance",
            kind,
            method.getName(),
            descriptor(method.getParameterTypes(), method.getReturnType()));
  }

  static String line(Field field) {
    int modifiers = field.getModifiers();
    return "field %s %s %s %s %s %s"
        .formatted(
            field.getDeclaringClass().getName(),
            access(modifiers),
            Modifier.isStatic(modifiers) ? "static" : "instance",
            Modifier.isFinal(modifiers) ? "final" : "mutable",
            field.getName(),
            descriptor(field.getType()));
  }

  /** The declaration's generic head as the reference's {@code decl:} comments write it. */
  static String declaration(Class<?> type) {
    List<String> parts = new ArrayList<>();
    if (type.getTypeParameters().length > 0) {
      parts.add(typeParameters(type.getTypeParameters()));
    }
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class) {
      parts.add("extends " + source(superclass));
    }
    List<String> interfaces =
        Arrays.stream(type.getGenericInterfaces()).map(Signatures::source).toList();
    if (!interfaces.isEmpty()) {
      parts.add((type.isInterface() ? "extends " : "implements ") + String.join(", ", interfaces));
    }
    return String.join(" ", parts);
  }

  /** A member's generic form as the reference's {@code src:} comments write it. */
  static String sourceForm(Method method) {
    String typeParameters =
        method.getTypeParameters().length == 0
            ? ""
            : typeParameters(method.getTypeParameters()) + " ";
    return typeParameters
        + source(method.getGenericReturnType())
        + " "
        + method.getName()
        + parameters(method.getGenericParameterTypes());
  }

  static String sourceForm(Constructor<?> constructor) {
    return "void <init>" + parameters(constructor.getGenericParameterTypes());
  }

  static String sourceForm(Field field) {
    return source(field.getGenericType());
  }

  /** The declared exceptions, type variables by name, as {@code throws} clauses write them. */
  static List<String> exceptions(Executable executable) {
    return Arrays.stream(executable.getGenericExceptionTypes())
        .map(Signatures::source)
        .sorted()
        .toList();
  }

  static String descriptor(Method method) {
    return descriptor(method.getParameterTypes(), method.getReturnType());
  }

  static String descriptor(Constructor<?> constructor) {
    return descriptor(constructor.getParameterTypes(), void.class);
  }

  static String descriptor(Class<?> type) {
    if (type.isArray()) {
      return type.getName().replace('.', '/');
    }
    if (type.isPrimitive()) {
      return switch (type.getName()) {
        case "int" -> "I";
        case "boolean" -> "Z";
        case "double" -> "D";
        case "long" -> "J";
        case "float" -> "F";
        case "byte" -> "B";
        case "char" -> "C";
        case "short" -> "S";
        default -> "V";
      };
    }
    return "L" + type.getName().replace('.', '/') + ";";
  }

  private static String descriptor(Class<?>[] parameters, Class<?> returnType) {
    return Stream.of(parameters)
            .map(Signatures::descriptor)
            .collect(Collectors.joining("", "(", ")"))
        + descriptor(returnType);
  }

  private static String access(int modifiers) {
    return Modifier.isPublic(modifiers)
        ? "public"
        : Modifier.isProtected(modifiers)
            ? "protected"
            : Modifier.isPrivate(modifiers) ? "private" : "package";
  }

  private static String names(Class<?>[] types) {
    return types.length == 0
        ? "-"
        : Arrays.stream(types).map(Class::getName).collect(Collectors.joining(","));
  }

  private static String parameters(Type[] types) {
    return Arrays.stream(types).map(Signatures::source).collect(Collectors.joining(", ", "(", ")"));
  }

  private static String typeParameters(TypeVariable<?>[] variables) {
    return Arrays.stream(variables)
        .map(
            v -> {
              List<String> bounds =
                  Arrays.stream(v.getBounds())
                      .filter(b -> b != Object.class)
                      .map(Signatures::source)
                      .toList();
              return bounds.isEmpty()
                  ? v.getName()
                  : v.getName() + " extends " + String.join(" & ", bounds);
            })
        .collect(Collectors.joining(", ", "<", ">"));
  }

  /** javac's rendering: canonical names, java.lang unqualified, no space between type arguments. */
  private static String source(Type type) {
    if (type instanceof Class<?> c) {
      if (c.isArray()) {
        return source(c.getComponentType()) + "[]";
      }
      if (c.isPrimitive()) {
        return c.getName();
      }
      return c.getPackageName().equals("java.lang")
          ? c.getCanonicalName().substring("java.lang.".length())
          : c.getCanonicalName();
    }
    if (type instanceof ParameterizedType p) {
      return source(p.getRawType())
          + Arrays.stream(p.getActualTypeArguments())
              .map(Signatures::source)
              .collect(Collectors.joining(",", "<", ">"));
    }
    if (type instanceof GenericArrayType a) {
      return source(a.getGenericComponentType()) + "[]";
    }
    if (type instanceof WildcardType w) {
      if (w.getLowerBounds().length > 0) {
        return "? super " + source(w.getLowerBounds()[0]);
      }
      Type upper = w.getUpperBounds()[0];
      return upper == Object.class ? "?" : "? extends " + source(upper);
    }
    return type.getTypeName();
  }
}
