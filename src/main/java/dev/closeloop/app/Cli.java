package dev.closeloop.app;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The command line: {@code run} and the operator verbs of docs/reference.md. A verb that needs the
 * store asks the running app through its admin API when one answers (H2 admits one process), else
 * opens the store itself. Exit 0 success, 1 runtime failure, 2 bad usage or invalid config.
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
      Cli.ConfigRef.class,
      Cli.Digest.class,
      Cli.Weekly.class,
      Cli.Stats.class,
      Cli.IncidentsCmd.class,
      Cli.Export.class,
      Cli.Purge.class,
      Cli.EraseUser.class,
      Cli.Link.class,
      Cli.Links.class,
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
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(
        (e, args1) -> {
          CommandLine cmd = e.getCommandLine();
          cmd.getErr().println(e.getMessage());
          cmd.getErr().println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
          return USAGE;
        });
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof ConfigException ce) {
            cmd.getErr().println("invalid config: " + ce.getMessage());
            return USAGE;
          }
          if (e instanceof Failure f) {
            cmd.getErr().println(f.getMessage());
            return f.code;
          }
          cmd.getErr().println("error: " + e.getMessage());
          return FAILED;
        });
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.err);
    return USAGE;
  }

  /** Options every verb takes. */
  abstract static class Verb implements Callable<Integer> {
    @Option(
        names = "--config",
        paramLabel = "PATH",
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
          throw new Failure(
              FAILED, "the app is running; set admin.token so this command can ask it");
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

  /** A failure reported in one line, with its exit code. */
  static final class Failure extends RuntimeException {
    final int code;

    Failure(int code, String message) {
      super(message);
      this.code = code;
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
      description = {
        "Validate the config and print every key as YAML that loads back unchanged: durations as"
            + " written, secrets as $${VAR} references. With --probe, also check each helpdesk's"
            + " write-back credentials and permissions with read-only calls (exit 1 when"
            + " something is missing or unreachable)."
      })
  static final class CheckConfig extends Verb {
    @Option(
        names = "--probe",
        description = "ask each helpdesk with write-back credentials what is missing")
    boolean probe;

    @Override
    public Integer call() {
      ConfigLoader.Loaded loaded = ConfigLoader.fromEnvironment().loadWritten(configPath);
      out().print(new ConfigPrinter(System::getenv).print(loaded).yaml());
      LanguageConfig.notes(loaded.config()).forEach(note -> err().println("note: " + note));
      out().println("# config OK: " + configPath);
      if (probe) {
        HttpClient http =
            HttpClient.newBuilder()
                .connectTimeout(loaded.config().timeouts().connect())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return WriteBackProbe.run(loaded.config(), out(), http, Clock.systemUTC()) ? OK : FAILED;
      }
      return OK;
    }
  }

  @Command(
      name = "config-reference",
      description = {
        "Print the configuration reference (Markdown); with --write FILE, update the generated"
            + " parts of FILE (docs/reference.md) instead."
      })
  static final class ConfigRef implements Callable<Integer> {
    @Option(
        names = "--write",
        paramLabel = "FILE",
        description = "rewrite the generated parts of this file in place")
    Path write;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (write == null) {
        spec.commandLine().getOut().print(ConfigReference.config());
        return OK;
      }
      if (!Files.isRegularFile(write)) {
        spec.commandLine().getErr().println("cannot read " + write);
        return USAGE;
      }
      Files.writeString(write, ConfigReference.rewrite(Files.readString(write)));
      spec.commandLine().getErr().println("updated " + write);
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

  @Command(
      name = "stats",
      description = "Print CSAT beside response rate, by team, assignee and week (--json: JSON).")
  static final class Stats extends Verb {
    @Option(names = "--json", description = "print the /admin/stats JSON instead of tables")
    boolean json;

    @Option(names = "--since", paramLabel = "DATE", description = "YYYY-MM-DD (inclusive)")
    LocalDate since;

    @Option(names = "--until", paramLabel = "DATE", description = "YYYY-MM-DD (inclusive)")
    LocalDate until;

    @Override
    public Integer call() throws Exception {
      String q =
          (since == null ? "" : "since=" + since)
              + (until == null ? "" : (since == null ? "" : "&") + "until=" + until);
      Answer answer =
          ask(
              config(),
              "GET",
              "/admin/stats" + (q.isEmpty() ? "" : "?" + q),
              null,
              app -> app.stats.stats(since, until));
      return print(answer, json, CliTables::stats);
    }
  }

  @Command(name = "export", description = "Export surveys and answers (stdout).")
  static final class Export extends Verb {
    @Option(
        names = "--format",
        required = true,
        paramLabel = "csv|json",
        description = "csv or json")
    String format;

    @Option(
        names = "--user",
        paramLabel = "EMAIL_OR_ID",
        description = "only this person (email or platform id)")
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
      // streamed page by page to stdout (constant memory), a progress bar on stderr for a person
      Config config = config();
      Integer port = runningPort(config);
      try (Progress p = Progress.start("export", -1)) {
        if (port == null) {
          try (App app = new App(config, Clock.systemUTC(), Map.of())) {
            app.admin.export(format, user, out());
          }
          out().flush();
          return OK;
        }
        if (config.admin().token().isEmpty()) {
          throw new Failure(
              FAILED, "the app is running; set admin.token so this command can ask it");
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
            throw new Failure(
                r.statusCode() == 400 ? USAGE : FAILED,
                "the app answered "
                    + r.statusCode()
                    + ": "
                    + new String(body.readNBytes(4096), StandardCharsets.UTF_8));
          }
          new java.io.InputStreamReader(body, StandardCharsets.UTF_8).transferTo(out());
        }
      }
      out().flush();
      return OK;
    }
  }

  @Command(name = "purge", description = "Remove data older than retention.keep.")
  static final class Purge extends Verb {
    @Override
    public Integer call() throws Exception {
      return withProgress(
          "purge",
          config(),
          "POST",
          "/admin/purge",
          null,
          app -> Map.of("removed", app.admin.purge()));
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

  @Command(
      name = "link",
      description =
          "link import FILE.csv — email,discordId lines; link approve ID — a pending request.")
  static final class Link extends Verb {
    @Parameters(index = "0", paramLabel = "import|approve")
    String verb;

    @Parameters(index = "1", paramLabel = "FILE.csv|ID")
    String arg;

    @Override
    public Integer call() throws Exception {
      if ("approve".equals(verb)) {
        if (!arg.matches("\\d{1,18}")) {
          err().println("usage: link approve ID (see `links`)");
          return USAGE;
        }
        long id = Long.parseLong(arg);
        return viaAppOrStore(
            config(),
            "POST",
            "/admin/links/" + id + "/approve",
            null,
            app ->
                app.admin
                    .approveLink(id)
                    .orElseThrow(() -> new IllegalStateException("no pending link request " + id)));
      }
      if (!"import".equals(verb)) {
        err().println("usage: link import FILE.csv | link approve ID");
        return USAGE;
      }
      Path file = Path.of(arg);
      if (!Files.isReadable(file)) {
        err().println("cannot read " + file);
        return USAGE;
      }
      String csv = Files.readString(file);
      try {
        return withProgress(
            "link import",
            config(),
            "POST",
            "/admin/links",
            csv,
            app -> Map.of("linked", app.admin.links(csv)));
      } catch (IllegalArgumentException e) {
        err().println(e.getMessage());
        return USAGE;
      }
    }
  }

  @Command(name = "links", description = "List self-service Discord links waiting for approval.")
  static final class Links extends Verb {
    @Override
    public Integer call() throws Exception {
      return viaAppOrStore(
          config(),
          "GET",
          "/admin/links?state=pending",
          null,
          app -> Map.of("links", app.admin.pendingLinks()));
    }
  }

  @Command(
      name = "backup",
      description = "Online backup of the H2 store to NAME (zip) in backup.dir.")
  static final class Backup extends Verb {
    @Parameters(index = "0", paramLabel = "NAME")
    String file;

    @Override
    public Integer call() throws Exception {
      Config config = config();
      if (!Backups.isFileName(file)) {
        err().println("backup writes to backup.dir: give a file name (no /, \\ or ..)");
        return USAGE;
      }
      String body = Json.MAPPER.writeValueAsString(Map.of("file", file));
      return withProgress(
          "backup",
          config,
          "POST",
          "/admin/backup",
          body,
          app -> Map.of("file", app.db().backup(Backups.target(config.backup(), file)).toString()));
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
      // whatever server.port / portFile say: the store itself knows whether a process holds it
      var busy = Backups.inUse(db, config.storage());
      if (busy.isPresent()) {
        err().println(busy.get());
        return FAILED;
      }
      Path dir = db.getParent();
      try (Progress p = Progress.start("restore", -1)) {
        org.h2.tools.Restore.execute(file.toString(), dir.toString(), db.getFileName().toString());
      }
      out().println("restored " + db + " from " + file);
      return OK;
    }
  }

  @Command(
      name = "incidents",
      description = "List open incidents (negative replies and requests not followed up).")
  static final class IncidentsCmd extends Verb {
    @Option(names = "--all", description = "also those already followed up")
    boolean all;

    @Option(names = "--json", description = "print the /admin/incidents JSON instead of a table")
    boolean json;

    @Option(names = "--limit", description = "at most this many (default 100, at most 1000)")
    Integer limit;

    @Option(names = "--after", description = "the \"next\" cursor of an earlier page")
    String after;

    @Override
    public Integer call() throws Exception {
      String state = all ? "all" : "open";
      int n = Paging.limit(limit == null ? null : limit.toString());
      String query =
          "?state="
              + state
              + "&limit="
              + n
              + (after == null
                  ? ""
                  : "&after=" + java.net.URLEncoder.encode(after, StandardCharsets.UTF_8));
      Answer answer =
          ask(
              config(),
              "GET",
              "/admin/incidents" + query,
              null,
              app -> {
                Paging.Page<Map<String, Object>> page = app.admin.incidents(all, n, after);
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("incidents", page.items());
                m.put("next", page.next());
                return m;
              });
      return print(answer, json, CliTables::incidents);
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

    @Option(names = "--json", description = "list as JSON instead of a table")
    boolean json;

    @Override
    public Integer call() throws Exception {
      Config config = config();
      if ("list".equals(verb)) {
        String state = dead ? "dead" : "pending";
        Answer answer =
            ask(
                config,
                "GET",
                "/admin/outbox?state=" + state,
                null,
                app -> Map.of("outbox", app.admin.outbox(state)));
        return print(answer, json, CliTables::outbox);
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
