package dev.closeloop.app;

import dev.closeloop.config.Config;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The configuration keys, read from the records in declaration order: what {@code check-config}
 * prints and {@code config-reference} documents, so that neither lists a key by hand.
 */
final class ConfigKeys {
  /** Under a map whose names the operator chooses, a name is written like this. */
  static final String NAME = "<name>";

  private ConfigKeys() {}

  /** A key: its dotted path and its Java type. Records are not keys; their components are. */
  record Key(String path, Type type) {
    String section() {
      int dot = path.indexOf('.');
      return dot < 0 ? path : path.substring(0, dot);
    }

    boolean secret() {
      return ConfigKeys.secret(path);
    }
  }

  static List<Key> all() {
    List<Key> out = new ArrayList<>();
    walk(Config.class, "", out);
    return out;
  }

  /** The top-level sections, in order. */
  static List<String> sections() {
    return Arrays.stream(Config.class.getRecordComponents()).map(RecordComponent::getName).toList();
  }

  private static void walk(Class<?> record, String prefix, List<Key> out) {
    for (RecordComponent c : record.getRecordComponents()) {
      String path = prefix.isEmpty() ? c.getName() : prefix + "." + c.getName();
      Type type = c.getGenericType();
      Class<?> raw = raw(type);
      if (raw.isRecord()) {
        walk(raw, path, out);
        continue;
      }
      out.add(new Key(path, type));
      if (Map.class.isAssignableFrom(raw) && raw(valueType(type)).isRecord()) {
        walk(raw(valueType(type)), path + "." + NAME, out);
      }
    }
  }

  /**
   * Secrets are recognised by name: any key ending in secret, token, password or apiKey. They are
   * never printed.
   */
  static boolean secret(String path) {
    String name = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return name.endsWith("secret")
        || name.endsWith("token")
        || name.endsWith("password")
        || name.endsWith("apikey");
  }

  /** The environment variable a literal secret at {@code path} is printed as. */
  static String envName(String path) {
    return "CLOSELOOP_"
        + path.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
            .toUpperCase(Locale.ROOT)
            .replaceAll("[^A-Z0-9]+", "_");
  }

  /** The type as the reference shows it. */
  static String describe(Type type) {
    Class<?> raw = raw(type);
    if (raw == Duration.class) {
      return "duration";
    } else if (raw == String.class) {
      return "string";
    } else if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
      return "integer";
    } else if (raw == double.class || raw == Double.class) {
      return "number";
    } else if (raw == boolean.class) {
      return "boolean";
    } else if (raw == Boolean.class) {
      return "boolean or null";
    } else if (raw.isEnum()) {
      Object[] values = raw.getEnumConstants();
      return "`" + values[0] + "` … `" + values[values.length - 1] + "`";
    } else if (Map.class.isAssignableFrom(raw)) {
      Type value = valueType(type);
      Class<?> v = raw(value);
      String of =
          v.isRecord()
              ? "{ "
                  + Arrays.stream(v.getRecordComponents())
                      .map(RecordComponent::getName)
                      .collect(Collectors.joining(", "))
                  + " }"
              : describe(value);
      return "map: name → " + of;
    }
    return raw.getSimpleName();
  }

  static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalArgumentException("unsupported config type " + type);
  }

  private static Type valueType(Type mapType) {
    return ((ParameterizedType) mapType).getActualTypeArguments()[1];
  }
}
