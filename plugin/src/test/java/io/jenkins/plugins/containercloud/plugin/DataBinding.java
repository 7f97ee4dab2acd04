package io.jenkins.plugins.containercloud.plugin;

import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds configuration data (maps, lists, scalars) to objects the way Stapler and
 * configuration-as-code do: {@code @DataBoundConstructor} parameters by name, then
 * {@code @DataBoundSetter} setters; a key that matches neither is an error, as it is there.
 */
public final class DataBinding {

  private DataBinding() {}

  /** A new {@code type} from {@code data}. */
  public static <T> T instantiate(Class<T> type, Map<String, Object> data) {
    Constructor<?> constructor = constructor(type);
    Map<String, Object> rest = new HashMap<>(data);
    Object[] arguments = new Object[constructor.getParameterCount()];
    for (int i = 0; i < arguments.length; i++) {
      var parameter = constructor.getParameters()[i];
      arguments[i] = convert(parameter.getParameterizedType(), rest.remove(parameter.getName()));
    }
    try {
      T object = type.cast(constructor.newInstance(arguments));
      apply(object, rest);
      return object;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot create " + type.getName() + " from " + data, e);
    }
  }

  /** Calls the {@code @DataBoundSetter} of every key of {@code data} on {@code object}. */
  public static void apply(Object object, Map<String, Object> data) {
    for (Map.Entry<String, Object> entry : data.entrySet()) {
      Method setter = setter(object.getClass(), entry.getKey());
      try {
        setter.invoke(object, convert(setter.getGenericParameterTypes()[0], entry.getValue()));
      } catch (ReflectiveOperationException e) {
        throw new AssertionError("cannot set " + entry.getKey() + " of " + object.getClass(), e);
      }
    }
  }

  /**
   * One of the kinds of a sealed describable, as configuration as code writes it: {@code {symbol:
   * {attributes}}}, the symbol being that of the kind's descriptor.
   */
  @SuppressWarnings("unchecked")
  private static Object describable(Class<?> base, Map<String, Object> data) {
    if (data.size() != 1) {
      return fail(base.getSimpleName() + " takes one kind, as {symbol: {...}}, not " + data);
    }
    Map.Entry<String, Object> only = data.entrySet().iterator().next();
    List<Class<?>> kinds = new ArrayList<>(List.of(base.getPermittedSubclasses()));
    for (int i = 0; i < kinds.size(); i++) {
      if (kinds.get(i).isSealed()) {
        kinds.addAll(List.of(kinds.get(i).getPermittedSubclasses()));
      }
    }
    for (Class<?> kind : kinds) {
      for (Class<?> nested : kind.getDeclaredClasses()) {
        org.jenkinsci.Symbol symbol = nested.getAnnotation(org.jenkinsci.Symbol.class);
        if (symbol != null && List.of(symbol.value()).contains(only.getKey())) {
          Object attributes = only.getValue() == null ? Map.of() : only.getValue();
          return instantiate(kind, (Map<String, Object>) attributes);
        }
      }
    }
    return fail(base.getSimpleName() + " has no kind with the symbol '" + only.getKey() + "'");
  }

  private static Constructor<?> constructor(Class<?> type) {
    for (Constructor<?> constructor : type.getConstructors()) {
      if (constructor.isAnnotationPresent(org.kohsuke.stapler.DataBoundConstructor.class)) {
        return constructor;
      }
    }
    return fail(type.getName() + " has no @DataBoundConstructor");
  }

  private static Method setter(Class<?> type, String key) {
    String name = "set" + Character.toUpperCase(key.charAt(0)) + key.substring(1);
    for (Method method : type.getMethods()) {
      if (method.getName().equals(name)
          && method.getParameterCount() == 1
          && method.isAnnotationPresent(org.kohsuke.stapler.DataBoundSetter.class)) {
        return method;
      }
    }
    return fail(type.getSimpleName() + " has no attribute '" + key + "'");
  }

  @SuppressWarnings("unchecked") // the data is what a YAML parser produces: maps, lists, scalars
  private static Object convert(Type type, Object value) {
    if (value == null) {
      return type == boolean.class ? false : type == int.class ? 0 : null;
    }
    if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      Type element = list.getActualTypeArguments()[0];
      List<Object> converted = new ArrayList<>();
      for (Object item : (List<Object>) value) {
        converted.add(convert(element, item));
      }
      return converted;
    }
    Class<?> raw = (Class<?>) type;
    if (value instanceof Map<?, ?> map && raw.isSealed()) {
      return describable(raw, (Map<String, Object>) map);
    }
    if (value instanceof Map<?, ?> map) {
      return instantiate(raw, (Map<String, Object>) map);
    }
    if (raw == String.class) {
      return value.toString();
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
    }
    if (raw == int.class || raw == Integer.class) {
      return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString());
    }
    return fail("cannot bind " + value + " to " + type);
  }
}
