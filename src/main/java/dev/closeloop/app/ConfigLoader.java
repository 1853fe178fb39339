package dev.closeloop.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.closeloop.config.Config;
import dev.closeloop.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
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
  private static final Pattern HHMM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

  /** Keys whose value is a map with names of the operator's choosing. */
  private static final Set<String> FREE_MAPS = Set.of("digest.teams", "survey.words");

  private final Function<String, String> env;
  private final ObjectMapper yaml = mapper();

  public ConfigLoader(Function<String, String> env) {
    this.env = env;
  }

  public static ConfigLoader fromEnvironment() {
    return new ConfigLoader(System::getenv);
  }

  public static ObjectMapper mapper() {
    return new ObjectMapper(new YAMLFactory())
        .registerModule(new JavaTimeModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
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

  /** {@link #load(Path)}, keeping what was written. */
  public Loaded loadWritten(Path file) {
    JsonNode user;
    try {
      user = Files.exists(file) ? yaml.readTree(file.toFile()) : null;
    } catch (JsonProcessingException e) {
      throw new ConfigException(file.toString(), "not valid YAML: " + e.getOriginalMessage());
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
      return load(yaml.readTree(yamlText));
    } catch (JsonProcessingException e) {
      throw new ConfigException("config", "not valid YAML: " + e.getOriginalMessage());
    }
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
      throw new ConfigException(
          path(e), "invalid value (" + firstLine(e.getOriginalMessage()) + ")");
    } catch (JsonProcessingException e) {
      throw new ConfigException("config", e.getOriginalMessage());
    }
    validate(config);
    return new Loaded(config, merged, raw);
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
        target.set(key, value);
      }
    }
  }

  private static String describe(JsonNode node) {
    return node.getNodeType() == JsonNodeType.OBJECT
        ? "a mapping"
        : node.getNodeType().name().toLowerCase();
  }

  private static void validate(Config c) {
    range("server.port", c.server().port(), 0, 65535);
    require(
        "storage.url",
        c.storage().url().startsWith("jdbc:h2:") || c.storage().isPostgres(),
        "must be a jdbc:h2: or jdbc:postgresql: URL");
    positive("intake.maxBodyBytes", c.intake().maxBodyBytes());
    require("backup.dir", !c.backup().dir().isBlank(), "must be a directory");
    var smtp = c.mail().smtp();
    range("mail.smtp.port", smtp.port(), 1, 65535);
    if (smtp.configured()) {
      require("mail.smtp.from", smtp.from().contains("@"), "must be an email address to send from");
    }
    var slack = c.slack();
    if (slack.configured() && !slack.socketMode() && slack.signingSecret().isEmpty()) {
      throw new ConfigException(
          "slack.appToken",
          "a bot token needs an app token (Socket Mode) or a signing secret (HTTP mode)");
    }
    url("slack.apiUrl", slack.apiUrl());
    url("discord.apiUrl", c.discord().apiUrl());
    var s = c.survey();
    notNegative("survey.delay", s.delay());
    notNegative("survey.cooldown", s.cooldown());
    notNegative("survey.reminderAfter", s.reminderAfter());
    if (s.expireAfter().isNegative() || s.expireAfter().isZero()) {
      throw new ConfigException("survey.expireAfter", "must be a positive duration");
    }
    require(
        "survey.sampleRate", s.sampleRate() >= 0 && s.sampleRate() <= 1, "must be between 0 and 1");
    quietHours(s.quietHours());
    require(
        "survey.preferPlatform",
        List.of("slack", "discord").contains(s.preferPlatform()),
        "must be slack or discord");
    var d = c.digest();
    time("digest.time", d.time());
    zone("digest.zone", d.zone());
    range("digest.negativeAtOrBelow", d.negativeAtOrBelow(), 0, 5);
    notNegative("digest.ownerReminderAfter", d.ownerReminderAfter());
    require("digest.weekly.day", d.weekly().day() != null, "must be a day such as MONDAY");
    time("digest.weekly.time", d.weekly().time());
    d.teams()
        .forEach(
            (name, team) -> {
              if (team == null) {
                throw new ConfigException(
                    "digest.teams." + name, "expected { slackChannel, discordChannel }");
              }
            });
    range("delivery.maxAttempts", c.delivery().maxAttempts(), 1, 1000);
    notNegative("delivery.backoff", c.delivery().backoff());
    require(
        "delivery.backoffMax",
        c.delivery().backoffMax().compareTo(c.delivery().backoff()) >= 0,
        "must be at least delivery.backoff");
    require("retention.keep", c.retention().keep().toDays() >= 1, "must be at least one day");
    var t = c.timeouts();
    timeout("timeouts.connect", t.connect());
    timeout("timeouts.slack", t.slack());
    timeout("timeouts.discord", t.discord());
    timeout("timeouts.helpdesk", t.helpdesk());
    timeout("timeouts.mail", t.mail());
    pollEvery("connectors.jira.pollEvery", c.connectors().jira().pollEvery());
    pollEvery("connectors.zendesk.pollEvery", c.connectors().zendesk().pollEvery());
    pollEvery("connectors.servicenow.pollEvery", c.connectors().servicenow().pollEvery());
    writeBack(c.connectors());
    LanguageConfig.validate(c);
  }

  /** Write-back: reopen modes, API URLs, and a secret for every generic write-back URL. */
  private static void writeBack(Config.Connectors k) {
    reopen("connectors.jira", k.jira().writeBack().reopen());
    reopen("connectors.zendesk", k.zendesk().writeBack().reopen());
    reopen("connectors.servicenow", k.servicenow().writeBack().reopen());
    reopen("connectors.freshservice", k.freshservice().writeBack().reopen());
    reopen("connectors.glpi", k.glpi().writeBack().reopen());
    reopen("connectors.zammad", k.zammad().writeBack().reopen());
    optionalUrl("connectors.jira.baseUrl", k.jira().baseUrl());
    optionalUrl("connectors.zendesk.baseUrl", k.zendesk().baseUrl());
    optionalUrl("connectors.servicenow.instanceUrl", k.servicenow().instanceUrl());
    optionalUrl("connectors.freshservice.baseUrl", k.freshservice().baseUrl());
    optionalUrl("connectors.glpi.baseUrl", k.glpi().baseUrl());
    optionalUrl("connectors.zammad.baseUrl", k.zammad().baseUrl());
    optionalUrl("connectors.generic.writeBackUrl", k.generic().writeBackUrl());
    require(
        "connectors.generic.writeBackSecret",
        empty(k.generic().writeBackUrl()) || !empty(k.generic().writeBackSecret()),
        "must be set when writeBackUrl is: every write-back is signed");
  }

  private static boolean empty(String value) {
    return value == null || value.isEmpty();
  }

  private static void reopen(String connector, String value) {
    require(
        connector + ".writeBack.reopen",
        List.of("ask", "always", "never").contains(value),
        "must be ask, always or never");
  }

  private static void optionalUrl(String key, String value) {
    require(
        key,
        empty(value) || value.startsWith("http://") || value.startsWith("https://"),
        "must be an http(s) URL, or empty");
  }

  private static void pollEvery(String key, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    try {
      Duration d = Duration.parse(value);
      require(key, d.compareTo(Duration.ofSeconds(10)) >= 0, "must be at least PT10S");
    } catch (DateTimeException e) {
      throw new ConfigException(key, "must be an ISO-8601 duration such as PT5M, or empty");
    }
  }

  /** A bound on a wait: at least 100 ms (a real answer has time to come), at most 10 minutes. */
  private static void timeout(String key, Duration value) {
    require(
        key,
        value != null
            && value.compareTo(Duration.ofMillis(100)) >= 0
            && value.compareTo(Duration.ofMinutes(10)) <= 0,
        "must be a duration between PT0.1S and PT10M");
  }

  static void quietHours(String value) {
    if (value.isEmpty()) {
      return;
    }
    String[] parts = value.split("-", -1);
    if (parts.length != 2
        || !HHMM.matcher(parts[0]).matches()
        || !HHMM.matcher(parts[1]).matches()) {
      throw new ConfigException("survey.quietHours", "must look like 20:00-08:00, or be empty");
    }
  }

  private static void time(String key, String value) {
    require(key, value != null && HHMM.matcher(value).matches(), "must be a time HH:MM");
    LocalTime.parse(value);
  }

  private static void zone(String key, String value) {
    try {
      ZoneId.of(value);
    } catch (DateTimeException | NullPointerException e) {
      throw new ConfigException(key, "unknown time zone '" + value + "'");
    }
  }

  private static void url(String key, String value) {
    require(
        key, value.startsWith("http://") || value.startsWith("https://"), "must be an http(s) URL");
    require(key, value.endsWith("/"), "must end with /");
  }

  private static void range(String key, long value, long min, long max) {
    require(key, value >= min && value <= max, "must be between " + min + " and " + max);
  }

  private static void positive(String key, long value) {
    require(key, value > 0, "must be positive");
  }

  private static void notNegative(String key, Duration value) {
    require(
        key,
        value != null && !value.isNegative(),
        "must be a duration such as PT15M (PT0S for none)");
  }

  private static void require(String key, boolean ok, String reason) {
    if (!ok) {
      throw new ConfigException(key, reason);
    }
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
