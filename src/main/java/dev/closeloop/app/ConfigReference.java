package dev.closeloop.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.config.ConfigDocs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The generated parts of {@code docs/reference.md}: the configuration keys (from the records, the
 * bundled defaults and {@link ConfigDocs}), the CLI verbs (from the picocli commands) and the admin
 * API (from the OpenAPI document served at {@code /admin/openapi.json}). Each part sits between
 * markers in the file; {@link #rewrite} replaces them and leaves the prose around them alone.
 */
final class ConfigReference {
  static final String CONFIG = "config";
  static final String CLI = "cli";
  static final String ADMIN_API = "admin-api";

  private static final Pattern BLOCK =
      Pattern.compile(
          "(<!-- generated: ([a-z-]+) \\(closeloop config-reference --write\\); do not edit -->\\n)"
              + ".*?"
              + "(<!-- end of generated: \\2 -->)",
          Pattern.DOTALL);

  private ConfigReference() {}

  /** Every generated part, by marker name. */
  static Map<String, String> parts() {
    return Map.of(CONFIG, config(), CLI, cli(new CommandLine(new Cli())), ADMIN_API, adminApi());
  }

  /** {@code document} with each generated part replaced by its current text. */
  static String rewrite(String document) {
    Map<String, String> parts = parts();
    Matcher m = BLOCK.matcher(document);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String part = parts.get(m.group(2));
      if (part == null) {
        throw new IllegalArgumentException("unknown generated part '" + m.group(2) + "'");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + part + m.group(3)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The configuration keys, a table per section. */
  static String config() {
    JsonNode defaults = new ConfigLoader(name -> null).loadStringWritten("{}").raw();
    List<ConfigKeys.Key> keys = ConfigKeys.all();
    StringBuilder md = new StringBuilder();
    for (String section : ConfigKeys.sections()) {
      md.append("\n### `").append(section).append("`\n\n");
      String intro = ConfigDocs.SECTIONS.get(section);
      if (intro != null) {
        md.append(intro).append("\n\n");
      }
      md.append("| key | type | default | meaning |\n|---|---|---|---|\n");
      for (ConfigKeys.Key k : keys) {
        if (!k.section().equals(section)) {
          continue;
        }
        md.append("| `")
            .append(k.path())
            .append("` | ")
            .append(cell(ConfigKeys.describe(k.type()) + (k.secret() ? ", secret" : "")))
            .append(" | ")
            .append(cell(defaultOf(defaults, k.path())))
            .append(" | ")
            .append(cell(ConfigDocs.KEYS.getOrDefault(k.path(), "**undocumented**")))
            .append(" |\n");
      }
    }
    return md.toString();
  }

  private static String defaultOf(JsonNode defaults, String path) {
    if (path.contains(ConfigKeys.NAME)) {
      return "—";
    }
    JsonNode node = defaults;
    for (String part : path.split("\\.")) {
      node = node == null ? null : node.get(part);
    }
    if (node == null || node.isNull()) {
      return "`null`";
    }
    if (node.isObject()) {
      return node.isEmpty() ? "`{}`" : "—";
    }
    if (node.isTextual()) {
      return node.asText().isEmpty() ? "`\"\"`" : "`" + node.asText() + "`";
    }
    return "`" + node.asText() + "`";
  }

  /** The CLI verbs: synopsis, what each does, and its own options. */
  static String cli(CommandLine root) {
    StringBuilder md = new StringBuilder();
    for (CommandLine sub : root.getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      md.append("\n#### `").append(spec.name()).append("`\n\n");
      md.append(String.join(" ", spec.usageMessage().description())).append("\n\n");
      md.append("```\n").append(synopsis(spec)).append("\n```\n");
      List<String> lines = new ArrayList<>();
      for (PositionalParamSpec p : spec.positionalParameters()) {
        if (p.description().length > 0) {
          lines.add("- `" + p.paramLabel() + "`: " + String.join(" ", p.description()));
        }
      }
      for (OptionSpec o : spec.options()) {
        if (!o.longestName().equals("--config") && !o.usageHelp() && !o.versionHelp()) {
          lines.add(
              "- `"
                  + o.longestName()
                  + (o.arity().max() > 0 ? " " + o.paramLabel() : "")
                  + "`: "
                  + String.join(" ", o.description()));
        }
      }
      if (!lines.isEmpty()) {
        md.append('\n').append(String.join("\n", lines)).append('\n');
      }
    }
    return md.toString();
  }

  private static String synopsis(CommandSpec spec) {
    StringBuilder s = new StringBuilder(spec.qualifiedName());
    for (OptionSpec o : spec.options()) {
      if (o.longestName().equals("--config") || o.usageHelp() || o.versionHelp()) {
        continue;
      }
      String opt = o.longestName() + (o.arity().max() > 0 ? " " + o.paramLabel() : "");
      s.append(' ').append(o.required() ? opt : "[" + opt + "]");
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      s.append(' ').append(p.arity().min() > 0 ? p.paramLabel() : "[" + p.paramLabel() + "]");
    }
    if (spec.findOption("--config") != null) {
      s.append(" [--config PATH]");
    }
    return s.toString();
  }

  /** The admin API, one row per operation of the OpenAPI document. */
  static String adminApi() {
    JsonNode doc = openApi();
    StringBuilder md = new StringBuilder("\n| method | path | parameters | what it does |\n");
    md.append("|---|---|---|---|\n");
    Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
      while (ops.hasNext()) {
        Map.Entry<String, JsonNode> op = ops.next();
        List<String> params = new ArrayList<>();
        for (JsonNode p : op.getValue().path("parameters")) {
          if (!"path".equals(p.path("in").asText())) {
            params.add("`" + p.path("name").asText() + "`");
          }
        }
        JsonNode content = op.getValue().path("requestBody").path("content");
        JsonNode json = content.path("application/json").path("schema").path("properties");
        if (json.isObject()) {
          params.add(
              "JSON body `{\"" + String.join("\", \"", iterable(json.fieldNames())) + "\"}`");
        } else if (content.has("text/csv")) {
          params.add("CSV body");
        }
        md.append("| ")
            .append(op.getKey().toUpperCase(java.util.Locale.ROOT))
            .append(" | `")
            .append(path.getKey())
            .append("` | ")
            .append(cell(String.join(", ", params)))
            .append(" | ")
            .append(cell(op.getValue().path("summary").asText()))
            .append(" |\n");
      }
    }
    return md.toString();
  }

  /** The OpenAPI document of the admin API, as served at {@code /admin/openapi.json}. */
  static JsonNode openApi() {
    try (InputStream in = ConfigReference.class.getResourceAsStream("/openapi.json")) {
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> iterable(Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
