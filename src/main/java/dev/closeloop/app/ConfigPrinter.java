package dev.closeloop.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The effective configuration as YAML that loads back to the same config: every key of the records
 * and nothing else (no derived values), durations as the operator wrote them ({@code P7D}, not
 * {@code PT168H}), and no secret. A secret taken from the environment is printed as its {@code
 * ${VAR}}; a literal secret in the file as {@code ${CLOSELOOP_<KEY>}}, named in a comment on top.
 */
final class ConfigPrinter {
  private static final Pattern ONE_VAR =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-[^}]*)?}");

  private final Function<String, String> env;
  private final ObjectMapper yaml =
      new ObjectMapper(
              new YAMLFactory()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .disable(YAMLGenerator.Feature.SPLIT_LINES))
          .registerModule(new JavaTimeModule());

  ConfigPrinter(Function<String, String> env) {
    this.env = env;
  }

  /**
   * What was printed, and the literal secrets it replaced by environment references (name → value:
   * for the caller only, never printed).
   */
  record Printed(String yaml, Map<String, String> literalSecrets) {}

  Printed print(ConfigLoader.Loaded loaded) {
    Map<String, String> literal = new TreeMap<>();
    JsonNode tree = value(loaded.config(), loaded.written(), loaded.raw(), "", literal);
    StringBuilder out = new StringBuilder();
    if (!literal.isEmpty()) {
      out.append("# Secrets written in the file are shown as environment references. To load\n")
          .append("# this output back, set each to its value in the file: ")
          .append(String.join(", ", literal.keySet()))
          .append('\n');
    }
    try {
      out.append(yaml.writeValueAsString(tree));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return new Printed(out.toString(), literal);
  }

  private JsonNode value(
      Object value, JsonNode written, JsonNode raw, String path, Map<String, String> literal) {
    if (value == null) {
      return NullNode.instance;
    }
    if (value instanceof Record record) {
      ObjectNode node = yaml.createObjectNode();
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        String name = c.getName();
        node.set(
            name,
            value(
                read(c, record),
                child(written, name),
                child(raw, name),
                join(path, name),
                literal));
      }
      return node;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode node = yaml.createObjectNode();
      map.forEach(
          (k, v) -> {
            String name = String.valueOf(k);
            node.set(
                name, value(v, child(written, name), child(raw, name), join(path, name), literal));
          });
      return node;
    }
    if (value instanceof Duration d) {
      return new TextNode(asWritten(d, written));
    }
    if (value instanceof String s && ConfigKeys.secret(path)) {
      return new TextNode(secret(s, raw, path, literal));
    }
    return yaml.valueToTree(value);
  }

  private static String asWritten(Duration d, JsonNode written) {
    if (written != null && written.isTextual()) {
      try {
        if (Duration.parse(written.asText()).equals(d)) {
          return written.asText();
        }
      } catch (DateTimeException e) {
        // written some other way (a number of seconds): printed in ISO-8601 below
      }
    }
    return d.toString();
  }

  private String secret(String value, JsonNode raw, String path, Map<String, String> literal) {
    if (value.isEmpty()) {
      return "";
    }
    if (raw != null && raw.isTextual()) {
      Matcher m = ONE_VAR.matcher(raw.asText());
      if (m.matches() && env.apply(m.group(1)) != null) {
        return "${" + m.group(1) + "}";
      }
    }
    String name = ConfigKeys.envName(path);
    literal.put(name, value);
    return "${" + name + "}";
  }

  private static Object read(RecordComponent c, Record record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode child(JsonNode node, String name) {
    return node == null ? null : node.get(name);
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
