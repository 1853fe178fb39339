package dev.closeloop.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.closeloop.config.Config;
import dev.closeloop.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a YAML config over the bundled defaults: {@code ${VAR}} / {@code ${VAR:-default}} are
 * replaced from the environment, unknown keys and bad values are refused with the key's path.
 */
public final class ConfigLoader {
  private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

  /** Keys whose value is a map with names of the operator's choosing. */
  private static final Set<String> FREE_MAPS = Set.of("digest.teams", "survey.words");

  /** Each key's Java type, to read a key written with no value ({@code key:}, {@code ~}). */
  private static final Map<String, Class<?>> TYPES =
      ConfigKeys.all().stream()
          .collect(Collectors.toMap(ConfigKeys.Key::path, k -> ConfigKeys.raw(k.type())));

  private final Function<String, String> env;
  private final ObjectMapper yaml = mapper();

  public ConfigLoader(Function<String, String> env) {
    this.env = env;
  }

  public static ConfigLoader fromEnvironment() {
    return new ConfigLoader(System::getenv);
  }

  public static ObjectMapper mapper() {
    ObjectMapper mapper =
        new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // 'day: 1' was read as the enum's index (TUESDAY, the second constant)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // after JavaTimeModule, so it is the one asked for a Duration
            .registerModule(
                new com.fasterxml.jackson.databind.module.SimpleModule("iso-durations")
                    .addDeserializer(java.time.Duration.class, new IsoDuration()));
    // a value of another kind is refused, not bent into shape: 2.5 is no whole number (Jackson
    // would cut it to 2), 1 is no true; text still reads, as that is what ${VAR} gives
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return mapper;
  }

  /**
   * A duration is ISO-8601 text only: the time module reads a bare number as seconds ({@code delay:
   * 15} was 15 seconds, not the 15 minutes an operator may have meant), which the contract
   * ("ISO-8601 durations throughout") does not offer. A number is refused with the key's path.
   */
  private static final class IsoDuration
      extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<java.time.Duration> {
    IsoDuration() {
      super(java.time.Duration.class);
    }

    @Override
    public java.time.Duration deserialize(
        com.fasterxml.jackson.core.JsonParser p,
        com.fasterxml.jackson.databind.DeserializationContext ctxt)
        throws IOException {
      if (p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT)
          || p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT)) {
        return (java.time.Duration)
            ctxt.handleWeirdNumberValue(
                java.time.Duration.class, p.getNumberValue(), "not an ISO-8601 duration");
      }
      return com.fasterxml.jackson.datatype.jsr310.deser.DurationDeserializer.INSTANCE.deserialize(
          p, ctxt);
    }
  }

  /** Loads {@code file}; a missing file means all defaults. */
  public Config load(Path file) {
    return loadWritten(file).config();
  }

  /**
   * A loaded config with the YAML it came from (defaults merged with the file): {@code written}
   * with {@code ${VAR}} replaced, {@code raw} as in the file. {@link ConfigPrinter} prints from
   * both.
   */
  public record Loaded(Config config, JsonNode written, JsonNode raw) {}

  /** The largest config file read (the shipped one is a few KiB). */
  static final long MAX_FILE = 1024 * 1024;

  /** {@link #load(Path)}, keeping what was written. */
  public Loaded loadWritten(Path file) {
    JsonNode user;
    try {
      // in an operator's file, a key written twice is refused, not silently overwritten by the
      // later one (tests build configs from strings by appending overrides)
      user =
          Files.exists(file)
              ? readTree(
                  yaml.reader()
                      .with(
                          com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION),
                  new String(
                      CliFiles.read(file, MAX_FILE), java.nio.charset.StandardCharsets.UTF_8))
              : null;
    } catch (CliFiles.Unreadable e) {
      // a directory, /dev/zero or a 3 GB file given as the config: invalid config, not an
      // OutOfMemoryError
      throw new ConfigException(file.toString(), e.reason);
    } catch (JsonProcessingException e) {
      throw new ConfigException(file.toString(), "not valid YAML: " + yamlProblem(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return load(user);
  }

  public Config loadString(String yamlText) {
    return loadStringWritten(yamlText).config();
  }

  public Loaded loadStringWritten(String yamlText) {
    try {
      return load(readTree(yaml.reader(), yamlText));
    } catch (JsonProcessingException e) {
      throw new ConfigException("config", "not valid YAML: " + yamlProblem(e));
    }
  }

  /**
   * An environment reference written bare as a whole value in a flow mapping or list, {@code
   * intake: { secret: ${SECRET} }}: not YAML as written ({@code {} and {@code }} are flow
   * indicators there), though the same line in block style is.
   */
  private static final Pattern BARE_REFERENCE =
      Pattern.compile(
          "(?<=[:,\\[{][ \\t]{0,40})\\$\\{[A-Za-z_][A-Za-z0-9_]*(?::-[^}\"'\\r\\n]*)?}"
              + "(?=[ \\t]*(?:[,}\\]#\\r\\n]|$))",
          Pattern.MULTILINE);

  /**
   * The YAML tree of {@code text}. A file YAML refuses is read once more with each bare {@code
   * ${VAR}} value of a flow mapping in double quotes, as the contract writes them ({@code secret:
   * "${SECRET}"}): the reference is then replaced as anywhere else. Only a file that does not read
   * as written is read that way; when neither reads, the first error is reported.
   */
  private static JsonNode readTree(com.fasterxml.jackson.databind.ObjectReader reader, String text)
      throws JsonProcessingException {
    try {
      return reader.readTree(text);
    } catch (JsonProcessingException e) {
      String quoted =
          BARE_REFERENCE
              .matcher(text)
              .replaceAll(m -> Matcher.quoteReplacement("\"" + m.group() + "\""));
      if (quoted.equals(text)) {
        throw e;
      }
      try {
        return reader.readTree(quoted);
      } catch (JsonProcessingException again) {
        throw e;
      }
    }
  }

  /** A key written twice: a config error naming its path. */
  private static void duplicateKey(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message != null
        && message.startsWith("Duplicate field")
        && e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p
        && p.getParsingContext() != null) {
      String path = p.getParsingContext().pathAsPointer().toString();
      if (path.startsWith("/")) {
        throw new ConfigException(path.substring(1).replace('/', '.'), "appears twice");
      }
    }
  }

  /**
   * A YAML syntax error on one line: the parser's problem and where (SnakeYAML's message spans
   * several lines, quoting the file around the mark).
   */
  static String yamlProblem(JsonProcessingException e) {
    duplicateKey(e);
    String problem = e.getOriginalMessage();
    int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
    int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m
        && m.getProblem() != null) {
      problem = m.getProblem();
      if (m.getProblemMark() != null) {
        line = m.getProblemMark().getLine() + 1;
        column = m.getProblemMark().getColumn() + 1;
      }
    }
    String oneLine =
        problem == null ? "syntax error" : problem.strip().replaceAll("\\s*\\R\\s*", " ");
    return line > 0 ? oneLine + " at line " + line + ", column " + column : oneLine;
  }

  private Loaded load(JsonNode user) {
    ObjectNode merged = defaults();
    ObjectNode raw = defaults();
    if (user != null && !user.isNull() && !user.isMissingNode()) {
      if (!user.isObject()) {
        throw new ConfigException("config", "expected a mapping of sections");
      }
      JsonNode asWritten = user.deepCopy();
      interpolate(user, "");
      merge(merged, (ObjectNode) user, "");
      merge(raw, (ObjectNode) asWritten, "");
    }
    Config config;
    try {
      config = yaml.treeToValue(merged, Config.class);
    } catch (JsonMappingException e) {
      throw new ConfigException(path(e), invalidValue(e));
    } catch (JsonProcessingException e) {
      throw new ConfigException("config", e.getOriginalMessage());
    }
    ConfigValidation.validate(config);
    return new Loaded(config, merged, raw);
  }

  /** What a value of the wrong type must be, in words an operator reads at a glance. */
  private static String invalidValue(JsonMappingException e) {
    if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
      // under a map of names (digest.teams.NAME.key), where the defaults cannot list the keys
      return "unknown key";
    } else if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f) {
      String want = expected(f.getTargetType());
      if (want != null) {
        return "must be " + want + ", got \"" + HttpApi.cut(String.valueOf(f.getValue())) + "\"";
      }
    } else if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m) {
      String want = expected(m.getTargetType());
      if (want != null) {
        return "must be " + want;
      }
    }
    return "invalid value (" + firstLine(e.getOriginalMessage()) + ")";
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return null;
    } else if (type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class) {
      return "a whole number";
    } else if (type == double.class || type == Double.class) {
      return "a number";
    } else if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    } else if (type == java.time.Duration.class) {
      return "an ISO-8601 duration like PT15M or P7D";
    } else if (type.isEnum()) {
      return "one of "
          + java.util.Arrays.stream(type.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    return null;
  }

  private ObjectNode defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream("/defaults.yml")) {
      return (ObjectNode) yaml.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void interpolate(JsonNode node, String path) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String childPath = join(path, field.getKey());
        if (field.getValue().isTextual()) {
          field.setValue(new TextNode(substitute(field.getValue().asText(), childPath)));
        } else {
          interpolate(field.getValue(), childPath);
        }
      }
    }
  }

  private String substitute(String value, String path) {
    Matcher m = VAR.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String fromEnv = env.apply(m.group(1));
      String replacement;
      if (fromEnv != null) {
        replacement = fromEnv;
      } else if (m.group(2) != null) {
        replacement = m.group(3);
      } else {
        throw new ConfigException(path, "environment variable " + m.group(1) + " is not set");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private void merge(ObjectNode target, ObjectNode source, String path) {
    Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      String childPath = join(path, key);
      JsonNode value = field.getValue();
      if (FREE_MAPS.contains(childPath)) {
        if (!value.isObject() && !value.isNull()) {
          throw new ConfigException(childPath, "expected a mapping of names");
        }
        target.set(key, value.isNull() ? yaml.createObjectNode() : value);
        continue;
      }
      if (!target.has(key)) {
        throw new ConfigException(childPath, "unknown key");
      }
      JsonNode existing = target.get(key);
      if (existing.isObject()) {
        if (value.isNull()) {
          continue;
        }
        if (!value.isObject()) {
          throw new ConfigException(childPath, "expected a mapping, got " + describe(value));
        }
        merge((ObjectNode) existing, (ObjectNode) value, childPath);
      } else {
        if (value.isObject() || value.isArray()) {
          throw new ConfigException(childPath, "expected a single value, got " + describe(value));
        }
        target.set(
            key, value.isNull() && !existing.isNull() ? noValue(childPath, existing) : value);
      }
    }
  }

  /**
   * A key written with no value, where the default has one: an empty text for a text key (as {@code
   * ""}: none, or unset), refused for any other type rather than left null for the code that reads
   * it.
   */
  private static JsonNode noValue(String path, JsonNode fallback) {
    if (TYPES.get(path) == String.class) {
      return TextNode.valueOf("");
    }
    throw new ConfigException(
        path, "has no value: write one, or leave the key out for the default " + fallback.asText());
  }

  private static String describe(JsonNode node) {
    return node.getNodeType() == JsonNodeType.OBJECT
        ? "a mapping"
        : node.getNodeType().name().toLowerCase();
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String firstLine(String s) {
    int nl = s == null ? -1 : s.indexOf('\n');
    return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The values of every secret key set in {@code config} (to keep them out of the logs). */
  public static java.util.List<String> secretValues(Config config) {
    java.util.List<String> out = new java.util.ArrayList<>();
    collect(mapper().valueToTree(config), "", out);
    return out;
  }

  private static void collect(JsonNode node, String path, java.util.List<String> out) {
    if (node instanceof ObjectNode object) {
      object
          .fields()
          .forEachRemaining(
              f -> {
                String key = join(path, f.getKey());
                if (ConfigKeys.secret(key) && f.getValue().isTextual()) {
                  out.add(f.getValue().asText());
                } else {
                  collect(f.getValue(), key, out);
                }
              });
    }
  }
}
