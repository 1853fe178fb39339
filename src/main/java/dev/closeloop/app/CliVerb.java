package dev.closeloop.app;

import static dev.closeloop.app.Cli.FAILED;
import static dev.closeloop.app.Cli.OK;
import static dev.closeloop.app.Cli.USAGE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.app.Cli.Failure;
import dev.closeloop.config.Config;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options every verb takes. */
abstract class CliVerb implements Callable<Integer> {
  @Option(
      names = "--config",
      paramLabel = "PATH",
      description = "config file (default bot-config/closeloop.yml)",
      defaultValue = "bot-config/closeloop.yml")
  Path configPath;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  Config config() {
    return ConfigLoader.fromEnvironment().load(configFile());
  }

  /**
   * The config file to load. Only the default path may be missing (then every key takes its
   * default); a {@code --config} given that does not exist is a typo, not a wish for defaults.
   */
  Path configFile() {
    boolean given =
        spec != null
            && spec.commandLine().getParseResult() != null
            && spec.commandLine().getParseResult().hasMatchedOption("--config");
    if (given && !java.nio.file.Files.exists(configPath)) {
      throw new dev.closeloop.config.ConfigException("--config", "no such file " + configPath);
    }
    return configPath;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Runs the verb against the running app, or on the store itself; prints the answer. */
  int viaAppOrStore(Config config, String method, String path, String body, StoreAction local)
      throws Exception {
    out().println(ask(config, method, path, body, local).text());
    return OK;
  }

  /** {@link #viaAppOrStore} with progress shown to a person at a terminal. */
  int withProgress(
      String task, Config config, String method, String path, String body, StoreAction local)
      throws Exception {
    Answer answer;
    try (Progress p = Progress.start(task, -1)) {
      answer = ask(config, method, path, body, local);
    }
    out().println(answer.text());
    return OK;
  }

  /**
   * Asks the running app through its admin API ({@code method path body}) when one answers, else
   * runs {@code local} on the store itself. A refusal becomes a {@link Failure}.
   */
  Answer ask(Config config, String method, String path, String body, StoreAction local)
      throws Exception {
    Integer port = runningPort(config);
    if (port != null) {
      if (config.admin().token().isEmpty()) {
        throw new Failure(FAILED, "the app is running; set admin.token so this command can ask it");
      }
      HttpRequest.Builder req =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(60))
              .header("Authorization", "Bearer " + config.admin().token());
      req =
          body == null
              ? req.method(method, HttpRequest.BodyPublishers.noBody())
              : req.header(
                      "Content-Type",
                      path.startsWith("/admin/links") ? "text/csv" : "application/json")
                  .method(method, HttpRequest.BodyPublishers.ofString(body));
      HttpResponse<String> r =
          HttpClient.newHttpClient().send(req.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new Failure(
            r.statusCode() == 400 ? USAGE : FAILED,
            "the app answered " + r.statusCode() + ": " + r.body());
      }
      return new Answer(r.body(), null);
    }
    try (App app = new App(config, Clock.systemUTC(), Map.of())) {
      return new Answer(null, local.run(app));
    }
  }

  /** Prints {@code answer} as JSON, or as the table {@code table} makes of it. */
  int print(Answer answer, boolean json, java.util.function.Function<JsonNode, String> table)
      throws Exception {
    JsonNode node = answer.json();
    out()
        .print(
            json
                ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n"
                : table.apply(node));
    return OK;
  }

  /** What the running app (its response body) or the store (a value) answered. */
  record Answer(String body, Object local) {
    String text() throws Exception {
      if (body != null) {
        return body;
      }
      return local instanceof String s
          ? s
          : Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(local);
    }

    JsonNode json() throws Exception {
      return body != null ? Json.MAPPER.readTree(body) : Json.MAPPER.valueToTree(local);
    }
  }

  /** Store work done in-process when no app is running. */
  interface StoreAction {
    Object run(App app) throws Exception;
  }

  static Integer runningPort(Config config) {
    Integer port = null;
    String portFile = config.server().portFile();
    if (portFile != null && !portFile.isBlank() && Files.exists(Path.of(portFile))) {
      try {
        port = Integer.parseInt(Files.readString(Path.of(portFile)).strip());
      } catch (Exception e) {
        port = null;
      }
    }
    if (port == null && config.server().port() > 0) {
      port = config.server().port();
    }
    if (port == null) {
      return null;
    }
    try {
      HttpResponse<Void> r =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(1))
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200 ? port : null;
    } catch (Exception e) {
      return null;
    }
  }
}
