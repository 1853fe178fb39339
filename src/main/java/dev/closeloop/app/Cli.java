package dev.closeloop.app;

import dev.closeloop.config.Config;
import dev.closeloop.config.ConfigException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line: {@code run} and the operator verbs of CONTRACT.md. A verb that needs the store
 * asks the running app through its admin API when one answers (H2 admits one process), else opens
 * the store itself. Exit 0 success, 1 runtime failure, 2 bad usage or invalid config.
 */
@Command(
    name = "closeloop",
    mixinStandardHelpOptions = true,
    version = "closeloop 0.1",
    description =
        "Post-ticket satisfaction surveys in Slack and Discord, with a daily digest of negative replies.",
    subcommands = {
      Cli.Run.class,
      Cli.CheckConfig.class,
      Cli.Digest.class,
      Cli.Weekly.class,
      Cli.Stats.class,
      Cli.Export.class,
      Cli.Purge.class,
      Cli.EraseUser.class,
      Cli.Link.class,
      Cli.Backup.class,
      Cli.Restore.class,
      Cli.OutboxCmd.class
    })
final class Cli implements Callable<Integer> {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  static int execute(String[] args) {
    CommandLine cl = new CommandLine(new Cli());
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof ConfigException ce) {
            cmd.getErr().println("invalid config: " + ce.getMessage());
            return USAGE;
          }
          cmd.getErr().println("error: " + e.getMessage());
          return FAILED;
        });
    return cl.execute(args);
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return USAGE;
  }

  /** Options every verb takes. */
  abstract static class Verb implements Callable<Integer> {
    @Option(
        names = "--config",
        description = "config file (default bot-config/closeloop.yml)",
        defaultValue = "bot-config/closeloop.yml")
    Path configPath;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    Config config() {
      return ConfigLoader.fromEnvironment().load(configPath);
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }

    /** Runs {@code remote} against the running app, or {@code local} on the store itself. */
    int viaAppOrStore(Config config, String method, String path, String body, StoreAction local)
        throws Exception {
      Integer port = runningPort(config);
      if (port != null) {
        if (config.admin().token().isEmpty()) {
          err().println("the app is running; set admin.token so this command can ask it");
          return FAILED;
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
          err().println("the app answered " + r.statusCode() + ": " + r.body());
          return r.statusCode() == 400 ? USAGE : FAILED;
        }
        out().println(r.body());
        return OK;
      }
      try (App app = new App(config, Clock.systemUTC(), Map.of())) {
        Object result = local.run(app);
        out()
            .println(
                result instanceof String s
                    ? s
                    : Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        return OK;
      }
    }
  }

  /** Sends the log to stderr, for a verb whose stdout is data (an export). */
  static void logToStderr() {
    if (org.slf4j.LoggerFactory.getILoggerFactory()
        instanceof ch.qos.logback.classic.LoggerContext context) {
      var appender = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("OUT");
      if (appender instanceof ch.qos.logback.core.ConsoleAppender<?> console) {
        console.stop();
        console.setTarget("System.err");
        console.start();
      }
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

  @Command(name = "run", description = "Run the bot: webhooks, surveys, digest, admin API.")
  static final class Run extends Verb {
    @Override
    public Integer call() throws Exception {
      Config config = config();
      App app = new App(config, Clock.systemUTC(), Map.of());
      MemoryFootprint.returnIdleMemory();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    app.close();
                    stopped.countDown();
                  },
                  "closeloop-shutdown"));
      app.start();
      stopped.await();
      return OK;
    }
  }

  @Command(
      name = "check-config",
      description = "Validate the config and print it with secrets redacted.")
  static final class CheckConfig extends Verb {
    @Override
    public Integer call() {
      ConfigLoader loader = ConfigLoader.fromEnvironment();
      Config config = loader.load(configPath);
      out().print(loader.redacted(config));
      out().println("config OK: " + configPath);
      return OK;
    }
  }

  @Command(name = "digest", description = "Post the digest now (--now).")
  static final class Digest extends Verb {
    @Option(names = "--now", required = true, description = "post now")
    boolean now;

    @Override
    public Integer call() throws Exception {
      return viaAppOrStore(config(), "POST", "/admin/digest", null, app -> app.digests.postNow());
    }
  }

  @Command(name = "weekly", description = "Post the weekly summary now (--now).")
  static final class Weekly extends Verb {
    @Option(names = "--now", required = true, description = "post now")
    boolean now;

    @Override
    public Integer call() throws Exception {
      return viaAppOrStore(config(), "POST", "/admin/weekly", null, App::weekly);
    }
  }

  @Command(name = "stats", description = "Print CSAT, response rate and more as JSON.")
  static final class Stats extends Verb {
    @Option(names = "--since", description = "YYYY-MM-DD (inclusive)")
    LocalDate since;

    @Option(names = "--until", description = "YYYY-MM-DD (inclusive)")
    LocalDate until;

    @Override
    public Integer call() throws Exception {
      String q =
          (since == null ? "" : "since=" + since)
              + (until == null ? "" : (since == null ? "" : "&") + "until=" + until);
      return viaAppOrStore(
          config(),
          "GET",
          "/admin/stats" + (q.isEmpty() ? "" : "?" + q),
          null,
          app -> app.stats.stats(since, until));
    }
  }

  @Command(name = "export", description = "Export surveys and answers (stdout).")
  static final class Export extends Verb {
    @Option(names = "--format", required = true, description = "csv or json")
    String format;

    @Option(names = "--user", description = "only this person (email or platform id)")
    String user;

    @Override
    public Integer call() throws Exception {
      if (!format.equals("csv") && !format.equals("json")) {
        err().println("--format must be csv or json");
        return USAGE;
      }
      String q =
          "?format="
              + format
              + (user == null
                  ? ""
                  : "&user=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8));
      logToStderr(); // stdout carries the export alone
      Config config = config();
      Integer port = runningPort(config);
      if (port == null) {
        try (App app = new App(config, Clock.systemUTC(), Map.of())) {
          app.admin.export(format, user, out()); // streamed: constant memory
        }
        out().flush();
        return OK;
      }
      if (config.admin().token().isEmpty()) {
        err().println("the app is running; set admin.token so this command can ask it");
        return FAILED;
      }
      HttpResponse<java.io.InputStream> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port + "/admin/export" + q))
                      .timeout(Duration.ofSeconds(60))
                      .header("Authorization", "Bearer " + config.admin().token())
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      try (java.io.InputStream body = r.body()) {
        if (r.statusCode() >= 300) {
          err()
              .println(
                  "the app answered "
                      + r.statusCode()
                      + ": "
                      + new String(body.readNBytes(4096), StandardCharsets.UTF_8));
          return FAILED;
        }
        // streamed to stdout as it arrives
        new java.io.InputStreamReader(body, StandardCharsets.UTF_8).transferTo(out());
      }
      out().flush();
      return OK;
    }
  }

  @Command(name = "purge", description = "Remove data older than retention.keep.")
  static final class Purge extends Verb {
    @Override
    public Integer call() throws Exception {
      return viaAppOrStore(
          config(), "POST", "/admin/purge", null, app -> Map.of("removed", app.admin.purge()));
    }
  }

  @Command(name = "erase-user", description = "Erase everything about a person.")
  static final class EraseUser extends Verb {
    @Parameters(index = "0", paramLabel = "EMAIL_OR_ID")
    String user;

    @Override
    public Integer call() throws Exception {
      String body = Json.MAPPER.writeValueAsString(Map.of("user", user));
      return viaAppOrStore(
          config(),
          "POST",
          "/admin/erase-user",
          body,
          app -> {
            if (!app.admin.eraseUser(user)) {
              throw new IllegalStateException("no such user");
            }
            return Map.of("erased", true);
          });
    }
  }

  @Command(name = "link", description = "link import FILE.csv — email,discordId lines.")
  static final class Link extends Verb {
    @Parameters(index = "0", paramLabel = "import")
    String verb;

    @Parameters(index = "1", paramLabel = "FILE.csv")
    Path file;

    @Override
    public Integer call() throws Exception {
      if (!"import".equals(verb)) {
        err().println("usage: link import FILE.csv");
        return USAGE;
      }
      if (!Files.isReadable(file)) {
        err().println("cannot read " + file);
        return USAGE;
      }
      String csv = Files.readString(file);
      try {
        return viaAppOrStore(
            config(), "POST", "/admin/links", csv, app -> Map.of("linked", app.admin.links(csv)));
      } catch (IllegalArgumentException e) {
        err().println(e.getMessage());
        return USAGE;
      }
    }
  }

  @Command(name = "backup", description = "Online backup of the H2 store to FILE (zip).")
  static final class Backup extends Verb {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() throws Exception {
      String body =
          Json.MAPPER.writeValueAsString(Map.of("file", file.toAbsolutePath().toString()));
      return viaAppOrStore(
          config(),
          "POST",
          "/admin/backup",
          body,
          app -> Map.of("file", app.db().backup(file).toString()));
    }
  }

  @Command(
      name = "restore",
      description = "Restore the H2 store from a backup FILE (app must be stopped).")
  static final class Restore extends Verb {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
      Config config = config();
      if (runningPort(config) != null) {
        err().println("the app is running: stop it before restore");
        return FAILED;
      }
      String url = config.storage().url();
      if (!url.startsWith("jdbc:h2:file:")) {
        err().println("restore works on an H2 file store; for PostgreSQL use pg_restore");
        return USAGE;
      }
      if (!Files.isReadable(file)) {
        err().println("cannot read " + file);
        return USAGE;
      }
      Path db = Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0]).toAbsolutePath();
      Path dir = db.getParent();
      org.h2.tools.Restore.execute(file.toString(), dir.toString(), db.getFileName().toString());
      out().println("restored " + db + " from " + file);
      return OK;
    }
  }

  @Command(name = "outbox", description = "outbox list [--dead] | outbox retry ID|--dead")
  static final class OutboxCmd extends Verb {
    @Parameters(index = "0", paramLabel = "list|retry")
    String verb;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID")
    String id;

    @Option(names = "--dead", description = "dead-lettered rows")
    boolean dead;

    @Override
    public Integer call() throws Exception {
      Config config = config();
      if ("list".equals(verb)) {
        String state = dead ? "dead" : "pending";
        return viaAppOrStore(
            config,
            "GET",
            "/admin/outbox?state=" + state,
            null,
            app -> Map.of("outbox", app.admin.outbox(state)));
      }
      if ("retry".equals(verb) && dead) {
        return viaAppOrStore(
            config,
            "POST",
            "/admin/outbox/retry-dead",
            null,
            app -> Map.of("retried", app.admin.retryAllDead()));
      }
      if ("retry".equals(verb) && id != null && id.matches("\\d{1,18}")) {
        long rowId = Long.parseLong(id);
        return viaAppOrStore(
            config,
            "POST",
            "/admin/outbox/" + rowId + "/retry",
            null,
            app ->
                app.admin
                    .retry(rowId)
                    .orElseThrow(() -> new IllegalStateException("no dead outbox row " + rowId)));
      }
      err().println("usage: outbox list [--dead] | outbox retry ID|--dead");
      return USAGE;
    }
  }
}
