package dev.closeloop.app;

import static dev.closeloop.app.Cli.FAILED;
import static dev.closeloop.app.Cli.OK;
import static dev.closeloop.app.Cli.USAGE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.closeloop.app.Cli.Failure;
import dev.closeloop.config.Config;
import dev.closeloop.ticket.poll.CappedBody;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    Integer port = appPort(config);
    if (port != null) {
      HttpRequest.Builder req =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(ANSWER_WITHIN)
              .header("Authorization", "Bearer " + config.admin().token());
      req =
          body == null
              ? req.method(method, HttpRequest.BodyPublishers.noBody())
              : req.header(
                      "Content-Type",
                      path.startsWith("/admin/links") ? "text/csv" : "application/json")
                  .method(method, HttpRequest.BodyPublishers.ofString(body));
      HttpResponse<String> r = answer(port, req.build());
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

  /**
   * The most of an admin answer read: a page of 1,000 surveys is a few MiB, and reading 64 MiB took
   * more than a 256 MiB heap (the buffer grows by doubling, then becomes text).
   */
  static final long ANSWER_LIMIT = 16L * 1024 * 1024;

  /** How long a verb waits for the app's whole answer (headers and body). */
  static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);

  /** How long the health check may take, its whole answer read: then nothing is taken to run. */
  static final Duration HEALTH_WITHIN = Duration.ofSeconds(2);

  /**
   * The whole answer to {@code request}, at most {@link #ANSWER_LIMIT} bytes within {@link
   * #ANSWER_WITHIN}: the request's own timeout ends at the headers, and an answer that never ends
   * would otherwise hold the verb, or fill its memory, for ever.
   */
  static HttpResponse<String> answer(int port, HttpRequest request) throws Exception {
    CompletableFuture<HttpResponse<String>> call =
        client().sendAsync(request, CappedBody.of(ANSWER_LIMIT));
    try {
      return call.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw notInTime(port);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (CappedBody.TooLarge.in(cause) != null) {
        throw new Failure(
            FAILED,
            "the app on 127.0.0.1:"
                + port
                + " answered more than "
                + (ANSWER_LIMIT / (1024 * 1024))
                + " MiB");
      }
      if (cause instanceof java.net.http.HttpTimeoutException) {
        throw notInTime(port);
      }
      throw cause instanceof Exception ex ? ex : e;
    }
  }

  private static Failure notInTime(int port) {
    return new Failure(
        FAILED,
        "the app on 127.0.0.1:"
            + port
            + " did not answer within "
            + ANSWER_WITHIN.toSeconds()
            + " s");
  }

  private static HttpClient client() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(1))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * What answers {@code GET /health/live} on the app's port: null when nothing does (200, within 2
   * s, at most 64 KiB); else the port and whether it proved it holds {@code admin.token} ({@link
   * AppProof}).
   */
  record Probe(int port, boolean proven) {}

  static Probe probe(Config config) {
    Integer port = null;
    String portFile = config.server().portFile();
    if (portFile != null && !portFile.isBlank() && Files.exists(Path.of(portFile))) {
      try {
        port =
            Integer.parseInt(
                new String(
                        CliFiles.read(Path.of(portFile), 64),
                        java.nio.charset.StandardCharsets.UTF_8)
                    .strip());
      } catch (Exception e) {
        port = null;
      }
    }
    if (port == null && config.server().port() > 0) {
      port = config.server().port();
    }
    if (port == null || port < 1 || port > 65535) {
      return null;
    }
    String challenge = AppProof.challenge();
    CompletableFuture<HttpResponse<String>> call =
        client()
            .sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
                    .timeout(HEALTH_WITHIN)
                    .header(AppProof.CHALLENGE, challenge)
                    .build(),
                CappedBody.of(64 * 1024));
    HttpResponse<String> r;
    try {
      r = call.get(HEALTH_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      return null;
    } catch (Exception e) {
      call.cancel(true);
      return null;
    }
    if (r.statusCode() != 200) {
      return null;
    }
    String token = config.admin().token();
    return new Probe(
        port,
        !token.isEmpty()
            && AppProof.proves(
                r.headers().firstValue(AppProof.PROOF).orElse(null), token, port, challenge));
  }

  /**
   * The port where something answers as the app (for {@code restore}: anything at all), or null.
   */
  static Integer runningPort(Config config) {
    Probe p = probe(config);
    return p == null ? null : p.port();
  }

  /**
   * The port of the running app a verb may send {@code admin.token} to, or null when nothing
   * answers there (the verb then opens the store itself). Something that answers without proving it
   * holds the token is refused: it may be another program listening on the port.
   */
  static Integer appPort(Config config) {
    Probe p = probe(config);
    if (p == null) {
      return null;
    }
    if (config.admin().token().isEmpty()) {
      throw new Failure(FAILED, "the app is running; set admin.token so this command can ask it");
    }
    if (!p.proven()) {
      throw new Failure(
          FAILED,
          "127.0.0.1:"
              + p.port()
              + " answers but does not prove it holds admin.token (another program on"
              + " server.port, a stale server.portFile, or an app with another admin.token);"
              + " the token was not sent");
    }
    return p.port();
  }
}
